package app.reglament.sandbox.scenario;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Generated scenarios shared by the tests of one run: each seed is generated once. */
final class Scenarios {
  private static final Map<Long, Scenario> BY_SEED = new ConcurrentHashMap<>();

  private Scenarios() {}

  static Scenario defaults(long seed) {
    return BY_SEED.computeIfAbsent(
        seed, s -> ScenarioGenerator.generate(ScenarioSettings.defaults(s)));
  }
}
