package app.reglament.install;

import static app.reglament.testing.FakeAmo.ACCOUNT;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.reglament.App;
import app.reglament.account.AccountRepository;
import app.reglament.account.AccountState;
import app.reglament.amo.api.AmoAuthorizationException;
import app.reglament.testing.FakeAmo;
import app.reglament.testing.MutableClock;
import app.reglament.testing.TestApps;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The installation endpoints on the real server, with amoCRM played by WireMock. */
class InstallControllerTest {
  private static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dataDir;
  private final WireMockServer amo = new WireMockServer(options().dynamicPort());
  private final MutableClock clock = new MutableClock(T0);

  @BeforeEach
  void startAmo() {
    amo.start();
    new FakeAmo(amo).stubAccount();
  }

  @AfterEach
  void stopAmo() {
    amo.stop();
  }

  private App app(Map<String, String> extra) {
    return TestApps.withAmo(dataDir, amo.baseUrl(), clock, extra);
  }

  private static JsonNode problem(Response response, int status) throws Exception {
    assertThat(response.code()).isEqualTo(status);
    assertThat(response.headers().get("Content-Type").get(0))
        .startsWith("application/problem+json");
    return JSON.readTree(response.body().string());
  }

  @Test
  void an_installation_started_here_carries_a_state_the_callback_accepts() {
    try (App app = app(Map.of())) {
      JavalinTest.test(
          app.http(),
          (server, client) -> {
            var http =
                java.net.http.HttpClient.newBuilder()
                    .followRedirects(java.net.http.HttpClient.Redirect.NEVER)
                    .build();
            var redirect =
                http.send(
                    java.net.http.HttpRequest.newBuilder(
                            URI.create(client.getOrigin() + "/oauth/install"))
                        .build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
            assertThat(redirect.statusCode()).isBetween(301, 303);
            URI authorize = URI.create(redirect.headers().firstValue("Location").orElseThrow());
            assertThat(authorize.toString())
                .startsWith(amo.baseUrl() + "/oauth?client_id=client-id");
            String state =
                java.net.URLDecoder.decode(
                    authorize.getQuery().replaceAll(".*state=([^&]*).*", "$1"),
                    StandardCharsets.UTF_8);

            Response forged =
                client.get("/oauth/callback?code=abc&referer=sales.amocrm.ru&state=1.forged");
            assertThat(problem(forged, 400).path("detail").asText()).contains("state");
            Response accepted =
                client.get(
                    "/oauth/callback?code=abc&referer=sales.amocrm.ru&state="
                        + java.net.URLEncoder.encode(state, StandardCharsets.UTF_8));
            assertThat(accepted.code()).isEqualTo(200);
          });
    }
  }

  @Test
  void a_state_older_than_twenty_minutes_is_refused() {
    try (App app = app(Map.of())) {
      InstallState states = new InstallState("client-secret", clock);
      String state = states.issue();
      clock.advance(Duration.ofMinutes(21));
      JavalinTest.test(
          app.http(),
          (server, client) ->
              problem(
                  client.get("/oauth/callback?code=abc&referer=sales.amocrm.ru&state=" + state),
                  400));
    }
  }

  @Test
  void missing_parameters_and_foreign_referers_are_refused_before_calling_amocrm() {
    try (App app = app(Map.of())) {
      JavalinTest.test(
          app.http(),
          (server, client) -> {
            assertThat(
                    problem(
                            client.get("/oauth/callback?referer=sales.amocrm.ru&from_widget=1"),
                            400)
                        .path("detail")
                        .asText())
                .contains("'code'");
            assertThat(
                    problem(
                            client.get(
                                "/oauth/callback?code=abc&referer=evil.example/x%20y&from_widget=1"),
                            400)
                        .path("detail")
                        .asText())
                .contains("referer");
          });
      assertThat(amo.getAllServeEvents()).isEmpty();
    }
  }

  @Test
  void without_an_override_only_amocrm_and_kommo_hosts_are_accepted_as_referer() {
    var hosts = new app.reglament.amo.oauth.AmoHosts(java.util.Optional.empty());

    assertThat(hosts.acceptBaseDomain("sales.amocrm.ru")).contains("sales.amocrm.ru");
    assertThat(hosts.acceptBaseDomain("Sales.Kommo.com")).contains("sales.kommo.com");
    assertThat(hosts.acceptBaseDomain("sales.amocrm.com")).contains("sales.amocrm.com");
    assertThat(hosts.acceptBaseDomain("attacker.example.com")).isEmpty();
    assertThat(hosts.acceptBaseDomain("sales.amocrm.ru.attacker.com")).isEmpty();
    assertThat(hosts.acceptBaseDomain("127.0.0.1:8080")).isEmpty();
    assertThat(hosts.base("sales.amocrm.ru")).isEqualTo(URI.create("https://sales.amocrm.ru"));
  }

  @Test
  void a_refused_code_is_a_clear_400_and_nothing_is_installed() {
    amo.stubFor(
        post(urlPathEqualTo("/oauth2/access_token"))
            .atPriority(1)
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withBody("{\"hint\":\"Authorization code has expired\"}")));
    try (App app = app(Map.of())) {
      JavalinTest.test(
          app.http(),
          (server, client) ->
              assertThat(
                      problem(
                              client.get(
                                  "/oauth/callback?code=old&referer=sales.amocrm.ru&from_widget=1"),
                              400)
                          .path("detail")
                          .asText())
                  .contains("works once and lives 20 minutes"));
      assertThat(new AccountRepository(app.database().dsl()).find(ACCOUNT)).isEmpty();
    }
  }

