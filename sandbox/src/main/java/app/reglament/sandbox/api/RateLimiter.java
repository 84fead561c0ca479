package app.reglament.sandbox.api;

import java.time.Clock;
import java.util.ArrayDeque;

/**
 * amoCRM's per-account ceiling: at most {@code perSecond} requests in any one-second window
 * (sliding, so a burst at the end of one second and the start of the next is caught too). Only
 * admitted requests count, so a client that backs off gets through again. Time is the injected
 * clock's, so tests move it instead of waiting. Thread-safe.
 */
public final class RateLimiter {
  private static final long WINDOW_MILLIS = 1_000;

  private final int perSecond;
  private final Clock clock;
  private final ArrayDeque<Long> admitted = new ArrayDeque<>();

  /** {@code perSecond} 0 admits everything. */
  public RateLimiter(int perSecond, Clock clock) {
    this.perSecond = perSecond;
    this.clock = clock;
  }

  public synchronized boolean tryAdmit() {
    if (perSecond <= 0) {
      return true;
    }
    long now = clock.millis();
    while (!admitted.isEmpty() && admitted.peekFirst() <= now - WINDOW_MILLIS) {
      admitted.pollFirst();
    }
    if (admitted.size() >= perSecond) {
      return false;
    }
    admitted.addLast(now);
    return true;
  }
}
