package app.reglament.widgetapi;

import app.reglament.account.Account;
import app.reglament.account.AccountRepository;
import app.reglament.web.ProblemException;
import app.reglament.web.ProblemType;
import io.javalin.http.Context;
import java.net.URI;
import java.util.Optional;

/**
 * Which browser origins may call the widget API: an account's own amoCRM origin ({@code https://}
 * and its base domain) and, when amoCRM is replaced by a configured base URL (the sandbox, whose
 * page hosts the widget), that URL's origin. A foreign origin never gets an
 * Access-Control-Allow-Origin header.
 */
final class WidgetCors {
  static final String ALLOW_METHODS = "GET, PUT, POST, DELETE";
  // If-Match is not a CORS-safelisted header, and the settings editor sends it with PUT.
  static final String ALLOW_HEADERS = "X-Auth-Token, Content-Type, If-Match";
  static final String EXPOSE_HEADERS = "ETag, X-Request-Id";
  static final int MAX_AGE_SECONDS = 600;

  private final AccountRepository accounts;
  private final Optional<String> baseUrlOrigin;

  WidgetCors(AccountRepository accounts, Optional<URI> amoBaseUrl) {
    this.accounts = accounts;
    this.baseUrlOrigin = amoBaseUrl.flatMap(Origins::of);
  }

  /**
   * Answers a preflight. It carries no token, so the origin alone decides: the configured base
   * URL's, or {@code https://} plus the base domain of an account that is connected.
   */
  void preflight(Context ctx) {
    ctx.header("Vary", "Origin");
    String origin = ctx.header("Origin");
    if (!isKnown(origin)) {
      throw new ProblemException(
          ProblemType.FORBIDDEN,
          "Cross-origin calls are accepted only from the amoCRM account Reglament is connected to");
    }
    allow(ctx, origin);
    ctx.header("Access-Control-Allow-Methods", ALLOW_METHODS);
    ctx.header("Access-Control-Allow-Headers", ALLOW_HEADERS);
    ctx.header("Access-Control-Max-Age", Integer.toString(MAX_AGE_SECONDS));
    ctx.status(204);
  }

  /** Whether the origin is the base URL's or some connected account's. */
  boolean isKnown(String header) {
    Optional<String> origin = Origins.parse(header);
    if (origin.isEmpty()) {
      return false;
    }
    if (origin.equals(baseUrlOrigin)) {
      return true;
    }
    return origin.get().startsWith("https://")
        && accounts.connectedAt(Origins.authority(origin.get()));
  }

  /** Whether the origin is this account's own (or the base URL's). */
  boolean allowedFor(Account account, String header) {
    Optional<String> origin = Origins.parse(header);
    return origin.isPresent()
        && (origin.equals(baseUrlOrigin)
            || origin.equals(Origins.ofBaseDomain(account.baseDomain())));
  }

  /** Lets the browser hand this response to the page of that origin. */
  static void allow(Context ctx, String origin) {
    ctx.header("Access-Control-Allow-Origin", origin);
    ctx.header("Access-Control-Expose-Headers", EXPOSE_HEADERS);
    ctx.header("Vary", "Origin");
  }
}
