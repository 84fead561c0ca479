package app.reglament.sandbox.live;

import app.reglament.sandbox.scenario.LiveActivity;
import app.reglament.sandbox.scenario.Scenario;
import app.reglament.sandbox.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live mode: the generated department keeps working, one tick every {@code pace}: new leads, stage
 * moves, task closings, chats and calls, through the store (so with events and webhooks).
 */
public final class LiveLoop implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LiveLoop.class);

  private final LiveActivity activity;
  private final StoreSink sink;
  private final Clock clock;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "sandbox-live");
            thread.setDaemon(true);
            return thread;
          });

  public LiveLoop(Scenario scenario, long seed, Store store, Clock clock) {
    this(scenario, seed, store, clock, LiveActivity.Pace.defaults());
  }

  /**
   * @param pace how busy the department is and how often its managers slip: a test of the
   *     automations turns mistakes up so that a few minutes show each of them
   */
  public LiveLoop(Scenario scenario, long seed, Store store, Clock clock, LiveActivity.Pace pace) {
    this.activity = new LiveActivity(scenario, seed, pace);
    this.sink = new StoreSink(store);
    this.clock = clock;
  }

  public LiveLoop start(Duration pace) {
    timer.scheduleWithFixedDelay(
        this::tick, pace.toMillis(), pace.toMillis(), TimeUnit.MILLISECONDS);
    return this;
  }

  /** One tick; a failing action is logged and the loop goes on. */
  public void tick() {
    try {
      activity.tick(clock.instant(), sink).forEach(action -> log.debug("live: {}", action));
    } catch (RuntimeException e) {
      log.warn("Live activity tick failed: {}", e.getMessage());
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
