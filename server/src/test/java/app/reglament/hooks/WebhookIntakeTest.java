package app.reglament.hooks;

import static app.reglament.db.generated.Tables.WEBHOOK_INBOX;
import static app.reglament.testing.FakeAmo.ACCOUNT;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import app.reglament.App;
import app.reglament.account.Account;
import app.reglament.account.AccountRepository;
import app.reglament.account.AccountState;
import app.reglament.amo.oauth.TokenPair;
import app.reglament.testing.FakeAmo;
import app.reglament.testing.MutableClock;
import app.reglament.testing.TestApps;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** POST /hooks/amo/{hookToken} on the real server: what is accepted, what is refused, and why. */
class WebhookIntakeTest {
  private static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dataDir;
  private final WireMockServer amo = new WireMockServer(options().dynamicPort());
  private final MutableClock clock = new MutableClock(T0);

  @BeforeEach
  void startAmo() {
    amo.start();
  }

  @AfterEach
  void stopAmo() {
    amo.stop();
  }

  private App app() {
    return TestApps.withAmo(dataDir, amo.baseUrl(), clock);
  }

  /** An installed account with valid tokens, as /oauth/callback leaves it. */
  private static Account installed(App app) {
    Account account =
        new AccountRepository(app.database().dsl()).install(ACCOUNT, "sales.amocrm.ru", T0);
    app.amo()
        .orElseThrow()
        .tokens()
        .install(ACCOUNT, new TokenPair("access", "refresh", T0.plus(Duration.ofDays(1))));
    return account;
  }

  private static String statusBody(long accountId, long leadId) {
    return "account%5Bsubdomain%5D=sales&account%5Bid%5D="
        + accountId
        + "&leads%5Bstatus%5D%5B0%5D%5Bid%5D="
        + leadId
        + "&leads%5Bstatus%5D%5B0%5D%5Bstatus_id%5D=143&leads%5Bstatus%5D%5B0%5D%5Bpipeline_id%5D=7"
        + "&leads%5Bstatus%5D%5B0%5D%5Bold_status_id%5D=1001&leads%5Bstatus%5D%5B0%5D%5Bold_pipeline_id%5D=7";
  }

