package app.reglament.amo.api;

/**
 * amoCRM refused the request with a definite answer (4xx other than 401/429, or a JSON error),
 * parsed from its {@code application/problem+json} body where there was one. Repeating the same
 * request will not help.
 */
public class AmoProblemException extends AmoException {
  private final int status;
  private final String title;
  private final String type;
  private final String detail;

  public AmoProblemException(
      long accountId, String message, int status, String title, String type, String detail) {
    super(accountId, message);
    this.status = status;
    this.title = title;
    this.type = type;
    this.detail = detail;
  }

  public int status() {
    return status;
  }

  /** The problem's {@code title}, or null when the body had none. */
  public String title() {
    return title;
  }

  /** The problem's {@code type}, or null when the body had none. */
  public String type() {
    return type;
  }

  /** The problem's {@code detail}, or null when the body had none. */
  public String detail() {
    return detail;
  }
}
