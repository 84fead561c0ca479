package app.reglament.sandbox.scenario;

import java.time.Instant;

/**
 * An attempt at a deal's life broke a rule; the simulator starts over. {@code retryAt} is a better
 * arrival time when the attempt knows one, or null. Thrown and caught thousands of times, so it
 * carries no stack trace.
 */
final class Reject extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final transient Instant retryAt;

  Reject(String why, Instant retryAt) {
    super(why, null, false, false);
    this.retryAt = retryAt;
  }
}
