package app.reglament.rules.indicators;

import static app.reglament.rules.indicators.DealFactsBuilder.HEAD;
import static app.reglament.rules.indicators.DealFactsBuilder.MEASURING;
import static app.reglament.rules.indicators.DealFactsBuilder.OTHER_MANAGER;
import static app.reglament.rules.indicators.DealFactsBuilder.QUALIFICATION;
import static app.reglament.rules.indicators.DealFactsBuilder.UNSORTED;
import static app.reglament.rules.indicators.DealFactsBuilder.context;
import static app.reglament.rules.indicators.DealFactsBuilder.deal;
import static app.reglament.rules.indicators.DealFactsBuilder.evaluate;
import static app.reglament.rules.indicators.DealFactsBuilder.local;
import static app.reglament.rules.indicators.DealFactsBuilder.summary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import app.reglament.rules.Finding;
import app.reglament.rules.Findings;
import app.reglament.rules.facts.DealFacts;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StuckDealIndicatorTest {
  private static final StuckDealIndicator INDICATOR = new StuckDealIndicator();
  private static final String NOW = "2025-06-18 16:30";

  // «Квалификация» allows 5 days, «Неразобранное» 3, «Замер» the default 14.
  static Stream<Arguments> deals() {
    return Stream.of(
        arguments(
            "inside the stage's limit: compliant, recheck when it runs out",
            deal(1).created("2025-06-10 09:00").moved(QUALIFICATION, "2025-06-14 10:00"),
            "compliant lead:1 user 101 day 2025-06-18",
            "2025-06-19 10:00"),
        arguments(
            "past the limit: stuck since the limit, recheck at twice the limit",
            deal(1).created("2025-06-09 09:00").moved(QUALIFICATION, "2025-06-10 10:00"),
            "stuck warning lead:1 user 101 day 2025-06-18 began 2025-06-15 10:00",
            "2025-06-20 10:00"),
        arguments(
            "past twice the limit is critical",
            deal(1).created("2025-06-01 09:00").moved(QUALIFICATION, "2025-06-02 10:00"),
            "stuck critical lead:1 user 101 day 2025-06-18 began 2025-06-07 10:00",
            "-"),
        arguments(
            "calendar days count, weekends and holidays included",
            deal(1).created("2025-06-12 16:00"),
            "stuck warning lead:1 user 101 day 2025-06-18 began 2025-06-17 16:00",
            "2025-06-22 16:00"),
        arguments(
            "no move recorded: time in stage counts from creation",
            deal(1).created("2025-06-14 08:00"),
            "compliant lead:1 user 101 day 2025-06-18",
            "2025-06-19 08:00"),
        arguments(
            "the last move into the stage counts, not the first",
            deal(1)
                .created("2025-06-01 09:00")
                .moved(MEASURING, "2025-06-02 09:00")
                .moved(QUALIFICATION, "2025-06-16 09:00"),
            "compliant lead:1 user 101 day 2025-06-18",
            "2025-06-21 09:00"),
        arguments(
            "a stage with no limit of its own has 14 days",
            deal(1).created("2025-06-01 09:00").moved(MEASURING, "2025-06-03 12:00"),
            "stuck warning lead:1 user 101 day 2025-06-18 began 2025-06-17 12:00",
            "2025-07-01 12:00"),
        arguments(
            "the incoming stage has its limit too",
            deal(1).created("2025-06-14 12:00").status(UNSORTED),
            "stuck warning lead:1 user 101 day 2025-06-18 began 2025-06-17 12:00",
            "2025-06-20 12:00"),
        arguments(
            "a won deal is no item",
            deal(1).created("2025-06-01 09:00").moved(DealFacts.WON, "2025-06-02 10:00"),
            "none",
            "-"),
        arguments(
            "a lost deal is no item",
            deal(1).created("2025-06-01 09:00").moved(DealFacts.LOST, "2025-06-02 10:00"),
            "none",
            "-"),
        arguments(
            "a deleted deal is no item",
            deal(1).created("2025-06-01 09:00").deleted(true),
            "none",
            "-"),
        arguments(
            "a deal reassigned midway is charged to its responsible at now",
            deal(1).created("2025-06-01 09:00").responsible(OTHER_MANAGER),
            "stuck critical lead:1 user 102 day 2025-06-18 began 2025-06-06 09:00",
            "-"),
        arguments(
            "the head's deal is not checked",
            deal(1).created("2025-06-01 09:00").responsible(HEAD),
            "none",
            "-"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("deals")
  void judges_time_in_stage(
      String description, DealFactsBuilder deal, String expected, String recheck) {
    Findings findings = evaluate(INDICATOR, deal.build(), context(NOW));

    assertThat(summary(findings)).isEqualTo(expected);
    assertThat(local(findings.recheckAt())).isEqualTo(recheck);
  }

  @Test
  void the_explanation_gives_the_stage_since_when_and_the_limit_and_stays_as_days_pass() {
    DealFacts deal =
        deal(1).created("2025-06-09 09:00").moved(QUALIFICATION, "2025-06-10 10:00").build();

    Finding finding = evaluate(INDICATOR, deal, context(NOW)).list().get(0);

    assertThat(finding.details())
        .containsEntry("maxDays", 5)
        .containsEntry("stage", "Квалификация")
        .doesNotContainKey("daysInStage");
    assertThat(finding.explanation().russian())
        .contains("«Квалификация»", "10.06.2025 10:00", "норма — 5 дн.", "вышел 15.06.2025 10:00");
    assertThat(finding.explanation().english())
        .contains("limit of 5 days", "ran out on 15.06.2025 10:00");
    // A day later the deal is still stuck, and the stored violation needs no rewriting.
    Finding dayLater = evaluate(INDICATOR, deal, context("2025-06-19 16:30")).list().get(0);
    assertThat(dayLater.explanation()).isEqualTo(finding.explanation());
    assertThat(dayLater.details()).isEqualTo(finding.details());
  }
}
