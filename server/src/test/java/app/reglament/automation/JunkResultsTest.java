package app.reglament.automation;

import static app.reglament.automation.Facts.INSTALLED;
import static app.reglament.automation.Facts.RULES;
import static app.reglament.automation.Facts.deal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import app.reglament.outbox.Action;
import app.reglament.rules.RuleContext;
import app.reglament.rules.config.RulesConfig;
import app.reglament.rules.facts.DealFacts;
import app.reglament.rules.indicators.TaskResultIndicator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JunkResultsTest {
  private static final String NOW = "2025-06-03 12:00";
  private static final RulesConfig REOPEN =
      Facts.with(
          RULES, new RulesConfig.TaskResults(10, RULES.taskResults().placeholders(), "reopen"));

  private static long done(String time) {
    return Facts.moscow("2025-06-03 " + time).toEpochMilli();
  }

  /** description, rules, result, completed, the actions as "kind key". */
  static Stream<Arguments> cases() {
    return Stream.of(
        arguments(
            "a placeholder, flagged",
            RULES,
            "+",
            "2025-06-03 11:00",
            List.of("add_note junk:9:" + done("11:00"))),
        arguments(
            "a placeholder, reopened",
            REOPEN,
            "ок",
            "2025-06-03 11:00",
            List.of(
                "update_task junk:9:" + done("11:00") + ":reopen",
                "add_note junk:9:" + done("11:00"))),
        arguments(
            "keyboard mash",
            RULES,
            "фывапролдж",
            "2025-06-03 11:00",
            List.of("add_note junk:9:" + done("11:00"))),
        arguments(
            "a real result",
            REOPEN,
            "Клиент просит перезвонить в пятницу после обеда",
            "2025-06-03 11:00",
            List.of()),
        arguments(
            "junk before the installation is history", REOPEN, "+", "2025-05-30 11:00", List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void judges_completed_tasks(
      String description,
      RulesConfig rules,
      String result,
      String completed,
      List<String> expected) {
    DealFacts deal =
        deal(1)
            .created("2025-05-20 10:00")
            .doneTask(9, "Перезвонить клиенту", result, completed)
            .build();
    RuleContext context = Facts.context(rules, NOW);

    List<Intent> intents =
        JunkResults.decide(
            deal, Facts.findings(new TaskResultIndicator(), deal, context), context, INSTALLED);

    assertThat(intents).extracting(i -> i.action().kind() + " " + i.key()).isEqualTo(expected);
    for (Intent intent : intents) {
      if (intent.action() instanceof Action.UpdateTask u) {
        assertThat(u.update().isCompleted()).isFalse();
        assertThat(u.update().id()).isEqualTo(9);
      } else {
        String text = (String) ((Action.AddNote) intent.action()).note().params().get("text");
        assertThat(text)
            .startsWith(
                "Регламент: задача «Перезвонить клиенту» закрыта с результатом «" + result + "»");
      }
    }
  }
}
