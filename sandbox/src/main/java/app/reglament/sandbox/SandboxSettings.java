package app.reglament.sandbox;

import app.reglament.sandbox.hooks.DeliverySettings;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * The sandbox's configuration: the one integration it knows (id, secret, redirect URI, as an admin
 * would register it in amoCRM), its port, the access-token lifetime and the request-rate ceiling.
 *
 * @param port 0 picks a free port
 * @param requestsPerSecond API requests allowed in any one-second window; 0 turns the limit off
 */
public record SandboxSettings(
    String clientId,
    String clientSecret,
    URI redirectUri,
    int port,
    Duration tokenLifetime,
    int requestsPerSecond,
    DeliverySettings delivery) {

  public static final String DEFAULT_CLIENT_ID = "reglament-sandbox";
  public static final String DEFAULT_CLIENT_SECRET = "reglament-sandbox-secret";

  /** The Reglament server on its own defaults (REGLAMENT_PUBLIC_URL = http://localhost:8080). */
  public static final URI DEFAULT_REDIRECT_URI = URI.create("http://localhost:8080/oauth/callback");

  public static final int DEFAULT_PORT = 9001;

  /** amoCRM's access tokens live 24 hours. */
  public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofSeconds(86_400);

  /** amoCRM's documented ceiling. */
  public static final int DEFAULT_REQUESTS_PER_SECOND = 7;

  public static final SandboxSettings DEFAULTS =
      new SandboxSettings(
          DEFAULT_CLIENT_ID,
          DEFAULT_CLIENT_SECRET,
          DEFAULT_REDIRECT_URI,
          DEFAULT_PORT,
          DEFAULT_TOKEN_LIFETIME,
          DEFAULT_REQUESTS_PER_SECOND,
          DeliverySettings.DEFAULTS);

  public SandboxSettings {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0..65535, got " + port);
    }
    if (tokenLifetime.isNegative() || tokenLifetime.isZero()) {
      throw new IllegalArgumentException("tokenLifetime must be positive");
    }
    if (requestsPerSecond < 0) {
      throw new IllegalArgumentException("requestsPerSecond must not be negative");
    }
  }

  /**
   * Reads SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET, SANDBOX_REDIRECT_URI, SANDBOX_PORT,
   * SANDBOX_TOKEN_LIFETIME_SECONDS and SANDBOX_RPS; unset ones keep their defaults.
   */
  public static SandboxSettings fromEnv(Map<String, String> env) {
    return new SandboxSettings(
        text(env, "SANDBOX_CLIENT_ID", DEFAULT_CLIENT_ID),
        text(env, "SANDBOX_CLIENT_SECRET", DEFAULT_CLIENT_SECRET),
        uri(env, "SANDBOX_REDIRECT_URI", DEFAULT_REDIRECT_URI),
        number(env, "SANDBOX_PORT", DEFAULT_PORT, 0, 65_535),
        Duration.ofSeconds(
            number(
                env,
                "SANDBOX_TOKEN_LIFETIME_SECONDS",
                (int) DEFAULT_TOKEN_LIFETIME.toSeconds(),
                1,
                Integer.MAX_VALUE)),
        number(env, "SANDBOX_RPS", DEFAULT_REQUESTS_PER_SECOND, 0, 100_000),
        DeliverySettings.DEFAULTS);
  }

  public SandboxSettings withPort(int value) {
    return new SandboxSettings(
        clientId, clientSecret, redirectUri, value, tokenLifetime, requestsPerSecond, delivery);
  }

  public SandboxSettings withRedirectUri(URI value) {
    return new SandboxSettings(
        clientId, clientSecret, value, port, tokenLifetime, requestsPerSecond, delivery);
  }

  public SandboxSettings withTokenLifetime(Duration value) {
    return new SandboxSettings(
        clientId, clientSecret, redirectUri, port, value, requestsPerSecond, delivery);
  }

  public SandboxSettings withRequestsPerSecond(int value) {
    return new SandboxSettings(
        clientId, clientSecret, redirectUri, port, tokenLifetime, value, delivery);
  }

  public SandboxSettings withDelivery(DeliverySettings value) {
    return new SandboxSettings(
        clientId, clientSecret, redirectUri, port, tokenLifetime, requestsPerSecond, value);
  }

  private static String text(Map<String, String> env, String name, String fallback) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    return value.strip();
  }

  private static URI uri(Map<String, String> env, String name, URI fallback) {
    String value = text(env, name, null);
    if (value == null) {
      return fallback;
    }
    try {
      URI uri = new URI(value);
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
          || uri.getHost() == null) {
        throw new SettingsException(name + " must be an http(s) URL, got '" + value + "'");
      }
      return uri;
    } catch (java.net.URISyntaxException e) {
      throw new SettingsException(name + " is not a URL: '" + value + "'");
    }
  }

  private static int number(Map<String, String> env, String name, int fallback, int min, int max) {
    String value = text(env, name, null);
    if (value == null) {
      return fallback;
    }
    try {
      int number = Integer.parseInt(value);
      if (number < min || number > max) {
        throw new SettingsException(name + " must be " + min + ".." + max + ", got " + value);
      }
      return number;
    } catch (NumberFormatException e) {
      throw new SettingsException(name + " must be a whole number, got '" + value + "'");
    }
  }
}
