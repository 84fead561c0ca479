package app.reglament.amo.api;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * amoCRM did not answer usefully after the allowed attempts: 429, 5xx, timeouts or connection
 * failures. {@link #outcomeUnknown()} is true when a creating request may have been applied even
 * though no answer came back, so it was not repeated blindly.
 */
public class AmoUnavailableException extends AmoException {
  private final OptionalInt lastStatus;
  private final int attempts;
  private final boolean outcomeUnknown;
  private final Duration retryAfter;

  public AmoUnavailableException(
      long accountId,
      String message,
      OptionalInt lastStatus,
      int attempts,
      boolean outcomeUnknown,
      Duration retryAfter,
      Throwable cause) {
    super(accountId, message, cause);
    this.lastStatus = lastStatus;
    this.attempts = attempts;
    this.outcomeUnknown = outcomeUnknown;
    this.retryAfter = retryAfter;
  }

  /** The HTTP status of the last answer; empty when the last attempt got no answer at all. */
  public OptionalInt lastStatus() {
    return lastStatus;
  }

  public int attempts() {
    return attempts;
  }

  /** True when the request may have been applied by amoCRM (a create that timed out). */
  public boolean outcomeUnknown() {
    return outcomeUnknown;
  }

  /** How long amoCRM asked us to wait, when it said so and that was too long to wait here. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
