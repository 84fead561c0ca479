package app.reglament.amo.api;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Retry delays: exponential backoff with "full jitter" (a uniform delay between zero and a ceiling
 * that doubles per retry), so many workers that failed together do not come back together; and the
 * server's own {@code Retry-After}, which wins whenever it is given.
 */
final class Backoff {
  private final Duration base;
  private final Duration cap;
  private final RandomGenerator random;

  Backoff(Duration base, Duration cap, RandomGenerator random) {
    this.base = base;
    this.cap = cap;
    this.random = random;
  }

  /** The delay before retry number {@code retry} (1 for the first retry). */
  Duration delay(int retry) {
    long ceiling = ceilingNanos(retry);
    return Duration.ofNanos(ceiling == 0 ? 0 : random.nextLong(ceiling + 1));
  }

  /** The largest delay {@link #delay} may return for this retry. */
  long ceilingNanos(int retry) {
    int doublings = Math.min(Math.max(retry - 1, 0), 30); // 2^30 × base is past any sane cap
    long ceiling = base.toNanos() << doublings;
    return ceiling < 0 ? cap.toNanos() : Math.min(ceiling, cap.toNanos());
  }

  /**
   * Reads {@code Retry-After}: delta seconds or an HTTP-date; a date in the past means now. Empty
   * when the header is absent or unreadable (then the jittered backoff applies).
   */
  static Optional<Duration> retryAfter(String header, Instant now) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    String value = header.strip();
    try {
      long seconds = Long.parseLong(value);
      return Optional.of(Duration.ofSeconds(Math.max(seconds, 0)));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration wait = Duration.between(now, at);
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
      } catch (DateTimeParseException notDate) {
        return Optional.empty();
      }
    }
  }
}
