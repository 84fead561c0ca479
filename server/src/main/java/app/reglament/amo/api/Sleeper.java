package app.reglament.amo.api;

import java.time.Duration;

/** Waits on the calling thread; tests inject one that records the requested delay instead. */
@FunctionalInterface
public interface Sleeper {
  void sleep(Duration duration) throws InterruptedException;

  /**
   * The production wait: keeping under amoCRM's rate ceiling and backing off after a 429 means
   * really letting time pass before the next request. This is the only place Reglament sleeps; the
   * rate limiter and the retry logic get a Sleeper injected, and tests pass a recording fake.
   */
  static Sleeper system() {
    return duration -> {
      long nanos = duration.toNanos();
      if (nanos > 0) {
        Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
      }
    };
  }
}
