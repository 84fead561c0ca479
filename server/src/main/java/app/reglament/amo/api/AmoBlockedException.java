package app.reglament.amo.api;

import java.time.Instant;

/**
 * amoCRM blocked the account's API access (its nginx answers 403 with an HTML page), or the account
 * is still paused after such a block. No request was sent; try again after {@link #until()}.
 */
public class AmoBlockedException extends AmoException {
  private final Instant until;

  public AmoBlockedException(long accountId, Instant until, String message) {
    super(accountId, message);
    this.until = until;
  }

  /** When the account's traffic may resume. */
  public Instant until() {
    return until;
  }
}
