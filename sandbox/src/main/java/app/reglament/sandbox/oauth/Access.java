package app.reglament.sandbox.oauth;

/** What an access token presented to the API turned out to be. */
public sealed interface Access {
  /** A live token acting as this amoCRM user. */
  record Granted(long userId) implements Access {}

  /** A token the sandbox issued whose lifetime is over. */
  record Expired() implements Access {}

  /** Not a token the sandbox issued (or none at all). */
  record Unknown() implements Access {}
}
