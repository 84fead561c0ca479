package app.reglament.sync;

import static app.reglament.testing.FakeAmo.ACCOUNT;
import static app.reglament.testing.FakeAmo.MANAGER_A;
import static app.reglament.testing.FakeAmo.MANAGER_B;
import static app.reglament.testing.FakeAmo.NEW_STAGE;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import app.reglament.App;
import app.reglament.amo.AmoConnection;
import app.reglament.install.Installer;
import app.reglament.mirror.DealMirror;
import app.reglament.mirror.Rows;
import app.reglament.testing.FakeAmo;
import app.reglament.testing.MutableClock;
import app.reglament.testing.TestApps;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real server connected to amoCRM played by WireMock: installation through /oauth/callback, an
 * initial sync over several pages, a status-change webhook, and a webhook that never came.
 */
class AmoConnectionEndToEndTest {
  private static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int LEADS = 620;
  private static final int TASKS = 300;

  @TempDir Path dataDir;
  private final WireMockServer amo = new WireMockServer(options().dynamicPort());
  private final FakeAmo fake = new FakeAmo(amo);
  private final MutableClock clock = new MutableClock(T0);

  @BeforeEach
  void startAmo() {
    amo.start();
    fake.stubAccount();
    List<ObjectNode> leads = new ArrayList<>();
    for (int i = 0; i < LEADS; i++) {
      leads.add(
          FakeAmo.lead(
              1_000 + i, NEW_STAGE, i % 2 == 0 ? MANAGER_A : MANAGER_B, T0.minusSeconds(3_600)));
    }
    fake.stubLeadPages(leads, 250);
    List<ObjectNode> tasks = new ArrayList<>();
    for (int i = 0; i < TASKS; i++) {
      tasks.add(FakeAmo.task(50_000 + i, 1_000 + i, MANAGER_A, T0.minusSeconds(600)));
    }
    fake.stubTaskPages(tasks, 250);
    fake.stubEvents(
        List.of(
            FakeAmo.statusChanged(
                "ev-1", 1_000, 1002, NEW_STAGE, MANAGER_A, T0.minus(Duration.ofDays(2))),
            FakeAmo.outgoingCall("ev-2", 1_000, MANAGER_A, T0.minus(Duration.ofDays(2)))));
  }

  @AfterEach
  void stopAmo() {
    amo.stop();
  }

  private App app() {
    return TestApps.withAmo(
        dataDir,
        amo.baseUrl(),
        clock,
        Map.of("REGLAMENT_PUBLIC_URL", "https://reglament.example.com"));
  }

