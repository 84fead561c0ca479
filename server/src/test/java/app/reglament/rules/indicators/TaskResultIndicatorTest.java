package app.reglament.rules.indicators;

import static app.reglament.rules.indicators.DealFactsBuilder.HEAD;
import static app.reglament.rules.indicators.DealFactsBuilder.MANAGER;
import static app.reglament.rules.indicators.DealFactsBuilder.OTHER_MANAGER;
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

class TaskResultIndicatorTest {
  private static final TaskResultIndicator INDICATOR = new TaskResultIndicator();
  private static final String NOW = "2025-06-18 16:30";
  private static final String REAL = "Клиент согласен на замер в пятницу после обеда";

  static Stream<Arguments> deals() {
    return Stream.of(
        arguments(
            "a real result is compliant on its completion's day",
            deal(1).task(doneTask(7, MANAGER, "Перезвонить", REAL, "2025-06-17 15:00")),
            "compliant task:7 user 101 day 2025-06-17"),
        arguments(
            "a placeholder",
            deal(1).task(doneTask(7, MANAGER, "Перезвонить", "ок", "2025-06-17 15:00")),
            "placeholder warning task:7 user 101 day 2025-06-17 began 2025-06-17 15:00"),
        arguments(
            "an empty result",
            deal(1).task(doneTask(7, MANAGER, "Перезвонить", null, "2025-06-17 15:00")),
            "empty warning task:7 user 101 day 2025-06-17 began 2025-06-17 15:00"),
        arguments(
            "a copy of the task's text",
            deal(1)
                .task(
                    doneTask(
                        7,
                        MANAGER,
                        "Перезвонить клиенту",
                        "Перезвонить клиенту",
                        "2025-06-17 15:00")),
            "copy_of_task_text warning task:7 user 101 day 2025-06-17 began 2025-06-17 15:00"),
        arguments(
            "the manager's previous result pasted again",
            deal(1).task(doneTask(7, MANAGER, "Перезвонить", REAL, "2025-06-17 15:00", REAL)),
            "same_as_previous warning task:7 user 101 day 2025-06-17 began 2025-06-17 15:00"),
        arguments(
            "keyboard mash",
            deal(1).task(doneTask(7, MANAGER, "Перезвонить", "фывапролджэ", "2025-06-17 15:00")),
            "keyboard_mash warning task:7 user 101 day 2025-06-17 began 2025-06-17 15:00"),
        arguments(
            "the day is Moscow's: 00:30 belongs to the new day, 23:50 to the old one",
            deal(1)
                .task(doneTask(7, MANAGER, "Перезвонить", "-", "2025-06-18 00:30"))
                .task(doneTask(8, MANAGER, "Перезвонить", REAL, "2025-06-17 23:50")),
            "placeholder warning task:7 user 101 day 2025-06-18 began 2025-06-18 00:30;"
                + " compliant task:8 user 101 day 2025-06-17"),
        arguments(
            "each completed task is its own item; open ones are none",
            deal(1)
                .task(doneTask(7, MANAGER, "Перезвонить", REAL, "2025-06-16 12:00"))
                .task(doneTask(8, MANAGER, "Замер", "+", "2025-06-17 12:00"))
                .task(openTask(9, MANAGER, "Выставить счёт", "2025-06-19 12:00")),
            "compliant task:7 user 101 day 2025-06-16;"
                + " placeholder warning task:8 user 101 day 2025-06-17 began 2025-06-17 12:00"),
        arguments(
            "charged to the task's responsible (the deal changed hands)",
            deal(1)
                .responsible(OTHER_MANAGER)
                .task(doneTask(7, MANAGER, "Перезвонить", "ок", "2025-06-17 15:00")),
            "placeholder warning task:7 user 101 day 2025-06-17 began 2025-06-17 15:00"),
        arguments(
            "won deals' tasks are judged",
            deal(1)
                .task(doneTask(7, MANAGER, "Перезвонить", "+", "2025-06-17 15:00"))
                .moved(DealFacts.WON, "2025-06-17 15:05"),
            "placeholder warning task:7 user 101 day 2025-06-17 began 2025-06-17 15:00"),
        arguments(
            "the head's results are not checked",
            deal(1).task(doneTask(7, HEAD, "Проверить сделку", "ок", "2025-06-17 15:00")),
            "none"),
        arguments(
            "a deleted deal's tasks are no items",
            deal(1)
                .deleted(true)
                .task(doneTask(7, MANAGER, "Перезвонить", "ок", "2025-06-17 15:00")),
            "none"),
        arguments(
            "a task completed after now is not known yet",
            deal(1).task(doneTask(7, MANAGER, "Перезвонить", "ок", "2025-06-18 17:00")),
            "none"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("deals")
  void judges_completed_tasks_results(String description, DealFactsBuilder deal, String expected) {
    Findings findings = evaluate(INDICATOR, deal.build(), context(NOW));

    assertThat(summary(findings)).isEqualTo(expected);
    assertThat(findings.recheckAt()).isNull();
  }

  @Test
  void the_explanation_carries_the_junk_rules_advice() {
    DealFacts deal =
        deal(1).task(doneTask(7, MANAGER, "Перезвонить", "ок", "2025-06-17 15:00")).build();

    Finding finding = evaluate(INDICATOR, deal, context(NOW)).list().get(0);

    assertThat(finding.explanation().russian())
        .contains("«Перезвонить»", "17.06.2025 15:00", "Отписка вместо результата");
    assertThat(finding.explanation().english()).contains("A placeholder, not a result");
    assertThat(finding.details()).containsEntry("result", "ок");
  }
}
