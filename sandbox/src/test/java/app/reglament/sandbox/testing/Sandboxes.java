package app.reglament.sandbox.testing;

import app.reglament.sandbox.SandboxApp;
import app.reglament.sandbox.SandboxSettings;
import app.reglament.sandbox.hooks.DeliverySettings;
import app.reglament.sandbox.scenario.Scenario;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One way for tests to start a sandbox and install the integration into it through the real OAuth
 * flow ("Allow", then the code exchange), as the Reglament server does.
 */
public final class Sandboxes {
  public static final Instant T0 = TinyScenario.T0;
  public static final URI REDIRECT = URI.create("http://localhost:8080/oauth/callback");

  /** Fast webhook retries so a failing receiver is retried within a test. */
  public static final DeliverySettings QUICK_RETRIES =
      new DeliverySettings(3, Duration.ofMillis(20), Duration.ofSeconds(2));

  private Sandboxes() {}

  /** Port 0, the default client, no rate limit unless a test asks for one. */
  public static SandboxSettings settings() {
    return SandboxSettings.DEFAULTS
        .withPort(0)
        .withRedirectUri(REDIRECT)
        .withRequestsPerSecond(0)
        .withDelivery(QUICK_RETRIES);
  }

  public static SandboxApp start(SandboxSettings settings, MutableClock clock, Scenario scenario) {
    return SandboxApp.create(settings, clock, scenario).start();
  }

  /** The tokens an installed integration holds. */
  public record Tokens(String access, String refresh) {}

  /** Clicks "Allow" and returns the redirect's query parameters. */
  public static Map<String, String> allow(Http http, String state) {
    Http.Answer answer =
        http.get("/oauth/allow?client_id=" + SandboxSettings.DEFAULT_CLIENT_ID + "&state=" + state);
    if (answer.status() != 302) {
      throw new AssertionError("Allow answered " + answer.status() + ": " + answer.body());
    }
    return query(URI.create(answer.location()));
  }

  public static Http.Answer exchange(Http http, String code) {
    return http.post(
        "/oauth2/access_token",
        null,
        "{\"client_id\":\""
            + SandboxSettings.DEFAULT_CLIENT_ID
            + "\",\"client_secret\":\""
            + SandboxSettings.DEFAULT_CLIENT_SECRET
            + "\",\"grant_type\":\"authorization_code\",\"code\":\""
            + code
            + "\",\"redirect_uri\":\""
            + REDIRECT
            + "\"}");
  }

  public static Http.Answer refresh(Http http, String refreshToken) {
    return http.post(
        "/oauth2/access_token",
        null,
        "{\"client_id\":\""
            + SandboxSettings.DEFAULT_CLIENT_ID
            + "\",\"client_secret\":\""
            + SandboxSettings.DEFAULT_CLIENT_SECRET
            + "\",\"grant_type\":\"refresh_token\",\"refresh_token\":\""
            + refreshToken
            + "\",\"redirect_uri\":\""
            + REDIRECT
            + "\"}");
  }

  /** The whole installation: Allow, exchange the code, keep the pair. */
  public static Tokens install(Http http) {
    Http.Answer answer = exchange(http, allow(http, "test").get("code"));
    if (answer.status() != 200) {
      throw new AssertionError("code exchange answered " + answer.status() + ": " + answer.body());
    }
    return new Tokens(
        answer.json().get("access_token").asText(), answer.json().get("refresh_token").asText());
  }

  public static Map<String, String> query(URI uri) {
    Map<String, String> params = new LinkedHashMap<>();
    String raw = uri.getRawQuery();
    if (raw == null) {
      return params;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      params.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return params;
  }
}
