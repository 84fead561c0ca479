package app.reglament.widgetapi;

/** The disposable token is missing, malformed, forged, expired or meant for someone else. */
public final class InvalidTokenException extends RuntimeException {
  public InvalidTokenException(String reason) {
    super(reason);
  }
}
