package app.reglament.amo.api;

/** A failure talking to amoCRM. Subclasses say which kind; the message never holds a token. */
public class AmoException extends RuntimeException {
  private final long accountId;

  public AmoException(long accountId, String message, Throwable cause) {
    super(message, cause);
    this.accountId = accountId;
  }

  public AmoException(long accountId, String message) {
    this(accountId, message, null);
  }

  public long accountId() {
    return accountId;
  }
}
