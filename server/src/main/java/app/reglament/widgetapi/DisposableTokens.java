package app.reglament.widgetapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies amoCRM's disposable widget token (the JWT that {@code $authorizedAjax} sends in
 * X-Auth-Token): HS256 only, signed with the integration's client secret, {@code aud} equal to our
 * own origin, inside its {@code nbf}/{@code exp} window, and {@code client_uuid} equal to our
 * client id. The algorithm is fixed here rather than read from the token, so "none" or another
 * algorithm can never be talked into passing.
 */
public final class DisposableTokens {
  /** amoCRM's and our clocks may differ by a little. */
  static final Duration LEEWAY = Duration.ofSeconds(30);

  /** Real tokens are well under 2 KB; anything much larger is not one. */
  static final int MAX_LENGTH = 8 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();

  private final byte[] secret;
  private final String clientId;
  private final String audience;
  private final Clock clock;

  /**
   * @param audience the scheme and host (and port, if not the default) of our redirect URI, e.g.
   *     {@code https://reglament.example.com}
   */
  public DisposableTokens(String clientSecret, String clientId, String audience, Clock clock) {
    this.secret = clientSecret.getBytes(StandardCharsets.UTF_8);
    this.clientId = clientId;
    this.audience = stripSlash(audience);
    this.clock = clock;
  }

  public WidgetIdentity verify(String token) {
    if (token == null || token.isBlank()) {
      throw new InvalidTokenException("X-Auth-Token is missing");
    }
    if (token.length() > MAX_LENGTH) {
      throw new InvalidTokenException("X-Auth-Token is too long to be a widget token");
    }
    String[] parts = token.strip().split("\\.", -1);
    if (parts.length != 3) {
      throw new InvalidTokenException("X-Auth-Token is not a JWT (header.payload.signature)");
    }
    JsonNode header = decode(parts[0], "header");
    if (!"HS256".equals(header.path("alg").asText())) {
      throw new InvalidTokenException("only HS256 tokens are accepted");
    }
    byte[] expected = hmac(parts[0] + "." + parts[1]);
    byte[] given;
    try {
      given = BASE64URL.decode(parts[2]);
    } catch (IllegalArgumentException e) {
      throw new InvalidTokenException("the token's signature is not base64url");
    }
    if (!MessageDigest.isEqual(expected, given)) {
      throw new InvalidTokenException("the token's signature does not verify");
    }
    JsonNode claims = decode(parts[1], "payload");
    checkTime(claims);
    if (!audienceMatches(claims.path("aud"))) {
      throw new InvalidTokenException("the token is meant for another audience");
    }
    if (!clientId.equals(claims.path("client_uuid").asText(null))) {
      throw new InvalidTokenException("the token was issued for another integration");
    }
    long accountId = positive(claims, "account_id");
    long userId = positive(claims, "user_id");
    return new WidgetIdentity(
        accountId,
        userId,
        claims.path("is_admin").asBoolean(false),
        claims.path("subdomain").asText(""));
  }

  private void checkTime(JsonNode claims) {
    Instant now = clock.instant();
    if (!claims.path("exp").canConvertToLong()) {
      throw new InvalidTokenException("the token has no expiry");
    }
    if (Instant.ofEpochSecond(claims.path("exp").asLong()).plus(LEEWAY).isBefore(now)) {
      throw new InvalidTokenException("the token has expired");
    }
    if (claims.has("nbf")
        && Instant.ofEpochSecond(claims.path("nbf").asLong()).minus(LEEWAY).isAfter(now)) {
      throw new InvalidTokenException("the token is not valid yet");
    }
  }

  private boolean audienceMatches(JsonNode aud) {
    if (aud.isTextual()) {
      return audience.equals(stripSlash(aud.asText()));
    }
    if (aud.isArray()) {
      for (JsonNode item : aud) {
        if (item.isTextual() && audience.equals(stripSlash(item.asText()))) {
          return true;
        }
      }
    }
    return false;
  }

  private static long positive(JsonNode claims, String name) {
    JsonNode value = claims.path(name);
    if (!value.canConvertToLong() || value.asLong() <= 0) {
      throw new InvalidTokenException("the token has no valid " + name);
    }
    return value.asLong();
  }

  private static JsonNode decode(String part, String what) {
    try {
      JsonNode node = JSON.readTree(BASE64URL.decode(part));
      if (node == null || !node.isObject()) {
        throw new InvalidTokenException("the token's " + what + " is not a JSON object");
      }
      return node;
    } catch (IllegalArgumentException | IOException e) {
      throw new InvalidTokenException("the token's " + what + " is not base64url JSON");
    }
  }

  private byte[] hmac(String signed) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
    }
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
