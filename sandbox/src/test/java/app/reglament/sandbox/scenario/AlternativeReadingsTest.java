package app.reglament.sandbox.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import app.reglament.sandbox.scenario.NaiveChecker.Reading;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The data keeps away from DESIGN.md's open questions: an engine that reads them differently from
 * the ground truth still finds exactly the planted set. Each case flips one choice and reruns the
 * indicators it touches.
 */
class AlternativeReadingsTest {
  private static final long SEED = 3L;

  static Stream<Arguments> readings() {
    return Stream.of(
        Arguments.of(
            "messages are answered in clock minutes",
            new Reading(false, false, 15, false, false, false, false, false, false),
            Set.of("communication")),
        Arguments.of(
            "only a reply on the same channel answers",
            new Reading(true, true, 15, false, false, false, false, false, false),
            Set.of("communication")),
        Arguments.of(
            "each event stands for 10 minutes of work",
            new Reading(true, false, 10, false, false, false, false, false, false),
            Set.of("worktime")),
        Arguments.of(
            "each event stands for 20 minutes of work",
            new Reading(true, false, 20, false, false, false, false, false, false),
            Set.of("worktime")),
        Arguments.of(
            "time in stage is counted in working days",
            new Reading(true, false, 15, true, false, false, false, false, false),
            Set.of("stuck_deal")),
        Arguments.of(
            "a closing comment comes with or after the loss",
            new Reading(true, false, 15, false, true, false, false, false, false),
            Set.of("lost_deal")),
        Arguments.of(
            "attempts are calls on the deal only",
            new Reading(true, false, 15, false, false, true, false, false, false),
            Set.of("lost_deal")),
        Arguments.of(
            "length is counted in characters",
            new Reading(true, false, 15, false, false, false, true, false, false),
            Set.of("task_result", "first_contact")),
        Arguments.of(
            "fields are held to the results' length",
            new Reading(true, false, 15, false, false, false, false, true, false),
            Set.of("required_fields")),
        Arguments.of(
            "first contact needs a connected call",
            new Reading(true, false, 15, false, false, false, false, false, true),
            Set.of("first_contact")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("readings")
  void anotherReadingFindsTheSameViolations(String name, Reading reading, Set<String> touched) {
    Scenario scenario = Scenarios.defaults(SEED);
    var planted =
        new TreeSet<>(
            scenario.groundTruth().planted().stream()
                .filter(p -> touched.contains(p.indicator()))
                .map(GroundTruthTest::key)
                .toList());
    var found =
        new TreeSet<>(
            new NaiveChecker(scenario, ScenarioSettings.DEFAULT_HISTORY_DAYS, reading)
                .check(touched).stream().map(NaiveChecker.Finding::key).toList());
    assertThat(found).as(name).isEqualTo(planted).isNotEmpty();
  }
}
