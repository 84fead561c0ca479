package app.reglament.sandbox.api;

/** The request went over the rate ceiling; answered 429 with a plain body, as amoCRM's often is. */
final class TooManyRequests extends RuntimeException {
  TooManyRequests() {
    super("Too Many Requests", null, false, false);
  }
}
