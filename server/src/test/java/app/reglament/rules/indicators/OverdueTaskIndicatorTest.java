package app.reglament.rules.indicators;

import static app.reglament.rules.indicators.DealFactsBuilder.HEAD;
import static app.reglament.rules.indicators.DealFactsBuilder.LEFT;
import static app.reglament.rules.indicators.DealFactsBuilder.MANAGER;
import static app.reglament.rules.indicators.DealFactsBuilder.OTHER_MANAGER;
import static app.reglament.rules.indicators.DealFactsBuilder.context;
import static app.reglament.rules.indicators.DealFactsBuilder.deal;
import static app.reglament.rules.indicators.DealFactsBuilder.doneTask;
import static app.reglament.rules.indicators.DealFactsBuilder.evaluate;
import static app.reglament.rules.indicators.DealFactsBuilder.local;
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

class OverdueTaskIndicatorTest {
  private static final OverdueTaskIndicator INDICATOR = new OverdueTaskIndicator();
  private static final String NOW = "2025-06-18 16:30";

  static Stream<Arguments> deals() {
    return Stream.of(
        arguments(
            "due in working hours and passed: overdue since the deadline",
            deal(1).task(openTask(7, MANAGER, "Перезвонить", "2025-06-18 12:00")),
            NOW,
            "deadline_passed warning task:7 user 101 day 2025-06-18 began 2025-06-18 12:00",
            "-"),
        arguments(
            "due later today: compliant, recheck at the deadline",
            deal(1).task(openTask(7, MANAGER, "Перезвонить", "2025-06-18 17:00")),
            NOW,
            "compliant task:7 user 101 day 2025-06-18",
            "2025-06-18 17:00"),
        arguments(
            "due 20:00 tonight, seen at 20:30: counts from tomorrow's opening",
            deal(1).task(openTask(7, MANAGER, "Перезвонить вечером", "2025-06-18 20:00")),
            "2025-06-18 20:30",
            "compliant task:7 user 101 day 2025-06-18",
            "2025-06-19 09:00"),
        arguments(
            "due 20:00 yesterday, seen next morning: overdue since the opening",
            deal(1).task(openTask(7, MANAGER, "Перезвонить вечером", "2025-06-17 20:00")),
            "2025-06-18 10:00",
            "deadline_passed warning task:7 user 101 day 2025-06-18 began 2025-06-18 09:00",
            "-"),
        arguments(
            "an all-day task due Friday 23:59 counts from Monday 09:00",
            deal(1).task(openTask(7, MANAGER, "Отправить КП", "2025-06-13 23:59")),
            "2025-06-16 08:30",
            "compliant task:7 user 101 day 2025-06-16",
            "2025-06-16 09:00"),
        arguments(
            "a deadline before the holiday counts from the day after it",
            deal(1).task(openTask(7, MANAGER, "Отправить КП", "2025-06-11 23:59")),
            "2025-06-12 15:00",
            "compliant task:7 user 101 day 2025-06-12",
            "2025-06-13 09:00"),
        arguments(
            "every open task is its own item",
            deal(1)
                .task(openTask(7, MANAGER, "Перезвонить", "2025-06-18 12:00"))
                .task(openTask(8, MANAGER, "Выставить счёт", "2025-06-19 12:00")),
            NOW,
            "deadline_passed warning task:7 user 101 day 2025-06-18 began 2025-06-18 12:00;"
                + " compliant task:8 user 101 day 2025-06-18",
            "2025-06-19 12:00"),
        arguments(
            "a completed task is no item",
            deal(1).task(doneTask(7, MANAGER, "Перезвонить", "Договорились о замере", NOW)),
            NOW,
            "none",
            "-"),
        arguments(
            "a task with no deadline is no item",
            deal(1).task(openTask(7, MANAGER, "Перезвонить", null)),
            NOW,
            "none",
            "-"),
        arguments(
            "charged to the task's responsible, not the deal's",
            deal(1)
                .responsible(OTHER_MANAGER)
                .task(openTask(7, MANAGER, "Перезвонить", "2025-06-18 12:00")),
            NOW,
            "deadline_passed warning task:7 user 101 day 2025-06-18 began 2025-06-18 12:00",
            "-"),
        arguments(
            "the head's task on a manager's deal is not checked",
            deal(1).task(openTask(7, HEAD, "Проверить сделку", "2025-06-18 12:00")),
            NOW,
            "none",
            "-"),
        arguments(
            "a manager's task on the head's deal is checked",
            deal(1).responsible(HEAD).task(openTask(7, MANAGER, "Перезвонить", "2025-06-18 12:00")),
            NOW,
            "deadline_passed warning task:7 user 101 day 2025-06-18 began 2025-06-18 12:00",
            "-"),
        arguments(
            "an inactive user's task is not checked",
            deal(1).task(openTask(7, LEFT, "Перезвонить", "2025-06-18 12:00")),
            NOW,
            "none",
            "-"),
        arguments(
            "an open task on a closed deal still counts",
            deal(1)
                .task(openTask(7, MANAGER, "Позвонить после монтажа", "2025-06-18 12:00"))
                .moved(DealFacts.WON, "2025-06-17 12:00"),
            NOW,
            "deadline_passed warning task:7 user 101 day 2025-06-18 began 2025-06-18 12:00",
            "-"),
        arguments(
            "a deleted deal's tasks are no items",
            deal(1).deleted(true).task(openTask(7, MANAGER, "Перезвонить", "2025-06-18 12:00")),
            NOW,
            "none",
            "-"),
        arguments(
            "a restored deal's tasks are items again",
            deal(1).deleted(false).task(openTask(7, MANAGER, "Перезвонить", "2025-06-18 12:00")),
            NOW,
            "deadline_passed warning task:7 user 101 day 2025-06-18 began 2025-06-18 12:00",
            "-"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("deals")
  void judges_open_tasks(
      String description, DealFactsBuilder deal, String now, String expected, String recheck) {
    Findings findings = evaluate(INDICATOR, deal.build(), context(now));

    assertThat(summary(findings)).isEqualTo(expected);
    assertThat(local(findings.recheckAt())).isEqualTo(recheck);
  }

  @Test
  void the_explanation_names_the_task_and_the_deadline_and_stays_while_the_task_waits() {
    DealFacts deal =
        deal(1).task(openTask(7, MANAGER, "Перезвонить вечером", "2025-06-17 20:00")).build();

    Finding finding = evaluate(INDICATOR, deal, context("2025-06-18 11:05")).list().get(0);

    assertThat(finding.leadId()).isEqualTo(1L);
    assertThat(finding.taskId()).isEqualTo(7L);
    assertThat(finding.details())
        .containsEntry("countedFrom", "2025-06-18T06:00:00Z")
        .doesNotContainKey("workingMinutesOverdue");
    assertThat(finding.explanation().russian())
        .startsWith("Выполните задачу «Перезвонить вечером»")
        .contains("17.06.2025 20:00", "отсчёт с 18.06.2025 09:00");
    assertThat(finding.explanation().english()).contains("counted from 18.06.2025 09:00");
    Finding later = evaluate(INDICATOR, deal, context("2025-06-19 16:00")).list().get(0);
    assertThat(later.explanation()).isEqualTo(finding.explanation());
    assertThat(later.details()).isEqualTo(finding.details());
  }
}
