package app.reglament.widgetapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Builds disposable widget tokens as amoCRM signs them (HS256 via javax.crypto.Mac), or forged. */
public final class WidgetTokens {
  public static final String SECRET = "client-secret-from-amocrm";
  public static final String CLIENT_ID = "6f1d4c2e-client-id";
  public static final String AUDIENCE = "https://reglament.example.com";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private final Map<String, Object> claims = new LinkedHashMap<>();
  private String alg = "HS256";
  private String secret = SECRET;

  private WidgetTokens() {}

  /** The claims amoCRM puts into a token of this user, issued a minute before {@code now}. */
  public static WidgetTokens of(long accountId, long userId, Instant now) {
    WidgetTokens t = new WidgetTokens();
    t.claims.put("iss", "https://sales.amocrm.ru");
    t.claims.put("aud", AUDIENCE);
    t.claims.put("jti", "jti-" + accountId + "-" + userId);
    t.claims.put("iat", now.getEpochSecond() - 60);
    t.claims.put("nbf", now.getEpochSecond() - 60);
    t.claims.put("exp", now.getEpochSecond() + 1_740);
    t.claims.put("account_id", accountId);
    t.claims.put("subdomain", "sales");
    t.claims.put("client_uuid", CLIENT_ID);
    t.claims.put("user_id", userId);
    t.claims.put("is_admin", false);
    return t;
  }

  WidgetTokens admin() {
    return claim("is_admin", true);
  }

  WidgetTokens claim(String name, Object value) {
    claims.put(name, value);
    return this;
  }

  WidgetTokens alg(String alg) {
    this.alg = alg;
    return this;
  }

  WidgetTokens signedWith(String secret) {
    this.secret = secret;
    return this;
  }

  public String build() {
    String signed =
        encode("{\"typ\":\"JWT\",\"alg\":\"" + alg + "\"}") + "." + encode(json(claims));
    if ("none".equals(alg)) {
      return signed + ".";
    }
    return signed + "." + BASE64URL.encodeToString(hmac(secret, signed));
  }

  /** A real token whose payload was swapped for another one, the signature left as it was. */
  static String withForgedPayload(String token, Map<String, Object> payload) {
    String[] parts = token.split("\\.");
    return parts[0] + "." + encode(json(payload)) + "." + parts[2];
  }

  Map<String, Object> claims() {
    return new LinkedHashMap<>(claims);
  }

  private static String encode(String text) {
    return BASE64URL.encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String json(Map<String, Object> claims) {
    try {
      return JSON.writeValueAsString(claims);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] hmac(String secret, String signed) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
