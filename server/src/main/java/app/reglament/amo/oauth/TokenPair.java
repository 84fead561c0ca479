package app.reglament.amo.oauth;

import java.time.Instant;

/** An amoCRM access token with the single-use refresh token that renews it. */
public record TokenPair(String accessToken, String refreshToken, Instant expiresAt) {
  @Override
  public String toString() {
    return "TokenPair[expiresAt=" + expiresAt + "]";
  }
}
