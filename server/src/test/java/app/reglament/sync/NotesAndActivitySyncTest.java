package app.reglament.sync;

import static app.reglament.db.generated.Tables.ACCOUNTS;
import static app.reglament.testing.FakeAmo.ACCOUNT;
import static app.reglament.testing.FakeAmo.MANAGER_A;
import static app.reglament.testing.FakeAmo.MANAGER_B;
import static app.reglament.testing.FakeAmo.NEW_STAGE;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import app.reglament.App;
import app.reglament.account.AccountRepository;
import app.reglament.amo.AmoConnection;
import app.reglament.mirror.ActivityMirror;
import app.reglament.mirror.DealMirror;
import app.reglament.mirror.NoteMirror;
import app.reglament.mirror.Rows;
import app.reglament.testing.FakeAmo;
import app.reglament.testing.MutableClock;
import app.reglament.testing.TestApps;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.javalin.testtools.JavalinTest;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Notes, missed calls, completion times and users' active minutes, through the real server with
 * amoCRM played by WireMock: the initial sync, a note webhook, and reconciliations.
 */
class NotesAndActivitySyncTest {
  private static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");
  private static final long ROBOT = 0;
  private static final long CLOSED_TASK = 50_000;
  private static final Instant COMPLETED = T0.minus(Duration.ofHours(3));

  @TempDir Path dataDir;
  private final WireMockServer amo = new WireMockServer(options().dynamicPort());
  private final FakeAmo fake = new FakeAmo(amo);
  private final MutableClock clock = new MutableClock(T0);

  @BeforeEach
  void startAmo() {
    amo.start();
    fake.stubAccount();
    fake.stubLeadPages(
        List.of(
            FakeAmo.lead(1_000, 143, MANAGER_A, T0.minusSeconds(3_600)),
            FakeAmo.lead(1_001, NEW_STAGE, MANAGER_B, T0.minusSeconds(3_600)),
            FakeAmo.lead(1_002, NEW_STAGE, MANAGER_A, T0.minusSeconds(3_600))),
        250);
    fake.stubTaskPages(
        List.of(
            completed(FakeAmo.task(CLOSED_TASK, 1_002, MANAGER_A, T0.minusSeconds(600))),
            FakeAmo.task(50_001, 1_001, MANAGER_B, T0.minusSeconds(600))),
        250);
    Instant dayAgo = T0.minus(Duration.ofDays(1));
    fake.stubNotePages(
        List.of(
            FakeAmo.note(
                7_001,
                1_000,
                "common",
                FakeAmo.textParams("Клиент выбрал другого поставщика"),
                MANAGER_A,
                T0.minus(Duration.ofDays(2))),
            FakeAmo.note(7_002, 1_000, "call_in", FakeAmo.callParams(0), ROBOT, dayAgo),
            FakeAmo.note(7_003, 1_001, "call_in", FakeAmo.callParams(95), MANAGER_B, dayAgo),
            FakeAmo.note(7_004, 1_001, "call_out", FakeAmo.callParams(0), MANAGER_B, dayAgo)),
        250);
    fake.stubEvents(history());
  }

  /** What the events listing returns: newest first, of every type. */
  private static List<ObjectNode> history() {
    Instant dayAgo = T0.minus(Duration.ofDays(1));
    return List.of(
        FakeAmo.event(
            "ev-7", "entity_tag_added", "lead", 1_002, MANAGER_A, COMPLETED.plusSeconds(20), null),
        FakeAmo.event("ev-6", "task_completed", "task", CLOSED_TASK, MANAGER_A, COMPLETED, null),
        FakeAmo.event(
            "ev-5", "outgoing_call", "lead", 1_001, MANAGER_B, dayAgo.plusSeconds(5), 7_004L),
        FakeAmo.event("ev-4", "incoming_call", "lead", 1_001, MANAGER_B, dayAgo, 7_003L),
        FakeAmo.event("ev-3", "incoming_call", "lead", 1_000, ROBOT, dayAgo, 7_002L),
        FakeAmo.event(
            "ev-2",
            "common_note_added",
            "lead",
            1_000,
            MANAGER_A,
            T0.minus(Duration.ofDays(2)),
            7_001L),
        FakeAmo.event(
            "ev-1", "lead_added", "lead", 1_002, ROBOT, T0.minus(Duration.ofDays(3)), null));
  }