  @Test
  void disconnect_with_a_valid_signature_stops_all_traffic_and_a_forged_one_is_refused() {
    try (App app = app(Map.of())) {
      JavalinTest.test(
          app.http(),
          (server, client) -> {
            assertThat(
                    client
                        .get("/oauth/callback?code=abc&referer=sales.amocrm.ru&from_widget=1")
                        .code())
                .isEqualTo(200);

            problem(
                client.get(
                    "/oauth/disconnect?account_id="
                        + ACCOUNT
                        + "&client_uuid=client-id&signature=00ff"),
                403);
            assertThat(
                    new AccountRepository(app.database().dsl()).find(ACCOUNT).orElseThrow().state())
                .isEqualTo(AccountState.ACTIVE);

            String signature =
                HexFormat.of()
                    .formatHex(
                        InstallState.hmac(
                            "client-secret".getBytes(StandardCharsets.UTF_8),
                            "client-id|" + ACCOUNT));
            Response disconnected =
                client.get(
                    "/oauth/disconnect?account_id="
                        + ACCOUNT
                        + "&client_uuid=client-id&signature="
                        + signature);
            assertThat(disconnected.code()).isEqualTo(200);
          });
      assertThat(new AccountRepository(app.database().dsl()).find(ACCOUNT).orElseThrow().state())
          .isEqualTo(AccountState.INACTIVE);
      amo.resetRequests();
      clock.advance(Duration.ofMinutes(1));
      assertThatThrownBy(() -> app.amo().orElseThrow().client().setup().account(ACCOUNT))
          .isInstanceOf(AmoAuthorizationException.class);
      assertThat(app.amo().orElseThrow().scheduler().drain()).isZero();
      assertThat(amo.getAllServeEvents()).isEmpty();
    }
  }

  @Test
  void a_failing_initial_sync_shows_its_error_in_the_status_and_is_retried() {
    amo.stubFor(
        get(urlPathEqualTo("/api/v4/leads"))
            .atPriority(1)
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withBody(
                        "{\"title\":\"Bad Request\",\"status\":400,\"detail\":\"limit is too big\"}")));
    try (App app = app(Map.of())) {
      JavalinTest.test(
          app.http(),
          (server, client) -> {
            JsonNode installed =
                JSON.readTree(
                    client
                        .get("/oauth/callback?code=abc&referer=sales.amocrm.ru&from_widget=1")
                        .body()
                        .string());
            app.amo().orElseThrow().scheduler().drain();

            JsonNode sync =
                JSON.readTree(client.get(installed.path("status").asText()).body().string())
                    .path("sync");
            assertThat(sync.path("state").asText()).isEqualTo("failed");
            assertThat(sync.path("phase").asText()).isEqualTo("leads");
            assertThat(sync.path("errors").get(0).asText()).contains("limit is too big");

            assertThat(app.amo().orElseThrow().scheduler().drain())
                .as("not before a minute")
                .isZero();
            clock.advance(Duration.ofMinutes(1));
            assertThat(app.amo().orElseThrow().scheduler().drain()).isEqualTo(1);
          });
    }
  }

  @Test
  void health_lists_an_account_amocrm_has_blocked() {
    try (App app = app(Map.of())) {
      JavalinTest.test(
          app.http(),
          (server, client) -> {
            client.get("/oauth/callback?code=abc&referer=sales.amocrm.ru&from_widget=1");
            app.amo()
                .orElseThrow()
                .tokens()
                .pause(ACCOUNT, Duration.ofMinutes(15), "HTML 403 from amoCRM");

            JsonNode paused =
                JSON.readTree(client.get("/health").body().string())
                    .path("amocrm")
                    .path("pausedAccounts");
            assertThat(paused).hasSize(1);
            assertThat(paused.get(0).path("accountId").asLong()).isEqualTo(ACCOUNT);
            assertThat(paused.get(0).path("reason").asText()).contains("HTML 403");
          });
    }
  }
}
