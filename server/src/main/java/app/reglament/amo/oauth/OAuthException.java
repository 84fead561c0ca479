package app.reglament.amo.oauth;

/**
 * amoCRM's OAuth endpoint refused or failed. {@link #invalidGrant()} means the code or refresh
 * token will never work again (the account must be authorized anew); otherwise it may be retried.
 */
public final class OAuthException extends RuntimeException {
  private final boolean invalidGrant;
  private final int status;

  public OAuthException(String message, int status, boolean invalidGrant, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.invalidGrant = invalidGrant;
  }

  public boolean invalidGrant() {
    return invalidGrant;
  }

  /** The HTTP status amoCRM answered, or 0 when no answer came. */
  public int status() {
    return status;
  }
}
