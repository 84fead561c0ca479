package app.reglament.amo.api;

/** The account cannot be called: it needs re-authorization, was uninstalled, or has no tokens. */
public class AmoAuthorizationException extends AmoException {
  public AmoAuthorizationException(long accountId, String message) {
    super(accountId, message);
  }
}
