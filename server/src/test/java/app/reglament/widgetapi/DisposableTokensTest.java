package app.reglament.widgetapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** amoCRM's disposable widget tokens: what passes, and every way a forged one is refused. */
class DisposableTokensTest {
  private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
  private static final String SECRET = "client-secret-from-amocrm";
  private static final String CLIENT_ID = "6f1d4c2e-client-id";
  private static final String AUDIENCE = "https://reglament.example.com";

  private final DisposableTokens tokens =
      new DisposableTokens(SECRET, CLIENT_ID, AUDIENCE + "/", Clock.fixed(NOW, ZoneOffset.UTC));

  /** The claims amoCRM puts into a token for user 501 of account 31000001. */
  private static Map<String, Object> claims() {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", "https://sales.amocrm.ru");
    claims.put("aud", AUDIENCE);
    claims.put("jti", "3d9f2c");
    claims.put("iat", NOW.getEpochSecond() - 60);
    claims.put("nbf", NOW.getEpochSecond() - 60);
    claims.put("exp", NOW.getEpochSecond() + 1_740);
    claims.put("account_id", 31_000_001L);
    claims.put("subdomain", "sales");
    claims.put("client_uuid", CLIENT_ID);
    claims.put("user_id", 501L);
    claims.put("is_admin", true);
    return claims;
  }

  static String token(String alg, Map<String, Object> claims, String secret) {
    String header = base64("{\"typ\":\"JWT\",\"alg\":\"" + alg + "\"}");
    String payload = base64(json(claims));
    String signed = header + "." + payload;
    return signed
        + "."
        + Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(secret, signed));
  }

  @Test
  void a_token_amocrm_signed_for_us_names_the_account_and_the_user() {
    WidgetIdentity who = tokens.verify(token("HS256", claims(), SECRET));

    assertThat(who).isEqualTo(new WidgetIdentity(31_000_001L, 501L, true, "sales"));
  }

  @Test
  void an_audience_list_containing_ours_is_accepted() {
    Map<String, Object> claims = claims();
    claims.put("aud", new String[] {"https://other.example.com", AUDIENCE});

    assertThat(tokens.verify(token("HS256", claims, SECRET)).userId()).isEqualTo(501L);
  }

  @Test
  void a_token_signed_with_another_secret_is_refused() {
    assertThatThrownBy(() -> tokens.verify(token("HS256", claims(), "someone-elses-secret")))
        .isInstanceOf(InvalidTokenException.class)
        .hasMessageContaining("signature");
  }

  @Test
  void a_forged_payload_under_a_real_signature_is_refused() {
    String real = token("HS256", claims(), SECRET);
    Map<String, Object> forged = claims();
    forged.put("account_id", 99L);
    String[] parts = real.split("\\.");
    String tampered = parts[0] + "." + base64(json(forged)) + "." + parts[2];

    assertThatThrownBy(() -> tokens.verify(tampered)).isInstanceOf(InvalidTokenException.class);
  }

  @Test
  void alg_none_is_refused_even_without_a_signature() {
    String header = base64("{\"typ\":\"JWT\",\"alg\":\"none\"}");
    String unsigned = header + "." + base64(json(claims())) + ".";

    assertThatThrownBy(() -> tokens.verify(unsigned))
        .isInstanceOf(InvalidTokenException.class)
        .hasMessageContaining("HS256");
  }

  @Test
  void another_algorithm_label_is_refused_even_with_a_valid_hmac() {
    assertThatThrownBy(() -> tokens.verify(token("HS512", claims(), SECRET)))
        .isInstanceOf(InvalidTokenException.class)
        .hasMessageContaining("HS256");
  }

  @Test
  void an_expired_token_is_refused_and_the_leeway_is_thirty_seconds() {
    Map<String, Object> justExpired = claims();
    justExpired.put("exp", NOW.getEpochSecond() - 20);
    Map<String, Object> expired = claims();
    expired.put("exp", NOW.getEpochSecond() - 31);

    assertThat(tokens.verify(token("HS256", justExpired, SECRET)).accountId()).isPositive();
    assertThatThrownBy(() -> tokens.verify(token("HS256", expired, SECRET)))
        .isInstanceOf(InvalidTokenException.class)
        .hasMessageContaining("expired");
  }

  @Test
  void a_token_not_valid_yet_is_refused() {
    Map<String, Object> early = claims();
    early.put("nbf", NOW.getEpochSecond() + 120);

    assertThatThrownBy(() -> tokens.verify(token("HS256", early, SECRET)))
        .isInstanceOf(InvalidTokenException.class)
        .hasMessageContaining("not valid yet");
  }

  @Test
  void a_token_for_another_audience_or_integration_is_refused() {
    Map<String, Object> otherAudience = claims();
    otherAudience.put("aud", "https://evil.example.com");
    Map<String, Object> otherIntegration = claims();
    otherIntegration.put("client_uuid", "another-integration");

    assertThatThrownBy(() -> tokens.verify(token("HS256", otherAudience, SECRET)))
        .hasMessageContaining("audience");
    assertThatThrownBy(() -> tokens.verify(token("HS256", otherIntegration, SECRET)))
        .hasMessageContaining("another integration");
  }

  @Test
  void a_token_without_expiry_account_or_user_is_refused() {
    for (String claim : new String[] {"exp", "account_id", "user_id"}) {
      Map<String, Object> incomplete = claims();
      incomplete.remove(claim);

      assertThatThrownBy(() -> tokens.verify(token("HS256", incomplete, SECRET)))
          .as(claim)
          .isInstanceOf(InvalidTokenException.class);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "not-a-jwt",
        "a.b",
        "a.b.c.d",
        "!!!.???.***",
        "eyJhbGciOiJIUzI1NiJ9.bm90IGpzb24.c2ln",
        "W10.W10.c2ln"
      })
  void malformed_tokens_are_refused_with_a_reason_never_an_unexpected_error(String token) {
    assertThatThrownBy(() -> tokens.verify(token))
        .isInstanceOf(InvalidTokenException.class)
        .satisfies(e -> assertThat(e.getMessage()).isNotBlank());
  }

  @Test
  void an_absurdly_long_token_is_refused_before_any_parsing() {
    assertThatThrownBy(() -> tokens.verify("a".repeat(DisposableTokens.MAX_LENGTH + 1)))
        .hasMessageContaining("too long");
    assertThatThrownBy(() -> tokens.verify(null)).hasMessageContaining("missing");
  }

  private static String base64(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static String json(Map<String, Object> claims) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(claims);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] hmac(String secret, String signed) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
