package app.reglament.sandbox.ui;

import app.reglament.sandbox.store.InvalidChangeException;

/**
 * Why a page or a form cannot be served, in words for the person at the screen. Forms answer it as
 * their page again with the message on top (400); a missing deal or pipeline is a 404 page.
 */
final class UiProblem extends RuntimeException {
  private final int status;

  private UiProblem(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  static UiProblem badRequest(String message) {
    return new UiProblem(400, message);
  }

  static UiProblem notFound(String message) {
    return new UiProblem(404, message);
  }

  /**
   * A write the store refused for a reason the form did not catch first, with amoCRM's own wording
   * (code, path, detail) so nothing is lost in translation.
   */
  static UiProblem refused(InvalidChangeException refusal) {
    return badRequest("amoCRM не принял изменение: " + refusal.getMessage());
  }

  int status() {
    return status;
  }
}