  private static Response post(HttpClient client, String path, byte[] body) {
    return client.request(
        path,
        request ->
            request
                .header("Content-Type", "application/x-www-form-urlencoded")
                .post(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  private static Response post(HttpClient client, String path, String body) {
    return post(client, path, body.getBytes(StandardCharsets.UTF_8));
  }

  private static String problemType(Response response) throws Exception {
    assertThat(response.headers().get("Content-Type").get(0))
        .startsWith("application/problem+json");
    return JSON.readTree(response.body().string()).path("type").asText();
  }

  @Test
  void a_valid_webhook_is_committed_before_its_200_and_a_redelivery_is_absorbed() {
    try (App app = app()) {
      Account account = installed(app);
      JavalinTest.test(
          app.http(),
          (server, client) -> {
            String path = "/hooks/amo/" + account.hookToken();

            Response first = post(client, path, statusBody(ACCOUNT, 1_001));
            assertThat(first.code()).isEqualTo(200);
            assertThat(app.database().dsl().fetchCount(WEBHOOK_INBOX)).isEqualTo(1);

            Response again = post(client, path, statusBody(ACCOUNT, 1_001));
            assertThat(again.code()).isEqualTo(200);
            assertThat(JSON.readTree(again.body().string()).path("duplicate").asBoolean()).isTrue();
            assertThat(app.database().dsl().fetchCount(WEBHOOK_INBOX)).isEqualTo(1);
          });
    }
  }

  @Test
  void unknown_token_mismatched_account_and_disconnected_account_are_refused() {
    try (App app = app()) {
      Account account = installed(app);
      JavalinTest.test(
          app.http(),
          (server, client) -> {
            Response unknown = post(client, "/hooks/amo/not-a-token", statusBody(ACCOUNT, 1));
            assertThat(unknown.code()).isEqualTo(404);
            assertThat(problemType(unknown)).isEqualTo("urn:reglament:problem:not-found");

            Response foreign =
                post(client, "/hooks/amo/" + account.hookToken(), statusBody(999L, 1));
            assertThat(foreign.code()).isEqualTo(403);
            assertThat(foreign.body().string()).contains("999");

            new AccountRepository(app.database().dsl())
                .changeState(ACCOUNT, AccountState.INACTIVE, "uninstalled", T0);
            // A fresh server: the token cache of the running one forgets within 30 s.
            assertThat(app.database().dsl().fetchCount(WEBHOOK_INBOX)).isZero();
          });
    }
    try (App restarted = app()) {
      Account account =
          new AccountRepository(restarted.database().dsl()).find(ACCOUNT).orElseThrow();
      JavalinTest.test(
          restarted.http(),
          (server, client) -> {
            Response gone =
                post(client, "/hooks/amo/" + account.hookToken(), statusBody(ACCOUNT, 1));
            assertThat(gone.code()).isEqualTo(410);
          });
    }
  }

  @Test
  void a_body_over_256_kilobytes_is_refused_with_413() {
    try (App app = app()) {
      Account account = installed(app);
      JavalinTest.test(
          app.http(),
          (server, client) -> {
            String padding = "&leads%5Bupdate%5D%5B0%5D%5Bname%5D=" + "x".repeat(300 * 1024);
            Response response =
                post(client, "/hooks/amo/" + account.hookToken(), statusBody(ACCOUNT, 1) + padding);
            assertThat(response.code()).isEqualTo(413);
            assertThat(problemType(response)).isEqualTo("urn:reglament:problem:payload-too-large");
            assertThat(app.database().dsl().fetchCount(WEBHOOK_INBOX)).isZero();
          });
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "&&&===",
        "account%5Bid%5D=abc&leads%5Badd%5D%5B0%5D%5Bid%5D=1",
        "leads%5Badd%5D%5B0%5D%5Bid%5D=1",
        "account%5Bid%5D=31000001&a%5Bb%5D%5Bc%5D%5Bd%5D%5Be%5D%5Bf%5D%5Bg%5D%5Bh%5D%5Bi%5D%5Bj%5D%5Bk%5D%5Bl%5D=1",
        "account%5Bid%5D=31000001&bad=%E0%A4%A",
        "account%5Bid%5D=31000001&bad=%C3%28",
        "account%5Bid%5D=31000001&leads%5Bupdate%5D%5B0%5D%5Bid%5D%5B%5D%5B%5D%5B%5D%5B%5D%5B%5D%5B%5D%5B%5D%5B%5D%5B%5D%5B%5D=1",
      })
  void malformed_and_hostile_bodies_get_a_400_problem_and_nothing_is_stored(String body) {
    try (App app = app()) {
      Account account = installed(app);
      JavalinTest.test(
          app.http(),
          (server, client) -> {
            Response response = post(client, "/hooks/amo/" + account.hookToken(), body);
            assertThat(response.code()).isEqualTo(400);
            assertThat(problemType(response)).isEqualTo("urn:reglament:problem:malformed-webhook");
            assertThat(JSON.readTree(response.body().string()).path("detail").asText())
                .isNotBlank();
            assertThat(app.database().dsl().fetchCount(WEBHOOK_INBOX)).isZero();
          });
    }
  }

  @Test
  void a_body_with_ten_thousand_entries_is_refused_with_a_clear_4xx_not_a_500() {
    StringBuilder body = new StringBuilder("account%5Bid%5D=" + ACCOUNT);
    for (int i = 0; i < 12_000; i++) {
      body.append("&leads%5Bupdate%5D%5B").append(i).append("%5D=1");
    }
    try (App app = app()) {
      Account account = installed(app);
      JavalinTest.test(
          app.http(),
          (server, client) -> {
            Response response = post(client, "/hooks/amo/" + account.hookToken(), body.toString());
            assertThat(response.code()).isBetween(400, 499);
          });
    }
  }

  @Test
  void webhooks_posted_while_no_worker_runs_are_processed_once_after_a_restart() {
    FakeAmo fake = new FakeAmo(amo);
    fake.stubAccount();
    amo.stubFor(
        get(urlPathEqualTo("/api/v4/leads"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/hal+json")
                    .withBody(
                        "{\"_embedded\":{\"leads\":["
                            + FakeAmo.lead(1_001, 143, FakeAmo.MANAGER_A, T0)
                            + "]}}")));
    String hookToken;
    try (App first = app()) {
      hookToken = installed(first).hookToken();
      JavalinTest.test(
          first.http(),
          (server, client) -> {
            for (int i = 0; i < 40; i++) {
              assertThat(
                      post(
                              client,
                              "/hooks/amo/" + hookToken,
                              statusBody(ACCOUNT, 1_001) + "&n=" + i)
                          .code())
                  .isEqualTo(200);
            }
          });
      assertThat(
              first.database().dsl().fetchCount(WEBHOOK_INBOX, WEBHOOK_INBOX.STATE.eq("pending")))
          .isEqualTo(40);
    }

    try (App restarted = app()) {
      int handled = restarted.amo().orElseThrow().worker().drain();

      assertThat(handled).isEqualTo(40);
      assertThat(restarted.amo().orElseThrow().worker().drain()).isZero();
      var inbox = restarted.database().dsl();
      assertThat(inbox.fetchCount(WEBHOOK_INBOX, WEBHOOK_INBOX.STATE.eq("done"))).isEqualTo(40);
      assertThat(inbox.fetchCount(WEBHOOK_INBOX, WEBHOOK_INBOX.ATTEMPTS.ne(1))).isZero();
    }
    // One batched re-read of the touched deal served all 40 webhooks of the account.
    amo.verify(1, getRequestedFor(urlPathEqualTo("/api/v4/leads")));
  }
}
