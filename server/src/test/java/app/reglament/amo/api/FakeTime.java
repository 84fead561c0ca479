package app.reglament.amo.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Time that moves only when told: a monotonic ticker, a wall clock on the same time line, and a
 * sleeper that records every requested delay instead of waiting. "Advancing" time moves forward by
 * each requested sleep, as if the sleep had happened; "frozen" time never moves, which lets many
 * threads reserve rate slots and shows the delays each was given.
 */
final class FakeTime implements Ticker, Sleeper {
  static final Instant START = Instant.parse("2026-11-30T10:00:00Z");

  private final AtomicLong nanos = new AtomicLong();
  private final boolean advanceOnSleep;
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  private FakeTime(boolean advanceOnSleep) {
    this.advanceOnSleep = advanceOnSleep;
  }

  static FakeTime advancing() {
    return new FakeTime(true);
  }

  static FakeTime frozen() {
    return new FakeTime(false);
  }

  @Override
  public long nanoTime() {
    return nanos.get();
  }

  @Override
  public void sleep(Duration duration) {
    sleeps.add(duration);
    if (advanceOnSleep) {
      nanos.addAndGet(duration.toNanos());
    }
  }

  void advance(Duration duration) {
    nanos.addAndGet(duration.toNanos());
  }

  /** Every delay requested so far, in order. */
  List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }

  Instant now() {
    return START.plusNanos(nanos.get());
  }

  Clock clock() {
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return now();
      }
    };
  }
}
