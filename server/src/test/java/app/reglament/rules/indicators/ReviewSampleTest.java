package app.reglament.rules.indicators;

import static app.reglament.rules.indicators.FactsFixture.HEAD;
import static app.reglament.rules.indicators.FactsFixture.MANAGER;
import static app.reglament.rules.indicators.FactsFixture.OTHER_MANAGER;
import static app.reglament.rules.indicators.FactsFixture.context;
import static app.reglament.rules.indicators.FactsFixture.deal;
import static org.assertj.core.api.Assertions.assertThat;

import app.reglament.rules.RuleContext;
import app.reglament.rules.facts.DealFacts;
import app.reglament.rules.indicators.ReviewSample.Week;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReviewSampleTest {
  private static final Week WEEK = Week.of(LocalDate.parse("2024-06-05"));
  private static final RuleContext CONTEXT = context("2024-06-20T12:00");

  /** {@code count} deals of a manager, each with one chat in the week of 2024-06-03. */
  private static List<DealFacts> talkedTo(long manager, long firstId, int count) {
    List<DealFacts> deals = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      deals.add(
          deal(firstId + i).responsible(manager).incoming("chat", "2024-06-04T10:00").build());
    }
    return deals;
  }

  @ParameterizedTest(name = "{0} is in ISO week {1}-{2}, which starts {3}")
  @CsvSource({
    "2024-06-05, 2024, 23, 2024-06-03",
    "2024-06-09, 2024, 23, 2024-06-03",
    "2024-06-10, 2024, 24, 2024-06-10",
    "2024-12-30, 2025, 1, 2024-12-30",
    "2021-01-03, 2020, 53, 2020-12-28",
  })
  void weeks_are_iso_weeks(LocalDate day, int year, int week, LocalDate monday) {
    assertThat(Week.of(day)).isEqualTo(new Week(year, week));
    assertThat(Week.of(day).monday()).isEqualTo(monday);
  }

  @Test
  void takes_the_regulated_number_of_each_managers_conversations() {
    List<DealFacts> deals = new ArrayList<>(talkedTo(MANAGER, 100, 12));
    deals.addAll(talkedTo(OTHER_MANAGER, 200, 3));

    Map<Long, List<Long>> sample = ReviewSample.pick(deals, WEEK, CONTEXT);

    assertThat(sample).containsOnlyKeys(MANAGER, OTHER_MANAGER);
    assertThat(sample.get(MANAGER))
        .hasSize(5)
        .doesNotHaveDuplicates()
        .allMatch(id -> id >= 100 && id < 112);
    assertThat(sample.get(OTHER_MANAGER)).containsExactlyInAnyOrder(200L, 201L, 202L);
  }

  @Test
  void is_the_same_whatever_order_the_deals_come_in() {
    List<DealFacts> deals = new ArrayList<>(talkedTo(MANAGER, 100, 20));
    List<Long> first = ReviewSample.pick(deals, WEEK, CONTEXT).get(MANAGER);

    Collections.reverse(deals);

    assertThat(ReviewSample.pick(deals, WEEK, CONTEXT).get(MANAGER)).isEqualTo(first);
  }

  @Test
  void a_conversation_joining_later_displaces_at_most_one_sampled_deal() {
    List<DealFacts> deals = new ArrayList<>(talkedTo(MANAGER, 100, 20));
    Set<Long> before = new HashSet<>(ReviewSample.pick(deals, WEEK, CONTEXT).get(MANAGER));

    deals.addAll(talkedTo(MANAGER, 120, 1));
    Set<Long> after = new HashSet<>(ReviewSample.pick(deals, WEEK, CONTEXT).get(MANAGER));

    after.retainAll(before);
    assertThat(after).hasSizeGreaterThanOrEqualTo(4);
  }

  @Test
  void changes_from_week_to_week() {
    Set<List<Long>> samples = new HashSet<>();
    LocalDate monday = LocalDate.parse("2024-05-06");
    for (int w = 0; w < 6; w++) {
      String tuesday = monday.plusWeeks(w).plusDays(1) + "T10:00";
      List<DealFacts> deals = new ArrayList<>();
      for (long id = 100; id < 120; id++) {
        deals.add(deal(id).incoming("chat", tuesday).build());
      }
      Week week = Week.of(monday.plusWeeks(w));
      samples.add(List.copyOf(new TreeSet<>(ReviewSample.pick(deals, week, CONTEXT).get(MANAGER))));
    }
    assertThat(samples).hasSizeGreaterThan(1);
  }

  @Test
  void the_rank_depends_on_account_manager_week_and_deal() {
    long rank = ReviewSample.rank(1, MANAGER, WEEK, 100);

    assertThat(ReviewSample.rank(1, MANAGER, WEEK, 100)).isEqualTo(rank);
    assertThat(
            List.of(
                ReviewSample.rank(2, MANAGER, WEEK, 100),
                ReviewSample.rank(1, OTHER_MANAGER, WEEK, 100),
                ReviewSample.rank(1, MANAGER, new Week(2024, 24), 100),
                ReviewSample.rank(1, MANAGER, WEEK, 101)))
        .doesNotContain(rank);
  }

  @Test
  void only_deals_with_communications_that_week_in_the_accounts_timezone() {
    List<DealFacts> deals =
        List.of(
            // Sunday 23:30 in Moscow is still this week.
            deal(1).incoming("chat", "2024-06-09T23:30").build(),
            // Monday 01:00 in Moscow is next week (though still Sunday in UTC).
            deal(2).outgoing("call", "2024-06-10T01:00").build(),
            deal(3).outgoing("mail", "2024-05-31T12:00").build(),
            deal(4).build(),
            deal(5).incoming("chat", "2024-06-04T10:00").deleted().build(),
            deal(6).responsible(HEAD).incoming("chat", "2024-06-04T10:00").build(),
            deal(7).missedCall("2024-06-03T09:00").build());

    Map<Long, List<Long>> sample = ReviewSample.pick(deals, WEEK, CONTEXT);

    assertThat(sample).containsOnlyKeys(MANAGER);
    assertThat(sample.get(MANAGER)).containsExactlyInAnyOrder(1L, 7L);
  }
}
