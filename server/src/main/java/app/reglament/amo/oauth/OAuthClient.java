package app.reglament.amo.oauth;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletionException;

/** amoCRM's OAuth 2.0 token endpoint, and the one call that tells which account a token is for. */
public final class OAuthClient {
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final AmoHosts hosts;
  private final String clientId;
  private final String clientSecret;
  private final URI redirectUri;
  private final Clock clock;
  private final HttpClient http;
  private final ObjectMapper json =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public OAuthClient(
      AmoHosts hosts, String clientId, String clientSecret, URI redirectUri, Clock clock) {
    this.hosts = hosts;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.redirectUri = redirectUri;
    this.clock = clock;
    this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  }

  public String clientId() {
    return clientId;
  }

  public URI redirectUri() {
    return redirectUri;
  }

  /** Exchanges an authorization code (valid for 20 minutes) for the first token pair. */
  public TokenPair exchangeCode(String baseDomain, String code) {
    ObjectNode body = grant("authorization_code");
    body.put("code", code);
    return requestTokens(baseDomain, body);
  }

  /** Trades a refresh token (single use) for a new pair. */
  public TokenPair refresh(String baseDomain, String refreshToken) {
    ObjectNode body = grant("refresh_token");
    body.put("refresh_token", refreshToken);
    return requestTokens(baseDomain, body);
  }

  /** Which account the token belongs to: {@code GET /api/v4/account}. */
  public AccountIdentity identify(String baseDomain, String accessToken) {
    HttpRequest request =
        HttpRequest.newBuilder(hosts.base(baseDomain).resolve("/api/v4/account"))
            .timeout(TIMEOUT)
            .header("Authorization", "Bearer " + accessToken)
            .header("Accept", "application/json")
            .GET()
            .build();
    HttpResponse<String> response = send(request);
    if (response.statusCode() != 200) {
      throw new OAuthException(
          "amoCRM answered " + response.statusCode() + " to GET /api/v4/account",
          response.statusCode(),
          false,
          null);
    }
    JsonNode account = parse(response.body(), response.statusCode());
    if (!account.path("id").canConvertToLong() || account.path("id").asLong() <= 0) {
      throw new OAuthException("amoCRM's /api/v4/account has no account id", 200, false, null);
    }
    return new AccountIdentity(
        account.path("id").asLong(),
        account.path("name").asText(null),
        account.path("subdomain").asText(null));
  }

  private ObjectNode grant(String type) {
    ObjectNode body = json.createObjectNode();
    body.put("client_id", clientId);
    body.put("client_secret", clientSecret);
    body.put("grant_type", type);
    body.put("redirect_uri", redirectUri.toString());
    return body;
  }

  private TokenPair requestTokens(String baseDomain, ObjectNode body) {
    HttpRequest request =
        HttpRequest.newBuilder(hosts.base(baseDomain).resolve("/oauth2/access_token"))
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build();
    HttpResponse<String> response = send(request);
    int status = response.statusCode();
    if (refusesGrant(response)) {
      // The code or refresh token is refused (used, revoked, expired): retrying cannot help.
      throw new OAuthException(
          "amoCRM refused the grant (" + status + " " + describe(response.body()) + ")",
          status,
          true,
          null);
    }
    if (status != 200) {
      throw new OAuthException("amoCRM's token endpoint answered " + status, status, false, null);
    }
    JsonNode tokens = parse(response.body(), status);
    String access = tokens.path("access_token").asText("");
    String refresh = tokens.path("refresh_token").asText("");
    long expiresIn = tokens.path("expires_in").asLong(0);
    if (access.isEmpty() || refresh.isEmpty() || expiresIn <= 0) {
      throw new OAuthException(
          "amoCRM's token answer lacks access_token, refresh_token or expires_in",
          status,
          false,
          null);
    }
    return new TokenPair(access, refresh, clock.instant().plusSeconds(expiresIn));
  }

  /**
   * Only a JSON answer that says so means the grant is dead. An HTML 403 is amoCRM's IP block, a
   * wrong client secret or redirect URI is our configuration: taking those for a refused grant
   * would send every account to re-authorization.
   */
  private boolean refusesGrant(HttpResponse<String> response) {
    int status = response.statusCode();
    if (status != 400 && status != 401) {
      return false;
    }
    try {
      JsonNode node = json.readTree(response.body());
      String said =
          String.join(
                  " ",
                  node.path("error").asText(""),
                  node.path("hint").asText(""),
                  node.path("detail").asText(""),
                  node.path("title").asText(""))
              .toLowerCase(Locale.ROOT);
      return said.contains("invalid_grant")
          || said.contains("revoked")
          || said.contains("expired")
          || said.contains("decrypt");
    } catch (IOException | RuntimeException notJson) {
      return false;
    }
  }

  /** The error's kind for logs, never echoing the body (it could hold a token). */
  private String describe(String body) {
    try {
      JsonNode node = json.readTree(body);
      String hint =
          node.path("hint").asText(node.path("error").asText(node.path("title").asText("")));
      return hint.length() > 120 ? hint.substring(0, 120) : hint.toLowerCase(Locale.ROOT);
    } catch (IOException | RuntimeException notJson) {
      return "non-JSON body";
    }
  }

  /**
   * Sends and waits without being interruptible: a refresh that amoCRM has already carried out must
   * reach the database, or the only valid refresh token is lost. An interrupt that arrives
   * meanwhile is kept for the caller.
   */
  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new OAuthException(
          "amoCRM's OAuth endpoint did not answer: " + cause.getClass().getSimpleName(),
          0,
          false,
          cause);
    }
  }

  private JsonNode parse(String body, int status) {
    try {
      return json.readTree(body);
    } catch (IOException e) {
      throw new OAuthException("amoCRM answered with a body that is not JSON", status, false, e);
    }
  }

  public record AccountIdentity(long id, String name, String subdomain) {}
}
