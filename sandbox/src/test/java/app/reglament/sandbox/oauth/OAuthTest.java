package app.reglament.sandbox.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import app.reglament.sandbox.SandboxApp;
import app.reglament.sandbox.testing.Http;
import app.reglament.sandbox.testing.MutableClock;
import app.reglament.sandbox.testing.Sandboxes;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OAuthTest {
  private final MutableClock clock = new MutableClock(Sandboxes.T0);
  private SandboxApp sandbox;
  private Http http;

  @BeforeEach
  void start() {
    sandbox =
        Sandboxes.start(
            Sandboxes.settings().withTokenLifetime(Duration.ofSeconds(30)), clock, null);
    http = new Http(sandbox.baseUrl());
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  @Test
  void allowRedirectsToTheIntegrationWithCodeRefererAndState() {
    Http.Answer page = http.get("/oauth?client_id=reglament-sandbox&state=s1&mode=post_message");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("Разрешить").contains("Песочница Reglament");

    Http.Answer redirect =
        http.get("/oauth/allow?client_id=reglament-sandbox&state=s%201&from_widget=1");

    assertThat(redirect.status()).isEqualTo(302);
    assertThat(redirect.location()).startsWith(Sandboxes.REDIRECT + "?");
    Map<String, String> query = Sandboxes.query(java.net.URI.create(redirect.location()));
    assertThat(query.get("code")).isNotBlank();
    assertThat(query)
        .containsEntry("referer", "127.0.0.1:" + sandbox.port())
        .containsEntry("state", "s 1")
        .containsEntry("from_widget", "1");
  }

  @Test
  void anUnknownIntegrationGetsNoCode() {
    assertThat(http.get("/oauth/allow?client_id=someone-else&state=x").status()).isEqualTo(400);
    assertThat(http.get("/oauth?client_id=someone-else").status()).isEqualTo(400);
  }

  @Test
  void refusesAReusedRefreshTokenAndAcceptsTheRotatedOne() {
    Sandboxes.Tokens first = Sandboxes.install(http);

    Http.Answer rotated = Sandboxes.refresh(http, first.refresh());
    assertThat(rotated.status()).isEqualTo(200);
    String secondRefresh = rotated.json().get("refresh_token").asText();
    assertThat(secondRefresh).isNotEqualTo(first.refresh());

    Http.Answer reused = Sandboxes.refresh(http, first.refresh());
    assertThat(reused.status()).isEqualTo(400);
    assertThat(reused.contentType()).startsWith("application/problem+json");
    JsonNode problem = reused.json();
    assertThat(problem.get("hint").asText()).isEqualTo("Token has been revoked");
    assertThat(problem.get("status").asInt()).isEqualTo(400);
    assertThat(problem.has("title") && problem.has("type") && problem.has("detail")).isTrue();

    Http.Answer next = Sandboxes.refresh(http, secondRefresh);
    assertThat(next.status()).isEqualTo(200);
    String access = next.json().get("access_token").asText();
    assertThat(http.get("/api/v4/account", access).status()).isEqualTo(200);
  }

  @Test
  void anAuthorizationCodeWorksOnce() {
    String code = Sandboxes.allow(http, "once").get("code");

    Http.Answer first = Sandboxes.exchange(http, code);
    Http.Answer second = Sandboxes.exchange(http, code);

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.json().get("token_type").asText()).isEqualTo("Bearer");
    assertThat(first.json().get("expires_in").asLong()).isEqualTo(30);
    assertThat(second.status()).isEqualTo(400);
    assertThat(second.json().get("hint").asText()).isEqualTo("Authorization code has been revoked");
  }

  @Test
  void anAuthorizationCodeExpiresAfterTwentyMinutes() {
    String code = Sandboxes.allow(http, "late").get("code");
    clock.advance(Duration.ofMinutes(20));

    Http.Answer late = Sandboxes.exchange(http, code);

    assertThat(late.status()).isEqualTo(400);
    assertThat(late.json().get("hint").asText()).isEqualTo("Authorization code has expired");
  }

  @Test
  void anExpiredAccessTokenGets401AndARefreshedOneWorks() {
    Sandboxes.Tokens tokens = Sandboxes.install(http);
    assertThat(http.get("/api/v4/account", tokens.access()).status()).isEqualTo(200);

    clock.advance(Duration.ofSeconds(30));

    Http.Answer expired = http.get("/api/v4/leads", tokens.access());
    assertThat(expired.status()).isEqualTo(401);
    assertThat(expired.contentType()).startsWith("application/problem+json");
    String fresh = Sandboxes.refresh(http, tokens.refresh()).json().get("access_token").asText();
    assertThat(http.get("/api/v4/account", fresh).status()).isEqualTo(200);
    assertThat(sandbox.stats().unauthorized()).isEqualTo(1);
  }

  @Test
  void theApiWantsABearerTokenItIssued() {
    assertThat(http.get("/api/v4/account").status()).isEqualTo(401);
    assertThat(http.get("/api/v4/account", "made-up").status()).isEqualTo(401);
  }

  @Test
  void aWrongClientSecretIsRefused() {
    String code = Sandboxes.allow(http, "x").get("code");
    Http.Answer answer =
        http.post(
            "/oauth2/access_token",
            null,
            "{\"client_id\":\"reglament-sandbox\",\"client_secret\":\"guess\","
                + "\"grant_type\":\"authorization_code\",\"code\":\""
                + code
                + "\",\"redirect_uri\":\""
                + Sandboxes.REDIRECT
                + "\"}");
    assertThat(answer.status()).isEqualTo(401);
    // and the code was not spent by the refused attempt
    assertThat(Sandboxes.exchange(http, code).status()).isEqualTo(200);
  }

  @Test
  void theTokenEndpointAcceptsAFormBodyToo() {
    String code = Sandboxes.allow(http, "form").get("code");
    Http.Answer answer =
        http.send(
            "POST",
            "/oauth2/access_token",
            null,
            "client_id=reglament-sandbox&client_secret=reglament-sandbox-secret"
                + "&grant_type=authorization_code&code="
                + code
                + "&redirect_uri="
                + java.net.URLEncoder.encode(
                    Sandboxes.REDIRECT.toString(), java.nio.charset.StandardCharsets.UTF_8),
            "application/x-www-form-urlencoded");
    assertThat(answer.status()).isEqualTo(200);
  }
}
