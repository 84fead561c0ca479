package app.reglament.rules;

import static org.assertj.core.api.Assertions.assertThat;

import app.reglament.rules.JunkText.Context;
import app.reglament.rules.JunkText.Settings;
import app.reglament.sandbox.scenario.Scenario;
import app.reglament.sandbox.scenario.ScenarioGenerator;
import app.reglament.sandbox.scenario.ScenarioSettings;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The detector against the sandbox's ground truth: under the scenario's own rules, exactly the
 * planted task_result items are junk, and for the same reason the generator planted.
 */
class GeneratedScenarioJunkTest {
  private static Scenario scenario;

  @BeforeAll
  static void generate() {
    scenario =
        ScenarioGenerator.generate(
            ScenarioSettings.defaults(42, Instant.parse("2025-06-18T16:30:00Z")));
  }

  @Test
  void flagsExactlyThePlantedTaskResultsForThePlantedReasons() {
    JunkText junk = new JunkText(settingsFrom(scenario.groundTruth().rules()));
    Map<Long, String> found = new TreeMap<>();
    // "Previous" is the same manager's previous completed task by completion time.
    Map<Long, List<Scenario.Task>> byManager =
        scenario.tasks().stream()
            .filter(Scenario.Task::completed)
            .sorted(Comparator.comparing(Scenario.Task::updatedAt).thenComparing(Scenario.Task::id))
            .collect(Collectors.groupingBy(Scenario.Task::responsibleUserId));
    for (List<Scenario.Task> own : byManager.values()) {
      String previous = null;
      for (Scenario.Task task : own) {
        Context context = Context.of(task.text(), previous);
        junk.check(task.resultText(), context)
            .ifPresent(verdict -> found.put(task.id(), verdict.code()));
        previous = task.resultText();
      }
    }

    Map<Long, String> planted = new TreeMap<>();
    for (Scenario.Planted item : scenario.groundTruth().planted()) {
      if (item.indicator().equals("task_result")) {
        planted.put(item.taskId(), ourCode(item.description()));
      }
    }

    assertThat(planted).hasSizeGreaterThan(10);
    assertThat(found).isEqualTo(planted);
  }

  /** The generator's reason code is the description's first word; two are named differently. */
  private static String ourCode(String description) {
    String code = description.substring(0, description.indexOf(':'));
    return switch (code) {
      case "keyboard_mash_ru", "keyboard_mash_en" -> "keyboard_mash";
      case "previous_result" -> "same_as_previous";
      default -> code;
    };
  }

  @SuppressWarnings("unchecked")
  private static Settings settingsFrom(Map<String, Object> rules) {
    Map<String, Object> results = (Map<String, Object>) rules.get("taskResults");
    return new Settings(
        ((Number) results.get("minLength")).intValue(), (List<String>) results.get("placeholders"));
  }
}
