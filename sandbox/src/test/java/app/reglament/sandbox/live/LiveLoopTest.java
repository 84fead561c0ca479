package app.reglament.sandbox.live;

import static org.assertj.core.api.Assertions.assertThat;

import app.reglament.sandbox.scenario.Scenario;
import app.reglament.sandbox.scenario.ScenarioGenerator;
import app.reglament.sandbox.scenario.ScenarioSettings;
import app.reglament.sandbox.store.Store;
import app.reglament.sandbox.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Live mode drives the real store: its actions become deals, tasks and amoCRM events. */
class LiveLoopTest {
  private static final Instant NOW = Instant.parse("2025-06-18T08:00:00Z");

  @Test
  void ticks_create_deals_and_events_in_the_store() {
    Scenario scenario =
        ScenarioGenerator.generate(ScenarioSettings.defaults(11, NOW).withDeals(400));
    var clock = new MutableClock(NOW);
    Store store = Store.of(scenario, clock);
    Store.Counts before = store.counts();

    try (LiveLoop loop = new LiveLoop(scenario, 11, store, clock)) {
      for (int i = 0; i < 40; i++) {
        clock.advance(Duration.ofMinutes(3));
        loop.tick();
      }
    }

    Store.Counts after = store.counts();
    assertThat(after.events()).isGreaterThan(before.events());
    assertThat(after.leads() + after.tasks()).isGreaterThan(before.leads() + before.tasks());
  }
}
