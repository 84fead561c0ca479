package app.reglament.amo.api;

/**
 * amoCRM answered 403 with a JSON problem: the token's user may not do this (e.g. a non-admin
 * reading users or webhooks). Unlike the HTML 403 of an API block, the account is not paused.
 */
public class AmoPermissionException extends AmoProblemException {
  public AmoPermissionException(
      long accountId, String message, String title, String type, String detail) {
    super(accountId, message, 403, title, type, detail);
  }
}
