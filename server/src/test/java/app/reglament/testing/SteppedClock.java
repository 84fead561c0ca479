package app.reglament.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Simulated time that a test moves forward in steps and that runs in real time between them: rate
 * limits measured in one-second windows (the sandbox's) see the requests as spaced as they really
 * are, while minutes of simulated activity take seconds. Never goes back: a step to a moment
 * already passed leaves the time where it is. Thread-safe.
 */
public final class SteppedClock extends Clock {
  private volatile Instant origin;
  private volatile long originNanos;

  public SteppedClock(Instant start) {
    this.origin = start;
    this.originNanos = System.nanoTime();
  }

  /** Jumps to {@code instant}, unless the time is already past it. */
  public synchronized void stepTo(Instant instant) {
    Instant now = instant();
    origin = instant.isAfter(now) ? instant : now;
    originNanos = System.nanoTime();
  }

  @Override
  public synchronized Instant instant() {
    return origin.plus(Duration.ofNanos(System.nanoTime() - originNanos));
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
