package app.reglament.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import app.reglament.App;
import app.reglament.account.AccountRepository;
import app.reglament.account.AccountState;
import app.reglament.mirror.ActivityMirror;
import app.reglament.mirror.DealMirror;
import app.reglament.mirror.NoteMirror;
import app.reglament.sandbox.scenario.Scenario;
import app.reglament.sandbox.scenario.ScenarioGenerator;
import app.reglament.sandbox.scenario.ScenarioSettings;
import app.reglament.sandbox.store.Event;
import app.reglament.sandbox.store.Lead;
import app.reglament.sandbox.store.NewNote;
import app.reglament.sandbox.store.Store;
import app.reglament.sandbox.store.Task;
import app.reglament.sync.SyncStateRepository;
import app.reglament.testing.MutableClock;
import app.reglament.testing.TestApps;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
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

  @Test
  void the_server_installs_through_oauth_and_its_mirror_matches_the_generated_account()
      throws Exception {
    Instant now = Instant.now();
    Scenario scenario = ScenarioGenerator.generate(ScenarioSettings.defaults(42, now));
    MutableClock serverClock = new MutableClock(now);
    try (SandboxApp sandbox =
            SandboxApp.create(
                    sandboxSettings().withRequestsPerSecond(0), Clock.systemUTC(), scenario)
                .start();
        App server = server(sandbox, serverClock, 1_000)) {
      server.http().start(0);

      long accountId = install(server);
      long started = System.nanoTime();
      long before = sandbox.stats().requests();
      assertThat(server.amo().orElseThrow().scheduler().drain()).isEqualTo(1);
      var store = sandbox.store();
      System.out.printf(
          "Initial sync of the generated account (%d events, %d notes): %d ms, %d requests to the"
              + " sandbox (%d for the sync itself)%n",
          store.eventCount(),
          store.counts().notes(),
          (System.nanoTime() - started) / 1_000_000,
          sandbox.stats().requests(),
          sandbox.stats().requests() - before);

      var mirror = new DealMirror(server.database().dsl());
      assertThat(mirror.leadsPerManager(accountId))
          .isEqualTo(
              StoreFacts.countBy(store.leads(lead -> !lead.deleted()), Lead::responsibleUserId));
      assertThat(mirror.tasksPerManager(accountId))
          .isEqualTo(StoreFacts.countBy(store.tasks(task -> true), Task::responsibleUserId));
      assertThat(mirror.historyPerUser(accountId))
          .isEqualTo(
              StoreFacts.countBy(
                  store.events(event -> event.type().equals("lead_status_changed")),
                  Event::createdBy));
      assertThat(mirror.countLeads(accountId)).isEqualTo(2_000);
      Instant historyFrom = now.minus(Duration.ofDays(30));
      assertThat(new SyncStateRepository(server.database().dsl()).historyFrom(accountId))
          .contains(historyFrom.truncatedTo(ChronoUnit.MILLIS));
      assertActivityFactsMatch(server, accountId, store, historyFrom);

      // What happens after the sync reaches the mirror by reconciliation: a missed call, a
      // closing comment, a completed task.
      Task open =
          store
              .tasks(
                  t ->
                      !t.completed()
                          && t.entityType().equals(Task.ON_LEADS)
                          && store.lead(t.entityId()).filter(l -> !l.deleted()).isPresent())
              .get(0);
      long manager = open.responsibleUserId();
      store.addNote(new NewNote(open.entityId(), "call_in", Map.of("duration", 0)), 0);
      store.addNote(
          new NewNote(open.entityId(), "common", Map.of("text", "Клиент просит перезвонить")),
          manager);
      store.completeTask(open.id(), "Созвонились, отправили предложение", manager);
      serverClock.advance(Duration.ofMinutes(11));
      assertThat(server.amo().orElseThrow().scheduler().drain()).isEqualTo(1);
      assertThat(mirror.completionTimes(accountId)).containsKey(open.id());
      assertActivityFactsMatch(server, accountId, store, historyFrom);
    }
  }

  /**
   * The mirror's notes per deal, missed calls, completion times and users' active minutes equal
   * what the sandbox's store says.
   */
  private static void assertActivityFactsMatch(
      App server, long accountId, Store store, Instant historyFrom) {
    var dsl = server.database().dsl();
    var notes = new NoteMirror(dsl);
    Map<Long, List<String>> expectedNotes = StoreFacts.notesByLead(store);
    assertThat(notes.notesPerLead(accountId))
        .isEqualTo(
            expectedNotes.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().size())));
    for (var lead : expectedNotes.entrySet()) {
      assertThat(
              notes.notesOf(accountId, lead.getKey()).stream()
                  .map(
                      n ->
                          StoreFacts.describe(
                              n.id(),
                              n.type(),
                              n.text(),
                              n.duration(),
                              n.createdBy(),
                              n.createdAt()))
                  .toList())
          .as("notes of deal %d", lead.getKey())
          .isEqualTo(lead.getValue());
    }
    var mirror = new DealMirror(dsl);
    Map<Long, Integer> missed = StoreFacts.missedCallsPerLead(store);
    assertThat(missed).isNotEmpty();
    assertThat(mirror.missedCallsPerLead(accountId)).isEqualTo(missed);
    Map<Long, Instant> completions = StoreFacts.completionTimes(store);
    assertThat(completions).isNotEmpty();
    assertThat(mirror.completionTimes(accountId)).isEqualTo(completions);
    assertThat(new ActivityMirror(dsl).minutesPerUser(accountId))
        .isEqualTo(StoreFacts.activeMinutes(store, historyFrom.truncatedTo(ChronoUnit.SECONDS)));
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
              new SyncStateRepository(server.database().dsl())
                  .status(accountId)
                  .orElseThrow()
                  .state())
          .isEqualTo("done");
    }
  }
}
