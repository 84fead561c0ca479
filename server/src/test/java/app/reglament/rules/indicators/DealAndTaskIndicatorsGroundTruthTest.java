package app.reglament.rules.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import app.reglament.rules.DealIndicator;
import app.reglament.rules.Finding;
import app.reglament.rules.GroundTruthHarness;
import app.reglament.rules.GroundTruthHarness.Comparison;
import app.reglament.rules.Indicator;
import app.reglament.sandbox.scenario.Scenario;
import app.reglament.sandbox.scenario.ScenarioSettings;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * first_contact, stuck_deal, overdue_task, no_task, task_result and naming against the sandbox's
 * generated account: exactly the planted items are violations, and (but for naming, whose planted
 * kinds describe how a name went wrong) for the reason the sandbox planted.
 */
class DealAndTaskIndicatorsGroundTruthTest {
  private static final List<DealIndicator> INDICATORS =
      List.of(
          new FirstContactIndicator(),
          new StuckDealIndicator(),
          new OverdueTaskIndicator(),
          new NoTaskIndicator(),
          new TaskResultIndicator(),
          new NamingIndicator());

  /**
   * The standard scenario; a Wednesday evening after closing (a task due tonight is not overdue
   * yet); a Monday morning after the New Year holidays.
   */
  static Stream<Arguments> accounts() {
    return Stream.of(
        Arguments.of("standard", GroundTruthHarness.standard()),
        Arguments.of(
            "seed 7, Wednesday 20:30",
            GroundTruthHarness.of(
                ScenarioSettings.defaults(7, Instant.parse("2025-06-18T17:30:00Z")))),
        Arguments.of(
            "seed 42, after the New Year holidays",
            GroundTruthHarness.of(
                ScenarioSettings.defaults(42, Instant.parse("2025-01-13T09:00:00Z")))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("accounts")
  void finds_exactly_the_planted_items_for_the_planted_reasons(
      String name, GroundTruthHarness truth) {
    for (DealIndicator indicator : INDICATORS) {
      List<Finding> findings = truth.evaluate(indicator);
      Comparison comparison = truth.compare(indicator.indicator(), findings);

      assertThat(comparison.exact()).as(comparison.report()).isTrue();
      assertThat(comparison.plantedCount()).as(indicator.indicator().code()).isPositive();
      if (indicator.indicator() != Indicator.NAMING) {
        assertThat(reasons(findings)).isEqualTo(plantedReasons(truth, indicator.indicator()));
      }
    }
  }

  private static Map<String, String> reasons(List<Finding> findings) {
    return findings.stream()
        .filter(Finding::violated)
        .collect(Collectors.toMap(Finding::subjectKey, Finding::reason, (a, b) -> a, TreeMap::new));
  }

  /** The planted description's first word, in the junk detector's words where they differ. */
  private static Map<String, String> plantedReasons(GroundTruthHarness truth, Indicator indicator) {
    Map<String, String> reasons = new TreeMap<>();
    for (Scenario.Planted item : truth.plantedItems(indicator)) {
      String subject = item.taskId() != null ? "task:" + item.taskId() : "lead:" + item.leadId();
      String code = item.description().substring(0, item.description().indexOf(':'));
      reasons.put(
          subject,
          switch (code) {
            case "keyboard_mash_ru", "keyboard_mash_en" -> "keyboard_mash";
            case "previous_result" -> "same_as_previous";
            default -> code;
          });
    }
    return reasons;
  }
}
