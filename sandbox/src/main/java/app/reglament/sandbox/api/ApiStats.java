package app.reglament.sandbox.api;

import java.util.concurrent.atomic.AtomicLong;

/** Counters of the API's traffic, for {@code /sandbox/stats}. */
public final class ApiStats {
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong rateLimited = new AtomicLong();
  private final AtomicLong unauthorized = new AtomicLong();

  void request() {
    requests.incrementAndGet();
  }

  void rateLimited() {
    rateLimited.incrementAndGet();
  }

  void unauthorized() {
    unauthorized.incrementAndGet();
  }

  /** API requests received, refused ones included. */
  public long requests() {
    return requests.get();
  }

  /** Requests answered 429. */
  public long rateLimitedCount() {
    return rateLimited.get();
  }

  /** Requests answered 401. */
  public long unauthorizedCount() {
    return unauthorized.get();
  }
}
