package app.reglament.sandbox.hooks;

import java.time.Duration;

/**
 * How webhooks are delivered: each is tried up to {@code maxAttempts} times; the n-th retry waits
 * {@code firstRetryDelay × 4^(n-1)}; each attempt waits at most {@code timeout} for an answer.
 * amoCRM retries a non-2xx "after some time"; the sandbox does it sooner so a demo shows it.
 */
public record DeliverySettings(int maxAttempts, Duration firstRetryDelay, Duration timeout) {
  public static final int DEFAULT_MAX_ATTEMPTS = 4;
  public static final Duration DEFAULT_FIRST_RETRY_DELAY = Duration.ofSeconds(2);
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  public static final DeliverySettings DEFAULTS =
      new DeliverySettings(DEFAULT_MAX_ATTEMPTS, DEFAULT_FIRST_RETRY_DELAY, DEFAULT_TIMEOUT);

  public DeliverySettings {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
  }

  Duration retryDelay(int attemptsMade) {
    return firstRetryDelay.multipliedBy(1L << (2 * Math.min(attemptsMade - 1, 10)));
  }
}
