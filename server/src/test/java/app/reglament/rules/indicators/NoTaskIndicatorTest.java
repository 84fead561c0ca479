package app.reglament.rules.indicators;

import static app.reglament.rules.indicators.DealFactsBuilder.HEAD;
import static app.reglament.rules.indicators.DealFactsBuilder.MANAGER;
import static app.reglament.rules.indicators.DealFactsBuilder.MEASURING;
import static app.reglament.rules.indicators.DealFactsBuilder.OTHER_MANAGER;
import static app.reglament.rules.indicators.DealFactsBuilder.QUALIFICATION;
import static app.reglament.rules.indicators.DealFactsBuilder.UNSORTED;
import static app.reglament.rules.indicators.DealFactsBuilder.context;
import static app.reglament.rules.indicators.DealFactsBuilder.deal;
import static app.reglament.rules.indicators.DealFactsBuilder.doneTask;
import static app.reglament.rules.indicators.DealFactsBuilder.evaluate;
import static app.reglament.rules.indicators.DealFactsBuilder.openTask;
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

class NoTaskIndicatorTest {
  private static final NoTaskIndicator INDICATOR = new NoTaskIndicator();
  private static final String NOW = "2025-06-18 16:30";

  static Stream<Arguments> deals() {
    return Stream.of(
        arguments(
            "an open task (even overdue) is compliant",
            deal(1).task(openTask(7, MANAGER, "Перезвонить", "2025-06-17 12:00")),
            "compliant lead:1 user 101 day 2025-06-18"),
        arguments(
            "an open task of someone else counts too",
            deal(1).task(openTask(7, OTHER_MANAGER, "Перезвонить", "2025-06-19 12:00")),
            "compliant lead:1 user 101 day 2025-06-18"),
        arguments(
            "the last task closed and no next one: since that completion",
            deal(1)
                .created("2025-06-02 10:00")
                .moved(MEASURING, "2025-06-10 11:00")
                .task(
                    doneTask(
                        7, MANAGER, "Перезвонить", "Договорились о замере", "2025-06-16 15:00"))
                .task(
                    doneTask(8, MANAGER, "Замер", "Замер сделан, ждём расчёт", "2025-06-17 15:00")),
            "no_open_task warning lead:1 user 101 day 2025-06-18 began 2025-06-17 15:00"),
        arguments(
            "moved on after the last task closed: since the move",
            deal(1)
                .created("2025-06-02 10:00")
                .task(
                    doneTask(
                        7, MANAGER, "Перезвонить", "Договорились о замере", "2025-06-10 15:00"))
                .moved(MEASURING, "2025-06-11 11:00"),
            "no_open_task warning lead:1 user 101 day 2025-06-18 began 2025-06-11 11:00"),
        arguments(
            "never had a task: since creation",
            deal(1).created("2025-06-09 10:00"),
            "no_open_task warning lead:1 user 101 day 2025-06-18 began 2025-06-09 10:00"),
        arguments(
            "a stage with no required fields needs a task all the same",
            deal(1).created("2025-06-09 10:00").moved(QUALIFICATION, "2025-06-10 10:00"),
            "no_open_task warning lead:1 user 101 day 2025-06-18 began 2025-06-10 10:00"),
        arguments(
            "the incoming unsorted stage is excluded",
            deal(1).status(UNSORTED).created("2025-06-18 10:00"),
            "none"),
        arguments(
            "a won deal is no item", deal(1).moved(DealFacts.WON, "2025-06-10 10:00"), "none"),
        arguments(
            "a lost deal is no item", deal(1).moved(DealFacts.LOST, "2025-06-10 10:00"), "none"),
        arguments("a deleted deal is no item", deal(1).deleted(true), "none"),
        arguments(
            "a restored deal is an item again",
            deal(1).deleted(false),
            "no_open_task warning lead:1 user 101 day 2025-06-18 began 2025-06-02 10:00"),
        arguments(
            "a deal reassigned midway is charged to its responsible at now",
            deal(1)
                .responsible(OTHER_MANAGER)
                .task(
                    doneTask(7, MANAGER, "Перезвонить", "Передаю сделку Анне", "2025-06-16 15:00")),
            "no_open_task warning lead:1 user 102 day 2025-06-18 began 2025-06-16 15:00"),
        arguments("the head's deal is not checked", deal(1).responsible(HEAD), "none"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("deals")
  void asks_every_active_deal_for_an_open_task(
      String description, DealFactsBuilder deal, String expected) {
    Findings findings = evaluate(INDICATOR, deal.build(), context(NOW));

    assertThat(summary(findings)).isEqualTo(expected);
    assertThat(findings.recheckAt()).isNull();
  }

  @Test
  void the_explanation_tells_the_manager_to_set_a_task() {
    Finding finding =
        evaluate(INDICATOR, deal(1).created("2025-06-09 10:00").build(), context(NOW))
            .list()
            .get(0);

    assertThat(finding.explanation().russian())
        .startsWith("Поставьте задачу")
        .contains("«Квалификация»", "09.06.2025 10:00");
    assertThat(finding.explanation().english()).startsWith("Set a task");
  }
}
