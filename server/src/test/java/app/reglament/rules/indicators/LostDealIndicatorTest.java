package app.reglament.rules.indicators;

import static app.reglament.rules.indicators.FactsFixture.CONTRACT;
import static app.reglament.rules.indicators.FactsFixture.FORMER;
import static app.reglament.rules.indicators.FactsFixture.HEAD;
import static app.reglament.rules.indicators.FactsFixture.MANAGER;
import static app.reglament.rules.indicators.FactsFixture.MEASURE;
import static app.reglament.rules.indicators.FactsFixture.OFFER;
import static app.reglament.rules.indicators.FactsFixture.QUALIFICATION;
import static app.reglament.rules.indicators.FactsFixture.ROBOT;
import static app.reglament.rules.indicators.FactsFixture.UNSORTED;
import static app.reglament.rules.indicators.FactsFixture.at;
import static app.reglament.rules.indicators.FactsFixture.context;
import static app.reglament.rules.indicators.FactsFixture.deal;
import static app.reglament.rules.indicators.FactsFixture.only;
import static app.reglament.rules.indicators.FactsFixture.run;
import static app.reglament.rules.indicators.FactsFixture.withLostDeals;
import static org.assertj.core.api.Assertions.assertThat;

import app.reglament.rules.Finding;
import app.reglament.rules.Indicator;
import app.reglament.rules.Severity;
import app.reglament.rules.facts.ClosedDeal;
import app.reglament.rules.facts.DealFacts;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LostDealIndicatorTest {
  private static final String NOW = "2024-06-10T12:00";
  private static final String LOSS = "2024-06-05T16:00";
  private final LostDealIndicator indicator = new LostDealIndicator();

  /** Three calls, a reason, then the loss at 16:00 on 2024-06-05. */
  private static FactsFixture.Deal worked() {
    return deal(9)
        .outgoing("call", "2024-06-03T10:00")
        .outgoing("call", "2024-06-04T10:00")
        .outgoing("call", "2024-06-05T15:50")
        .lossReason(3L)
        .moved(OFFER, DealFacts.LOST, LOSS);
  }

  /** {@code failing} empty = compliant; the reason is its first element. */
  static Stream<Arguments> verdicts() {
    return Stream.of(
        row(
            "reason, comment after the loss, three calls",
            worked().note("common", MANAGER, "2024-06-05T16:01"),
            List.of()),
        row(
            "a comment up to an hour before the loss counts",
            worked().note("common", MANAGER, "2024-06-05T15:00"),
            List.of()),
        row(
            "a comment days later still counts",
            worked().note("common", MANAGER, "2024-06-07T10:00"),
            List.of()),
        row(
            "a comment more than an hour before does not",
            worked().note("common", MANAGER, "2024-06-05T14:59"),
            List.of("no_comment")),
        row(
            "a robot's note is no comment",
            worked().note("common", ROBOT, "2024-06-05T16:01"),
            List.of("no_comment")),
        row(
            "a call note is no comment",
            worked().note("call_out", MANAGER, "2024-06-05T16:01"),
            List.of("no_comment")),
        row(
            "no reason",
            worked().lossReason(null).note("common", MANAGER, "2024-06-05T16:01"),
            List.of("no_reason")),
        row(
            "contacts after the loss are no attempts",
            deal(9)
                .outgoing("call", "2024-06-03T10:00")
                .outgoing("sms", "2024-06-03T10:01")
                .lossReason(3L)
                .moved(OFFER, DealFacts.LOST, LOSS)
                .outgoing("call", "2024-06-05T16:30")
                .note("common", MANAGER, "2024-06-05T16:01"),
            List.of("few_attempts")),
        row(
            "any outgoing contact is an attempt, a call not reached and its SMS included",
            deal(9)
                .outgoing("call", "2024-06-03T10:00")
                .outgoing("sms", "2024-06-03T10:01")
                .outgoing("mail", "2024-06-04T10:00")
                .incoming("chat", "2024-06-04T11:00")
                .lossReason(3L)
                .moved(OFFER, DealFacts.LOST, LOSS)
                .note("common", MANAGER, "2024-06-05T16:01"),
            List.of()),
        row(
            "everything wrong: reason first, all listed",
            deal(9).outgoing("call", "2024-06-03T10:00").moved(OFFER, DealFacts.LOST, LOSS),
            List.of("no_reason", "no_comment", "few_attempts")));
  }

  private static Arguments row(String name, FactsFixture.Deal deal, List<String> failing) {
    return Arguments.of(name, deal.build(), failing);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("verdicts")
  void judges_a_lost_deal(String name, DealFacts deal, List<String> failing) {
    Finding finding = only(run(indicator, deal, context(NOW)));

    assertThat(finding.day()).isEqualTo(LocalDate.parse("2024-06-05"));
    if (failing.isEmpty()) {
      assertThat(finding.violated()).isFalse();
    } else {
      assertThat(finding.reason()).isEqualTo(failing.get(0));
      assertThat(finding.details()).containsEntry("failing", failing);
      assertThat(finding.beganAt()).isEqualTo(at(LOSS));
    }
  }

  @Test
  void the_explanation_lists_every_failing_check_with_the_figures() {
    DealFacts deal =
        deal(9).outgoing("call", "2024-06-03T10:00").moved(OFFER, DealFacts.LOST, LOSS).build();

    Finding finding = only(run(indicator, deal, context(NOW)));

    assertThat(finding.indicator()).isEqualTo(Indicator.LOST_DEAL);
    assertThat(finding.subjectKey()).isEqualTo("lead:9");
    assertThat(finding.userId()).isEqualTo(MANAGER);
    assertThat(finding.severity()).isEqualTo(Severity.WARNING);
    assertThat(finding.details())
        .containsEntry("contactAttempts", 1)
        .containsEntry("minContactAttempts", 3);
    assertThat(finding.explanation().russian())
        .contains("причина отказа", "закрывающего комментария", "было 1 исходящих контактов из 3");
    assertThat(finding.explanation().english())
        .contains(
            "loss reason", "closing comment", "1 outgoing contacts before the loss, 3 required");
  }

  @Test
  void the_loss_is_the_last_move_into_lost_else_the_closing_time() {
    DealFacts reopened =
        worked()
            .moved(DealFacts.LOST, OFFER, "2024-06-06T10:00")
            .outgoing("call", "2024-06-06T10:30")
            .moved(OFFER, DealFacts.LOST, "2024-06-07T11:00")
            .note("common", MANAGER, "2024-06-07T11:00")
            .build();
    DealFacts withoutHistory =
        deal(10).status(DealFacts.LOST).closedAt("2024-06-06T17:00").lossReason(3L).build();

    assertThat(only(run(indicator, reopened, context(NOW))).day())
        .isEqualTo(LocalDate.parse("2024-06-07"));
    Finding unknownMove = only(run(indicator, withoutHistory, context(NOW)));
    assertThat(unknownMove.day()).isEqualTo(LocalDate.parse("2024-06-06"));
    assertThat(unknownMove.beganAt()).isEqualTo(at("2024-06-06T17:00"));
  }

  @Test
  void the_regulations_decide_whether_a_reason_is_required_and_how_many_attempts() {
    DealFacts deal =
        deal(9)
            .outgoing("call", "2024-06-03T10:00")
            .moved(OFFER, DealFacts.LOST, LOSS)
            .note("common", MANAGER, "2024-06-05T16:01")
            .build();

    assertThat(only(run(indicator, deal, context(withLostDeals(false, 1), NOW))).violated())
        .isFalse();
    assertThat(only(run(indicator, deal, context(withLostDeals(false, 2), NOW))).reason())
        .isEqualTo("few_attempts");
  }

  @Test
  void won_active_deleted_and_unmanaged_deals_have_no_item() {
    assertThat(run(indicator, worked().build(), context(NOW)).list()).hasSize(1);
    assertThat(run(indicator, worked().deleted().build(), context(NOW)).list()).isEmpty();
    assertThat(run(indicator, deal(9).status(DealFacts.WON).build(), context(NOW)).list())
        .isEmpty();
    assertThat(run(indicator, deal(9).status(OFFER).build(), context(NOW)).list()).isEmpty();
    for (Long unmanaged : new Long[] {HEAD, FORMER, null}) {
      DealFacts deal = worked().responsible(unmanaged).build();
      assertThat(run(indicator, deal, context(NOW)).list()).as("user %s", unmanaged).isEmpty();
    }
  }

  static Stream<Arguments> lostFrom() {
    return Stream.of(
        Arguments.of("first regular stage", QUALIFICATION, false),
        Arguments.of("middle stage", MEASURE, true),
        Arguments.of("another middle stage", OFFER, true),
        Arguments.of("last regular stage", CONTRACT, false),
        Arguments.of("unsorted", UNSORTED, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lostFrom")
  void a_closed_deal_knows_whether_it_was_lost_at_a_middle_stage(
      String name, long from, boolean middle) {
    DealFacts deal =
        deal(9)
            .outgoing("call", "2024-06-03T10:00")
            .outgoing("call", "2024-06-04T10:00")
            .moved(from, DealFacts.LOST, LOSS)
            .outgoing("call", "2024-06-06T10:00")
            .build();

    ClosedDeal closed = LostDealIndicator.closedDeal(deal, context(NOW)).orElseThrow();

    Instant lossMove = deal.stages().get(deal.stages().size() - 1).at();
    assertThat(closed).isEqualTo(new ClosedDeal(9, MANAGER, true, from, middle, true, 2, lossMove));
  }

  @Test
  void a_won_deal_is_closed_and_an_open_or_deleted_one_is_not() {
    DealFacts won = deal(9).lossReason(null).moved(CONTRACT, DealFacts.WON, LOSS).build();

    Instant wonMove = won.stages().get(won.stages().size() - 1).at();
    assertThat(LostDealIndicator.closedDeal(won, context(NOW)))
        .contains(new ClosedDeal(9, MANAGER, false, null, false, false, 0, wonMove));
    assertThat(LostDealIndicator.closedDeal(deal(9).build(), context(NOW))).isEmpty();
    assertThat(LostDealIndicator.closedDeal(worked().deleted().build(), context(NOW))).isEmpty();
    assertThat(
            LostDealIndicator.closedDeal(
                    deal(9).status(DealFacts.LOST).closedAt(LOSS).build(), context(NOW))
                .orElseThrow()
                .lostFromStatusId())
        .isNull();
  }
}
