package app.reglament.sandbox.api;

import app.reglament.sandbox.oauth.Access;
import app.reglament.sandbox.oauth.TokenAuthority;
import io.javalin.http.Context;

/**
 * Runs before every {@code /api/v4} request: counts it, applies the rate ceiling (a refused request
 * still counted against the account, as amoCRM's does), then checks the bearer token and records
 * whose it is for the handlers ({@link #userId}).
 */
public final class ApiGuard {
  private static final String USER_ATTRIBUTE = "sandbox.userId";
  private static final String BEARER = "Bearer ";

  private final RateLimiter limiter;
  private final TokenAuthority tokens;
  private final ApiStats stats;

  public ApiGuard(RateLimiter limiter, TokenAuthority tokens, ApiStats stats) {
    this.limiter = limiter;
    this.tokens = tokens;
    this.stats = stats;
  }

  public void check(Context ctx) {
    stats.request();
    if (!limiter.tryAdmit()) {
      stats.rateLimited();
      throw new TooManyRequests();
    }
    String header = ctx.header("Authorization");
    String token =
        header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
            ? header.substring(BEARER.length()).strip()
            : null;
    Access access = tokens.check(token);
    if (access instanceof Access.Granted granted) {
      ctx.attribute(USER_ATTRIBUTE, granted.userId());
      return;
    }
    stats.unauthorized();
    throw ApiProblem.unauthorized(
        access instanceof Access.Expired
            ? "The access token has expired"
            : token == null ? "No access token" : "The access token is not valid");
  }

  /** The user the request's token acts as. */
  public static long userId(Context ctx) {
    Long id = ctx.attribute(USER_ATTRIBUTE);
    return id == null ? 0 : id;
  }
}
