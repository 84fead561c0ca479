package app.reglament.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import app.reglament.App;
import app.reglament.account.AccountRepository;
import app.reglament.account.AccountState;
import app.reglament.mirror.DealMirror;
import app.reglament.sandbox.scenario.Scenario;
import app.reglament.sandbox.scenario.ScenarioGenerator;
import app.reglament.sandbox.scenario.ScenarioSettings;
import app.reglament.sandbox.store.Event;
import app.reglament.sandbox.store.Lead;
import app.reglament.sandbox.store.Task;
import app.reglament.testing.TestApps;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real server installs into the sandbox through amoCRM's OAuth flow and syncs a generated
 * department; its mirror must hold what the sandbox holds.
 */
class SandboxSyncTest {
  private static final String PUBLIC_URL = "http://reglament.test";
  private static final HttpClient HTTP =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @TempDir Path dataDir;

  private static SandboxSettings sandboxSettings() {
    return SandboxSettings.DEFAULTS
        .withPort(0)
        .withRedirectUri(URI.create(PUBLIC_URL + "/oauth/callback"));
  }

  private App server(SandboxApp sandbox, Clock clock, int rps) {
    return TestApps.withAmo(
        dataDir,
        sandbox.baseUrl(),
        clock,
        Map.of(
            "REGLAMENT_PUBLIC_URL",
            PUBLIC_URL,
            "REGLAMENT_AMO_CLIENT_ID",
            SandboxSettings.DEFAULT_CLIENT_ID,
            "REGLAMENT_AMO_CLIENT_SECRET",
            SandboxSettings.DEFAULT_CLIENT_SECRET,
            "REGLAMENT_AMO_RPS",
            Integer.toString(rps)));
  }

  /**
   * amoCRM's flow, as a browser would follow it: Reglament's install link, amoCRM's "Allow", then
   * the redirect back to Reglament's callback (its public host stands for the test's port).
   */
  private static long install(App server) throws Exception {
    String origin = "http://127.0.0.1:" + server.port();
    String authorize = location(origin + "/oauth/install");
    String back = location(authorize.replace("/oauth?", "/oauth/allow?"));
    assertThat(back).startsWith(PUBLIC_URL + "/oauth/callback?");
    HttpResponse<String> installed =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(back.replace(PUBLIC_URL, origin))).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(installed.statusCode()).as(installed.body()).isEqualTo(200);
    return Long.parseLong(installed.body().replaceAll(".*\"accountId\":(\\d+).*", "$1"));
  }

  private static String location(String url) throws Exception {
    HttpResponse<Void> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url)).build(),
            HttpResponse.BodyHandlers.discarding());
    assertThat(response.statusCode()).as(url).isBetween(301, 303);
    return response.headers().firstValue("Location").orElseThrow();
  }

  private static <T> Map<Long, Integer> countBy(java.util.List<T> items, Function<T, Long> key) {
    return items.stream().collect(Collectors.groupingBy(key, Collectors.summingInt(item -> 1)));
  }

  @Test
  void the_server_installs_through_oauth_and_its_mirror_matches_the_generated_account()
      throws Exception {
    Instant now = Instant.now();
    Scenario scenario = ScenarioGenerator.generate(ScenarioSettings.defaults(42, now));
    try (SandboxApp sandbox =
            SandboxApp.create(
                    sandboxSettings().withRequestsPerSecond(0), Clock.systemUTC(), scenario)
                .start();
        App server = server(sandbox, Clock.fixed(now, ZoneOffset.UTC), 1_000)) {
      server.http().start(0);

      long accountId = install(server);
      long started = System.nanoTime();
      assertThat(server.amo().orElseThrow().scheduler().drain()).isEqualTo(1);
      System.out.printf(
          "Initial sync of the generated account: %d ms, %d requests to the sandbox%n",
          (System.nanoTime() - started) / 1_000_000, sandbox.stats().requests());

      var store = sandbox.store();
      var mirror = new DealMirror(server.database().dsl());
      assertThat(mirror.leadsPerManager(accountId))
          .isEqualTo(countBy(store.leads(lead -> !lead.deleted()), Lead::responsibleUserId));
      assertThat(mirror.tasksPerManager(accountId))
          .isEqualTo(countBy(store.tasks(task -> true), Task::responsibleUserId));
      assertThat(mirror.historyPerUser(accountId))
          .isEqualTo(
              countBy(
                  store.events(event -> event.type().equals("lead_status_changed")),
                  Event::createdBy));
      assertThat(mirror.countLeads(accountId)).isEqualTo(2_000);
    }
  }

  @Test
  void tokens_that_expire_every_few_seconds_are_refreshed_single_flight_during_a_sync()
      throws Exception {
    Instant now = Instant.now();
    Scenario scenario =
        ScenarioGenerator.generate(ScenarioSettings.defaults(7, now).withDeals(600));
    try (SandboxApp sandbox =
            SandboxApp.create(
                    sandboxSettings()
                        .withRequestsPerSecond(0)
                        .withTokenLifetime(Duration.ofSeconds(3)),
                    Clock.systemUTC(),
                    scenario)
                .start();
        App server = server(sandbox, Clock.systemUTC(), 25)) {
      server.http().start(0);

      long accountId = install(server);
      assertThat(server.amo().orElseThrow().scheduler().drain()).isEqualTo(1);

      var account = new AccountRepository(server.database().dsl()).find(accountId).orElseThrow();
      assertThat(account.state()).isEqualTo(AccountState.ACTIVE);
      int refreshes =
          server
              .database()
              .dsl()
              .fetchValue(
                  app.reglament.db.generated.Tables.ACCOUNT_TOKENS.VERSION,
                  app.reglament.db.generated.Tables.ACCOUNT_TOKENS.ACCOUNT_ID.eq(accountId));
      System.out.printf(
          "Sync with 3-second tokens: %d token pairs, %d requests, %d answered 401%n",
          refreshes, sandbox.stats().requests(), sandbox.stats().unauthorized());
      assertThat(refreshes).as("token pairs used").isGreaterThan(2);
      assertThat(new DealMirror(server.database().dsl()).countLeads(accountId)).isEqualTo(600);
      assertThat(
              new app.reglament.sync.SyncStateRepository(server.database().dsl())
                  .status(accountId)
                  .orElseThrow()
                  .state())
          .isEqualTo("done");
    }
  }
}
