package app.reglament.amo.api;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A per-account ceiling of requests per second, shared by every thread of the process.
 *
 * <p>Requests of one account are spaced evenly, {@code 1 s / rps} apart, instead of being allowed
 * in bursts: amoCRM counts requests per second, and a bucket that lets 7 through at once and then
 * refills could put 14 into one second. Each caller reserves the next free slot of its account
 * under a short lock and then waits for it outside the lock, so an account with a backlog never
 * delays another account's calls.
 *
 * <p>The waiting happens on the calling thread. A slot that is reserved and then abandoned (the
 * thread is interrupted) stays used: the account runs slightly under its ceiling, never over it.
 */
public final class RateLimiter {
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  /**
   * Requests are spaced 8 % wider than {@code 1 s / rps}: amoCRM counts arrivals, and the time a
   * request takes to arrive varies (a busy machine delays one by tens of milliseconds), so requests
   * sent exactly at the ceiling bunch into one counted second. With 5 % the live sandbox run on a
   * loaded machine saw a 429 on the initial sync's event pages in 3 runs of 5.
   */
  static final double SAFETY_MARGIN = 1.08;

  /**
   * However the slots were reserved, no more than {@code rps} requests of an account leave in any
   * window this long: a thread that slept past its slot (a busy machine) must not let the next ones
   * bunch into one counted second behind it.
   */
  static final long WINDOW_NANOS = NANOS_PER_SECOND * 107 / 100; // under rps evenly spaced slots

  private final int requestsPerSecond;
  private final long intervalNanos;
  private final Ticker ticker;
  private final Sleeper sleeper;
  // One small entry per account ever called; thousands of accounts cost kilobytes.
  private final ConcurrentMap<Long, Lane> lanes = new ConcurrentHashMap<>();

  public RateLimiter(int requestsPerSecond, Ticker ticker, Sleeper sleeper) {
    if (requestsPerSecond < 1) {
      throw new IllegalArgumentException("requestsPerSecond must be at least 1");
    }
    this.requestsPerSecond = requestsPerSecond;
    this.intervalNanos = (long) (NANOS_PER_SECOND * SAFETY_MARGIN / requestsPerSecond);
    this.ticker = ticker;
    this.sleeper = sleeper;
  }

  /** The spacing between two requests of one account. */
  public Duration interval() {
    return Duration.ofNanos(intervalNanos);
  }

  /**
   * Waits until this account may send its next request, and claims that moment.
   *
   * @return how long the caller waited
   */
  public Duration acquire(long accountId) throws InterruptedException {
    Lane lane = lane(accountId);
    return awaitSlot(lane, lane.reserve());
  }

  /** Counts a request to the account that left just now by another way than this limiter. */
  public void recordSent(long accountId) {
    lane(accountId).recordSent();
  }

  /** Reserves the account's next slot without waiting for it (tests interleave callers). */
  long reserve(long accountId) {
    return lane(accountId).reserve();
  }

  /**
   * Waits for a reserved slot, then until the account's window has room: the request leaves at its
   * slot or, if its thread is late, when no {@code rps} others left in the window before it.
   */
  Duration awaitSlot(long accountId, long slot) throws InterruptedException {
    return awaitSlot(lane(accountId), slot);
  }

  private Duration awaitSlot(Lane lane, long slot) throws InterruptedException {
    long waited = 0;
    long wait = slot - ticker.nanoTime();
    long at = slot;
    while (true) {
      if (wait > 0) {
        sleeper.sleep(Duration.ofNanos(wait));
        waited += wait;
      }
      long more = lane.leave(at);
      if (more <= 0) {
        return Duration.ofNanos(waited);
      }
      wait = more;
      at = Math.max(at, ticker.nanoTime()) + more;
    }
  }

  /**
   * Keeps every thread away from this account for at least {@code delay} (amoCRM answered 429: the
   * account's budget is spent, possibly by another integration, so all our calls must wait).
   */
  public void holdOff(long accountId, Duration delay) {
    lane(accountId).holdOff(delay.toNanos());
  }

  private Lane lane(long accountId) {
    return lanes.computeIfAbsent(accountId, id -> new Lane());
  }

  /** The next free slot of one account. Nanosecond times are compared by difference (overflow). */
  private final class Lane {
    private long nextFreeNanos = ticker.nanoTime();
    // When the account's last requests left, oldest at {@code oldest}: a ring of rps entries.
    private final long[] left = new long[requestsPerSecond];
    private int oldest;

    Lane() {
      java.util.Arrays.fill(left, nextFreeNanos - WINDOW_NANOS);
    }

    /** Claims the next free slot; returns its time. */
    synchronized long reserve() {
      // Read the time under the lock: a thread that waited for the lock must not claim a slot in
      // the past and so squeeze the next request closer than the interval.
      long now = ticker.nanoTime();
      long slot = nextFreeNanos - now > 0 ? nextFreeNanos : now;
      nextFreeNanos = slot + intervalNanos;
      return slot;
    }

    synchronized void recordSent() {
      long now = ticker.nanoTime();
      long slot = nextFreeNanos - now > 0 ? nextFreeNanos : now;
      nextFreeNanos = slot + intervalNanos;
      left[oldest] = now;
      oldest = (oldest + 1) % left.length;
    }

    /**
     * Lets a request leave at {@code at} (its slot, or now if later) when fewer than rps left in
     * the window before it; otherwise returns how much longer it must wait.
     */
    synchronized long leave(long at) {
      long now = ticker.nanoTime();
      long when = at - now > 0 ? at : now;
      long more = left[oldest] + WINDOW_NANOS - when;
      if (more > 0) {
        return more;
      }
      left[oldest] = when;
      oldest = (oldest + 1) % left.length;
      return 0;
    }

    synchronized void holdOff(long delayNanos) {
      long until = ticker.nanoTime() + delayNanos;
      if (until - nextFreeNanos > 0) {
        nextFreeNanos = until;
      }
    }
  }
}
