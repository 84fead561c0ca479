package app.reglament.amo.api;

import java.time.Duration;

/**
 * How the amoCRM client behaves: timeouts, retries, page and batch sizes, the rate ceiling. Start
 * from {@link #defaults()} and change what differs, e.g. {@code
 * defaults().withRequestsPerSecond(config.amoRps())}.
 *
 * @param requestTimeout how long one HTTP exchange may take before it counts as failed
 * @param maxAttempts attempts of one request on 429, 5xx, timeouts and connection failures
 * @param backoffBase first retry delay ceiling; doubles per retry ("full jitter" below it)
 * @param backoffCap largest retry delay ceiling
 * @param maxRetryAfter a longer {@code Retry-After} is not waited for on the calling thread: the
 *     call fails at once with {@link AmoUnavailableException#retryAfter()} for the caller to
 *     reschedule
 * @param pageLimit items per page of lists, also the most ids one filtered request names
 * @param eventsPageLimit items per page of {@code /api/v4/events}
 * @param batchSize entities per POST/PATCH
 * @param blockPause how long an account is left alone after amoCRM blocked it (HTML 403)
 * @param requestsPerSecond ceiling of requests per account per second (REGLAMENT_AMO_RPS)
 */
public record AmoClientSettings(
    Duration requestTimeout,
    int maxAttempts,
    Duration backoffBase,
    Duration backoffCap,
    Duration maxRetryAfter,
    int pageLimit,
    int eventsPageLimit,
    int batchSize,
    Duration blockPause,
    int requestsPerSecond) {

  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
  public static final int DEFAULT_MAX_ATTEMPTS = 5;
  public static final Duration DEFAULT_BACKOFF_BASE = Duration.ofSeconds(1);
  public static final Duration DEFAULT_BACKOFF_CAP = Duration.ofSeconds(30);
  public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofMinutes(2);

  /** amoCRM's documented maximum for most lists. */
  public static final int DEFAULT_PAGE_LIMIT = 250;

  /** The RU docs say 100 for events (the Kommo EN docs say 250); the lower one is safe on both. */
  public static final int DEFAULT_EVENTS_PAGE_LIMIT = 100;

  /** amoCRM's official PHP library advises at most 50 entities per batch request. */
  public static final int DEFAULT_BATCH_SIZE = 50;

  public static final Duration DEFAULT_BLOCK_PAUSE = Duration.ofMinutes(15);

  /** amoCRM documents 7 requests per second. */
  public static final int DEFAULT_REQUESTS_PER_SECOND = 7;

  public AmoClientSettings {
    requirePositive(requestTimeout, "requestTimeout");
    requirePositive(backoffBase, "backoffBase");
    requirePositive(backoffCap, "backoffCap");
    requirePositive(maxRetryAfter, "maxRetryAfter");
    requirePositive(blockPause, "blockPause");
    requireAtLeastOne(maxAttempts, "maxAttempts");
    requireAtLeastOne(pageLimit, "pageLimit");
    requireAtLeastOne(eventsPageLimit, "eventsPageLimit");
    requireAtLeastOne(batchSize, "batchSize");
    requireAtLeastOne(requestsPerSecond, "requestsPerSecond");
  }

  public static AmoClientSettings defaults() {
    return new AmoClientSettings(
        DEFAULT_REQUEST_TIMEOUT,
        DEFAULT_MAX_ATTEMPTS,
        DEFAULT_BACKOFF_BASE,
        DEFAULT_BACKOFF_CAP,
        DEFAULT_MAX_RETRY_AFTER,
        DEFAULT_PAGE_LIMIT,
        DEFAULT_EVENTS_PAGE_LIMIT,
        DEFAULT_BATCH_SIZE,
        DEFAULT_BLOCK_PAUSE,
        DEFAULT_REQUESTS_PER_SECOND);
  }

  public AmoClientSettings withRequestTimeout(Duration value) {
    return new AmoClientSettings(
        value,
        maxAttempts,
        backoffBase,
        backoffCap,
        maxRetryAfter,
        pageLimit,
        eventsPageLimit,
        batchSize,
        blockPause,
        requestsPerSecond);
  }

  public AmoClientSettings withMaxAttempts(int value) {
    return new AmoClientSettings(
        requestTimeout,
        value,
        backoffBase,
        backoffCap,
        maxRetryAfter,
        pageLimit,
        eventsPageLimit,
        batchSize,
        blockPause,
        requestsPerSecond);
  }

  public AmoClientSettings withBackoff(Duration base, Duration cap) {
    return new AmoClientSettings(
        requestTimeout,
        maxAttempts,
        base,
        cap,
        maxRetryAfter,
        pageLimit,
        eventsPageLimit,
        batchSize,
        blockPause,
        requestsPerSecond);
  }

  public AmoClientSettings withMaxRetryAfter(Duration value) {
    return new AmoClientSettings(
        requestTimeout,
        maxAttempts,
        backoffBase,
        backoffCap,
        value,
        pageLimit,
        eventsPageLimit,
        batchSize,
        blockPause,
        requestsPerSecond);
  }

  public AmoClientSettings withPageLimits(int lists, int events) {
    return new AmoClientSettings(
        requestTimeout,
        maxAttempts,
        backoffBase,
        backoffCap,
        maxRetryAfter,
        lists,
        events,
        batchSize,
        blockPause,
        requestsPerSecond);
  }

  public AmoClientSettings withBatchSize(int value) {
    return new AmoClientSettings(
        requestTimeout,
        maxAttempts,
        backoffBase,
        backoffCap,
        maxRetryAfter,
        pageLimit,
        eventsPageLimit,
        value,
        blockPause,
        requestsPerSecond);
  }

  public AmoClientSettings withBlockPause(Duration value) {
    return new AmoClientSettings(
        requestTimeout,
        maxAttempts,
        backoffBase,
        backoffCap,
        maxRetryAfter,
        pageLimit,
        eventsPageLimit,
        batchSize,
        value,
        requestsPerSecond);
  }

  public AmoClientSettings withRequestsPerSecond(int value) {
    return new AmoClientSettings(
        requestTimeout,
        maxAttempts,
        backoffBase,
        backoffCap,
        maxRetryAfter,
        pageLimit,
        eventsPageLimit,
        batchSize,
        blockPause,
        value);
  }

  private static void requirePositive(Duration value, String name) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be a positive duration, got " + value);
    }
  }

  private static void requireAtLeastOne(int value, String name) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, got " + value);
    }
  }
}