  private static ObjectNode completed(ObjectNode task) {
    task.put("is_completed", true);
    task.putObject("result").put("text", "Договорились о встрече в четверг");
    return task;
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
  void notes_missed_calls_completions_and_activity_follow_amocrm_through_sync_and_webhooks() {
    try (App app = app()) {
      AmoConnection connection = app.amo().orElseThrow();
      var dsl = app.database().dsl();
      DealMirror deals = new DealMirror(dsl);
      NoteMirror notes = new NoteMirror(dsl);
      ActivityMirror activity = new ActivityMirror(dsl);
      SyncStateRepository state = new SyncStateRepository(dsl);
      JavalinTest.test(
          app.http(),
          (server, client) -> {
            // 1. The initial sync: every note, and events of every type in one walk.
            assertThat(
                    client
                        .get("/oauth/callback?code=abc&referer=sales.amocrm.ru&from_widget=1")
                        .code())
                .isEqualTo(200);
            assertThat(connection.scheduler().drain()).isEqualTo(1);

            assertThat(notes.notesOf(ACCOUNT, 1_000))
                .extracting(Rows.Note::id, Rows.Note::type, Rows.Note::text, Rows.Note::duration)
                .containsExactly(
                    org.assertj.core.groups.Tuple.tuple(
                        7_001L, "common", "Клиент выбрал другого поставщика", null),
                    org.assertj.core.groups.Tuple.tuple(7_002L, "call_in", null, 0));
            assertThat(notes.notesPerLead(ACCOUNT)).isEqualTo(Map.of(1_000L, 2, 1_001L, 2));
            assertThat(deals.missedCallsPerLead(ACCOUNT))
                .as("the robot's unanswered call, not the answered one nor the outgoing 0 s one")
                .isEqualTo(Map.of(1_000L, 1));
            assertThat(deals.completionTimes(ACCOUNT)).isEqualTo(Map.of(CLOSED_TASK, COMPLETED));
            assertThat(activity.minutesPerUser(ACCOUNT))
                .as("one row per user and minute; the robot's events are nobody's activity")
                .isEqualTo(
                    Map.of(
                        MANAGER_A,
                        List.of(T0.minus(Duration.ofDays(2)), COMPLETED),
                        MANAGER_B,
                        List.of(T0.minus(Duration.ofDays(1)))));
            assertThat(state.historyFrom(ACCOUNT)).contains(T0.minus(Duration.ofDays(30)));
            amo.verify(
                1,
                getRequestedFor(urlPathEqualTo("/api/v4/events"))
                    .withQueryParam("filter[type][]", absent())
                    .withQueryParam(
                        "filter[created_at][from]",
                        equalTo(seconds(T0.minus(Duration.ofDays(30))))));

            // 2. A note webhook: the events name a new note, so the notes changed since the notes
            // cursor are read once, not every note of the deal.
            clock.advance(Duration.ofMinutes(1));
            Instant noted = clock.instant();
            fake.stubLeadById(FakeAmo.lead(1_001, NEW_STAGE, MANAGER_B, noted));
            fake.stubEvents(
                List.of(
                    FakeAmo.event(
                        "ev-8", "common_note_added", "lead", 1_001, MANAGER_B, noted, 7_005L)));
            fake.stubNotesChanged(
                List.of(
                    FakeAmo.note(
                        7_005,
                        1_001,
                        "common",
                        FakeAmo.textParams("Перезвонить в понедельник"),
                        MANAGER_B,
                        noted)));
            String hook = "/hooks/amo/" + hookToken(app);
            assertThat(postForm(client, hook, noteWebhook(7_005, 1_001)).code()).isEqualTo(200);
            assertThat(connection.worker().drain()).isEqualTo(1);

            assertThat(notes.notesOf(ACCOUNT, 1_001))
                .extracting(Rows.Note::id)
                .containsExactly(7_003L, 7_004L, 7_005L);
            amo.verify(
                1,
                getRequestedFor(urlPathEqualTo("/api/v4/leads/notes"))
                    .withQueryParam(
                        "filter[updated_at][from]", equalTo(seconds(T0.minusSeconds(120))))
                    .withQueryParam("filter[entity_id][]", absent()));
            assertThat(activity.minutesOf(ACCOUNT, MANAGER_B, noted, noted.plusSeconds(60)))
                .containsExactly(noted);

            // 3. A webhook whose events add no note reads no notes.
            clock.advance(Duration.ofMinutes(1));
            fake.stubLeadById(FakeAmo.lead(1_002, 1002, MANAGER_A, clock.instant()));
            fake.stubEvents(
                List.of(
                    FakeAmo.statusChanged(
                        "ev-9", 1_002, NEW_STAGE, 1002, MANAGER_A, clock.instant())));
            int notesRead = notesRequests();
            postForm(client, hook, AmoConnectionEndToEndTest.statusWebhook(1_002, NEW_STAGE, 1002));
            assertThat(connection.worker().drain()).isEqualTo(1);
            assertThat(notesRequests()).isEqualTo(notesRead);

            // 4. Reconciliation reads the task again, changed after its completion: the time of
            // the completion event stays.
            clock.advance(Duration.ofMinutes(10));
            fake.stubLeadsChanged(List.of());
            stubTasksChanged(
                completed(FakeAmo.task(CLOSED_TASK, 1_002, MANAGER_A, clock.instant())));
            fake.stubEvents(List.of());
            assertThat(connection.scheduler().drain()).isEqualTo(1);
            assertThat(deals.completionTimes(ACCOUNT)).isEqualTo(Map.of(CLOSED_TASK, COMPLETED));

            // 5. The task opened again loses its completion time, though the old event is seen.
            clock.advance(Duration.ofMinutes(10));
            stubTasksChanged(FakeAmo.task(CLOSED_TASK, 1_002, MANAGER_A, clock.instant()));
            fake.stubEvents(history());
            assertThat(connection.scheduler().drain()).isEqualTo(1);
            assertThat(deals.completionTimes(ACCOUNT)).isEmpty();

            // 6. An account synced before notes were mirrored has no notes cursor: its next
            // reconciliation reads every note.
            dsl.update(ACCOUNTS).setNull(ACCOUNTS.NOTES_CURSOR_AT).execute();
            clock.advance(Duration.ofMinutes(10));
            assertThat(connection.scheduler().drain()).isEqualTo(1);
            amo.verify(
                2,
                getRequestedFor(urlPathEqualTo("/api/v4/leads/notes"))
                    .withQueryParam("filter[updated_at][from]", equalTo("0")));
            assertThat(state.cursors(ACCOUNT).notes()).contains(clock.instant());
          });
    }
  }

  private void stubTasksChanged(ObjectNode task) {
    amo.stubFor(
        get(urlPathEqualTo("/api/v4/tasks"))
            .atPriority(1)
            .withQueryParam("filter[updated_at][from]", matching("\\d+"))
            .willReturn(
                WireMock.aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/hal+json")
                    .withBody(
                        "{\"_page\":1,\"_links\":{},\"_embedded\":{\"tasks\":[" + task + "]}}")));
  }

  private int notesRequests() {
    return amo.findAll(getRequestedFor(urlPathEqualTo("/api/v4/leads/notes"))).size();
  }

  private static String seconds(Instant at) {
    return Long.toString(at.getEpochSecond());
  }

  private static String hookToken(App app) {
    return new AccountRepository(app.database().dsl()).find(ACCOUNT).orElseThrow().hookToken();
  }

  /** amoCRM's flat form of a note webhook: {@code leads[note][0][…]}. */
  private static String noteWebhook(long noteId, long leadId) {
    return "account%5Bsubdomain%5D=sales&account%5Bid%5D="
        + ACCOUNT
        + "&leads%5Bnote%5D%5B0%5D%5Bid%5D="
        + noteId
        + "&leads%5Bnote%5D%5B0%5D%5Belement_id%5D="
        + leadId
        + "&leads%5Bnote%5D%5B0%5D%5Bnote_type%5D=4";
  }

  private static io.javalin.testtools.Response postForm(
      io.javalin.testtools.HttpClient client, String path, String body) {
    return client.request(
        path,
        request ->
            request
                .header("Content-Type", "application/x-www-form-urlencoded")
                .post(HttpRequest.BodyPublishers.ofString(body)));
  }
}
