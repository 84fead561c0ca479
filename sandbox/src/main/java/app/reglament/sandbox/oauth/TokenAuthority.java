package app.reglament.sandbox.oauth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * Issues and checks the account's OAuth codes and tokens with amoCRM's rules: a code lives 20
 * minutes and works once; an access token lives the configured lifetime; a refresh token lives 3
 * months, works once, and each use returns a new pair. A refresh token used a second time is
 * refused even though it was genuine, which is what makes concurrent refreshes fail in amoCRM.
 * Thread-safe. Tokens are random and opaque; they are never logged.
 */
public final class TokenAuthority {
  static final Duration CODE_LIFETIME = Duration.ofMinutes(20);
  static final Duration REFRESH_LIFETIME = Duration.ofDays(90);
  private static final int TOKEN_BYTES = 32;

  private final Clock clock;
  private final Duration accessLifetime;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Grant> codes = new HashMap<>();
  private final Map<String, Grant> accessTokens = new HashMap<>();
  private final Map<String, Grant> refreshTokens = new HashMap<>();

  /** Who a code or token acts as, until when, and whether it has been used up. */
  private record Grant(long userId, Instant expiresAt, boolean used) {
    Grant spent() {
      return new Grant(userId, expiresAt, true);
    }
  }

  public TokenAuthority(Clock clock, Duration accessLifetime) {
    this.clock = clock;
    this.accessLifetime = accessLifetime;
  }

  /** A new authorization code for the user who clicked "Allow". */
  public synchronized String issueCode(long userId) {
    String code = newToken();
    codes.put(code, new Grant(userId, clock.instant().plus(CODE_LIFETIME), false));
    return code;
  }

  public synchronized IssuedTokens exchangeCode(String code) {
    Grant grant = codes.get(code);
    if (grant == null) {
      throw OAuthRefusal.badRequest("Cannot decrypt the authorization code");
    }
    if (grant.used()) {
      throw OAuthRefusal.badRequest("Authorization code has been revoked");
    }
    if (!clock.instant().isBefore(grant.expiresAt())) {
      throw OAuthRefusal.badRequest("Authorization code has expired");
    }
    codes.put(code, grant.spent());
    return issuePair(grant.userId());
  }

  public synchronized IssuedTokens refresh(String refreshToken) {
    Grant grant = refreshTokens.get(refreshToken);
    if (grant == null) {
      throw OAuthRefusal.badRequest("Cannot decrypt the refresh token");
    }
    if (grant.used()) {
      throw OAuthRefusal.badRequest("Token has been revoked");
    }
    if (!clock.instant().isBefore(grant.expiresAt())) {
      throw OAuthRefusal.badRequest("Token has expired");
    }
    refreshTokens.put(refreshToken, grant.spent());
    return issuePair(grant.userId());
  }

  /** Checks a bearer token; an old access token stays valid until it expires, as in amoCRM. */
  public synchronized Access check(String accessToken) {
    Grant grant = accessToken == null ? null : accessTokens.get(accessToken);
    if (grant == null) {
      return new Access.Unknown();
    }
    if (!clock.instant().isBefore(grant.expiresAt())) {
      return new Access.Expired();
    }
    return new Access.Granted(grant.userId());
  }

  public Duration accessLifetime() {
    return accessLifetime;
  }

  private IssuedTokens issuePair(long userId) {
    Instant now = clock.instant();
    String access = newToken();
    String refresh = newToken();
    accessTokens.put(access, new Grant(userId, now.plus(accessLifetime), false));
    refreshTokens.put(refresh, new Grant(userId, now.plus(REFRESH_LIFETIME), false));
    return new IssuedTokens(access, refresh, accessLifetime.toSeconds());
  }

  private String newToken() {
    byte[] bytes = new byte[TOKEN_BYTES];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