  @Test
  void install_sync_webhook_and_reconciliation_keep_the_mirror_equal_to_amocrm() {
    try (App app = app()) {
      AmoConnection connection = app.amo().orElseThrow();
      DealMirror mirror = new DealMirror(app.database().dsl());
      JavalinTest.test(
          app.http(),
          (server, client) -> {
            // 1. Installation.
            JsonNode installed =
                json(client.get("/oauth/callback?code=abc&referer=sales.amocrm.ru&from_widget=1"));
            assertThat(installed.path("accountId").asLong()).isEqualTo(ACCOUNT);
            amo.verify(1, postRequestedFor(urlPathEqualTo("/api/v4/webhooks")));
            String statusPath = installed.path("status").asText();
            assertThat(json(client.get(statusPath)).path("sync").path("state").asText())
                .isEqualTo("queued");
            assertThat(statusPath).doesNotContain(hookTokenOf(app));
            assertThat(client.get(statusPath.replaceAll("key=.*", "key=forged")).code())
                .isEqualTo(404);

            // 2. The initial sync over several pages.
            assertThat(connection.scheduler().drain()).isEqualTo(1);
            assertThat(mirror.countLeads(ACCOUNT)).isEqualTo(LEADS);
            assertThat(mirror.leadsPerManager(ACCOUNT))
                .containsEntry(MANAGER_A, LEADS / 2)
                .containsEntry(MANAGER_B, LEADS / 2);
            assertThat(mirror.countTasks(ACCOUNT)).isEqualTo(TASKS);
            assertThat(mirror.countHistory(ACCOUNT)).isEqualTo(1);
            assertThat(mirror.countCommunications(ACCOUNT)).isEqualTo(1);
            JsonNode sync = json(client.get(statusPath)).path("sync");
            assertThat(sync.path("state").asText()).isEqualTo("done");
            assertThat(sync.path("counts").path("leads").asInt()).isEqualTo(LEADS);
            assertThat(sync.path("counts").path("tasks").asInt()).isEqualTo(TASKS);
            JsonNode accounts = json(client.get("/health")).path("amocrm").path("accounts");
            assertThat(accounts.path("active").asInt()).isEqualTo(1);
            assertThat(accounts.path("synced").asInt()).isEqualTo(1);

            // 3. A status-change webhook: the deal is re-read and the move recorded.
            clock.advance(Duration.ofMinutes(1));
            Instant moved = clock.instant();
            fake.stubLeadById(FakeAmo.lead(1_001, 143, MANAGER_B, moved));
            fake.stubEvents(
                List.of(FakeAmo.statusChanged("ev-3", 1_001, NEW_STAGE, 143, MANAGER_B, moved)));
            String hook =
                "/hooks/amo/"
                    + new app.reglament.account.AccountRepository(app.database().dsl())
                        .find(ACCOUNT)
                        .orElseThrow()
                        .hookToken();
            Response acknowledged = postForm(client, hook, statusWebhook(1_001, NEW_STAGE, 143));
            assertThat(acknowledged.code()).isEqualTo(200);
            assertThat(connection.worker().drain()).isEqualTo(1);
            assertThat(mirror.stageOf(ACCOUNT, 1_001))
                .contains(new DealMirror.Stage(7, 143, false));
            assertThat(mirror.history(ACCOUNT, 1_001))
                .extracting(Rows.StatusChange::statusId, Rows.StatusChange::sourceKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(143L, "event:ev-3"));

            // 4. A move whose webhook never came is repaired by the next reconciliation.
            clock.advance(Duration.ofMinutes(2));
            Instant lostAt = clock.instant();
            fake.stubLeadsChanged(List.of(FakeAmo.lead(1_002, 142, MANAGER_A, lostAt)));
            fake.stubEvents(
                List.of(FakeAmo.statusChanged("ev-4", 1_002, NEW_STAGE, 142, MANAGER_A, lostAt)));
            assertThat(connection.scheduler().drain()).as("not due before 10 minutes").isZero();
            clock.advance(Duration.ofMinutes(10));
            assertThat(connection.scheduler().drain()).isEqualTo(1);
            assertThat(mirror.stageOf(ACCOUNT, 1_002))
                .contains(new DealMirror.Stage(7, 142, false));
            assertThat(mirror.history(ACCOUNT, 1_002))
                .extracting(Rows.StatusChange::sourceKey)
                .containsExactly("event:ev-4");

            // 5. Installing again adds no second subscription and keeps the data.
            amo.stubFor(
                get(urlPathEqualTo("/api/v4/webhooks"))
                    .atPriority(1)
                    .willReturn(
                        aResponse()
                            .withStatus(200)
                            .withHeader("Content-Type", "application/hal+json")
                            .withBody(
                                "{\"_embedded\":{\"webhooks\":[{\"id\":1,\"destination\":\"https://reglament.example.com"
                                    + hook
                                    + "\",\"settings\":"
                                    + JSON.writeValueAsString(Installer.CORE_EVENTS)
                                    + ",\"sort\":0,\"disabled\":false}]}}")));
            json(client.get("/oauth/callback?code=def&referer=sales.amocrm.ru&from_widget=1"));
            amo.verify(1, postRequestedFor(urlPathEqualTo("/api/v4/webhooks")));
            assertThat(mirror.countLeads(ACCOUNT)).isEqualTo(LEADS);
          });
    }
  }

  private static String hookTokenOf(App app) {
    return new app.reglament.account.AccountRepository(app.database().dsl())
        .find(ACCOUNT)
        .orElseThrow()
        .hookToken();
  }

  private static Response postForm(HttpClient client, String path, String body) {
    return client.request(
        path,
        request ->
            request
                .header("Content-Type", "application/x-www-form-urlencoded")
                .post(HttpRequest.BodyPublishers.ofString(body)));
  }

  static String statusWebhook(long leadId, long from, long to) {
    return "account%5Bsubdomain%5D=sales&account%5Bid%5D="
        + ACCOUNT
        + "&leads%5Bstatus%5D%5B0%5D%5Bid%5D="
        + leadId
        + "&leads%5Bstatus%5D%5B0%5D%5Bstatus_id%5D="
        + to
        + "&leads%5Bstatus%5D%5B0%5D%5Bpipeline_id%5D=7&leads%5Bstatus%5D%5B0%5D%5Bold_status_id%5D="
        + from
        + "&leads%5Bstatus%5D%5B0%5D%5Bold_pipeline_id%5D=7";
  }

  private static JsonNode json(Response response) throws Exception {
    assertThat(response.code()).as(response.body().string()).isEqualTo(200);
    return JSON.readTree(response.body().string());
  }
}
