package app.reglament.sandbox;

import static app.reglament.db.generated.Tables.ACTION_OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;

import app.reglament.App;
import app.reglament.amo.AmoConnection;
import app.reglament.automation.Automation;
import app.reglament.engine.StoredRulesSource;
import app.reglament.outbox.OutboxRepository;
import app.reglament.rules.config.RulesRepository;
import app.reglament.sandbox.live.LiveLoop;
import app.reglament.sandbox.scenario.LiveActivity;
import app.reglament.sandbox.scenario.Scenario;
import app.reglament.sandbox.scenario.ScenarioGenerator;
import app.reglament.sandbox.scenario.ScenarioSettings;
import app.reglament.sandbox.store.Event;
import app.reglament.sandbox.store.EventTypes;
import app.reglament.sandbox.store.FieldValue;
import app.reglament.sandbox.store.Lead;
import app.reglament.sandbox.store.Store;
import app.reglament.testing.SteppedClock;
import app.reglament.testing.TestApps;
import app.reglament.web.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6's live run: the sandbox, rate-limited to amoCRM's 7 requests a second, plays a department
 * at work for ten simulated minutes while Reglament names new leads, hands over the ones nobody
 * answered and sends deals moved without their required fields back. Both clocks are one {@link
 * SteppedClock}, moved in steps of {@link #STEP}; after each step the server's webhook intake,
 * evaluation worker, timers and executor run until they have nothing left, so nothing waits for a
 * background loop.
 */
class SandboxLiveAutomationsTest {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private static final long SEED = 6;

  /** Wednesday 2026-12-02, 11:00 in Moscow: the department is at work. */
  private static final Instant START = Instant.parse("2026-12-02T08:00:00Z");

  private static final Duration LIVE = Duration.ofMinutes(10);
  private static final Duration STEP = Duration.ofSeconds(40);
  private static final int SLA_MINUTES = 3;

  /** 7.5 steps: a handover falls due between two steps, never together with the department. */
  private static final int REASSIGN_AFTER_MINUTES = 5;

  private static final Set<String> CONTACTS =
      Set.of(
          EventTypes.OUTGOING_CALL,
          EventTypes.OUTGOING_CHAT_MESSAGE,
          EventTypes.OUTGOING_MAIL,
          EventTypes.OUTGOING_SMS);

  @TempDir Path dataDir;

  @Test
  void ten_live_minutes_name_every_new_lead_hand_over_every_miss_once_and_keep_stages_complete()
      throws Exception {
    Scenario scenario =
        ScenarioGenerator.generate(
            ScenarioSettings.defaults(SEED, START).withDeals(400).withManagers(4));
    SteppedClock clock = new SteppedClock(START);
    int port = freePort();
    String publicUrl = "http://127.0.0.1:" + port;
    long wallStarted = System.nanoTime();
    try (SandboxApp sandbox =
            SandboxApp.create(
                    SandboxSettings.DEFAULTS
                        .withPort(0)
                        .withRedirectUri(URI.create(publicUrl + "/oauth/callback"))
                        .withRequestsPerSecond(7),
                    clock,
                    scenario)
                .start();
        App server =
            TestApps.withAmo(
                dataDir,
                sandbox.baseUrl(),
                clock,
                Map.of(
                    "REGLAMENT_PORT",
                    Integer.toString(port),
                    "REGLAMENT_PUBLIC_URL",
                    publicUrl,
                    "REGLAMENT_AMO_CLIENT_ID",
                    SandboxSettings.DEFAULT_CLIENT_ID,
                    "REGLAMENT_AMO_CLIENT_SECRET",
                    SandboxSettings.DEFAULT_CLIENT_SECRET,
                    "REGLAMENT_AMO_RPS",
                    "7"))) {
      server.http().start(port);
      long accountId = install(publicUrl);
      long limitedAtInstall = sandbox.stats().rateLimited();
      DSLContext dsl = server.database().dsl();
      AmoConnection amo = server.amo().orElseThrow();
      ObjectNode rules = liveRules(scenario);
      new RulesRepository(dsl, clock).save(accountId, rules, null, null);
      ((StoredRulesSource) server.compliance().rules()).forget(accountId);
      server.compliance().evaluator().forget(accountId);
      server.automations().requiredFields().rulesSaved(accountId);
      assertThat(amo.scheduler().drain()).isEqualTo(1);
      catchUp(sandbox, server, clock);
      long requestsBefore = sandbox.stats().requests();
      long limitedBefore = sandbox.stats().rateLimited();
      System.out.printf(
          "Installed, synced and evaluated in %d ms, %d requests, 429s %d (%d at the installation)%n",
          (System.nanoTime() - wallStarted) / 1_000_000,
          requestsBefore,
          limitedBefore,
          limitedAtInstall);

      Store store = sandbox.store();
      Set<Long> before = ids(store.leads(lead -> true));
      LiveLoop live = new LiveLoop(scenario, SEED, store, clock, new LiveActivity.Pace(4, 0.5));
      Instant liveStart = clock.instant();
      long liveWall = System.nanoTime();
      int steps = (int) (LIVE.toSeconds() / STEP.toSeconds());
      for (int step = 1; step <= steps; step++) {
        clock.stepTo(liveStart.plus(STEP.multipliedBy(step)));
        catchUp(sandbox, server, clock); // handovers fall due before the department acts
        live.tick();
        catchUp(sandbox, server, clock);
      }
      Instant liveEnd = clock.instant();
      long liveMillis = (System.nanoTime() - liveWall) / 1_000_000;

      // 1. Every new lead carries the template's name.
      List<Lead> created =
          store.leads(lead -> !before.contains(lead.id()) && !lead.deleted()).stream().toList();
      List<String> misnamed = new ArrayList<>();
      for (Lead lead : created) {
        String expected = templateName(store, lead);
        if (!expected.equals(lead.name())) {
          misnamed.add(lead.id() + ": «" + lead.name() + "», expected «" + expected + "»");
        }
      }
      int renamed = done(dsl, accountId, Automation.NAMING, "rename:%");

      // 2. Every missed first contact was handed over exactly once, and no other lead was.
      Duration handover = Duration.ofMinutes(REASSIGN_AFTER_MINUTES);
      List<Long> missed = new ArrayList<>();
      for (Lead lead : created) {
        Instant due =
            lead.createdAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plus(handover);
        boolean contacted =
            store.eventsOfLead(lead.id()).stream()
                .anyMatch(e -> CONTACTS.contains(e.type()) && e.createdAt().isBefore(due));
        if (!contacted && !due.isAfter(liveEnd)) {
          missed.add(lead.id());
        }
      }
      Map<Long, Integer> handovers = reassignedLeads(dsl, accountId);
      Map<Long, Integer> responsibleChanges = new HashMap<>();
      for (Lead lead : created) {
        int changes =
            (int)
                store.eventsOfLead(lead.id()).stream()
                    .filter(e -> e.type().equals(EventTypes.RESPONSIBLE_CHANGED))
                    .filter(e -> e.entityType().equals(EventTypes.ENTITY_LEAD))
                    .count();
        if (changes > 0) {
          responsibleChanges.put(lead.id(), changes);
        }
      }

      // 3. In mode revert, no deal moved during the run sits in a stage lacking its fields.
      Map<String, List<Long>> required = requiredByStage(rules);
      List<String> incomplete = new ArrayList<>();
      Set<Long> moved = new HashSet<>();
      for (Event event :
          store.events(
              e ->
                  e.type().equals(EventTypes.LEAD_STATUS_CHANGED)
                      && !e.createdAt().isBefore(liveStart))) {
        moved.add(event.entityId());
      }
      for (long leadId : moved) {
        Lead lead = store.lead(leadId).orElseThrow();
        List<Long> fields = required.get(lead.pipelineId() + ":" + lead.statusId());
        if (fields == null || lead.deleted()) {
          continue;
        }
        Set<Long> filled =
            lead.customFields().stream()
                .filter(
                    f ->
                        f.values().stream()
                            .anyMatch(v -> v.value() != null && !v.value().isBlank()))
                .map(FieldValue::fieldId)
                .collect(Collectors.toSet());
        if (!filled.containsAll(fields)) {
          incomplete.add(leadId + " in " + lead.statusId() + " lacks " + fields);
        }
      }
      int reverts = done(dsl, accountId, Automation.REQUIRED_FIELDS, "stage-move:%:revert");

      // 4. No request the server sent got a 429: not during the run, nor at the installation and
      // the initial sync before it.
      JsonNode stats = stats(sandbox);
      long requests = stats.path("requests").asLong();
      long limited = stats.path("rateLimited").asLong();
      int unsent = unsent(dsl, accountId);

      System.out.printf(
          "Live run: %s simulated in %d ms (%d steps); leads created %d, renamed %d, misnamed"
              + " after the run %d; SLA misses %d, reassignments %d; deals moved %d, reverts %d,"
              + " incomplete %d; requests sent %d (%d during the run), 429s %d; actions not sent"
              + " %d; whole test %d ms%n",
          Duration.between(liveStart, liveEnd),
          liveMillis,
          steps,
          created.size(),
          renamed,
          misnamed.size(),
          missed.size(),
          handovers.size(),
          moved.size(),
          reverts,
          incomplete.size(),
          requests,
          requests - requestsBefore,
          limited,
          unsent,
          (System.nanoTime() - wallStarted) / 1_000_000);

      assertThat(created).as("the live department created leads").isNotEmpty();
      assertThat(misnamed).as("new leads without the template's name").isEmpty();
      assertThat(renamed).as("misnamed leads were renamed").isPositive();
      assertThat(missed).as("some leads were not answered in time").isNotEmpty();
      assertThat(handovers.keySet()).containsExactlyInAnyOrderElementsOf(missed);
      assertThat(handovers.values()).allMatch(n -> n == 1);
      assertThat(responsibleChanges.keySet()).containsExactlyInAnyOrderElementsOf(missed);
      assertThat(responsibleChanges.values()).allMatch(n -> n == 1);
      assertThat(reverts).as("moves without required fields were sent back").isPositive();
      assertThat(incomplete).isEmpty();
      assertThat(limited).as("429s, installation and initial sync included").isZero();
      assertThat(unsent).as("every queued action was sent").isZero();
    }
  }

  /**
   * The department's regulations with naming on, first contact due in {@value #SLA_MINUTES} minutes
   * and handed over after {@value #REASSIGN_AFTER_MINUTES}, required fields in mode revert.
   */
  private static ObjectNode liveRules(Scenario scenario) {
    ObjectNode rules = Json.mapper().valueToTree(scenario.groundTruth().rules());
    ((ObjectNode) rules.path("naming")).put("enabled", true);
    ((ObjectNode) rules.path("firstContact"))
        .put("slaMinutes", SLA_MINUTES)
        .put("reassignAfterMinutes", REASSIGN_AFTER_MINUTES);
    ((ObjectNode) rules.path("requiredFields")).put("mode", "revert");
    return rules;
  }

  /**
   * Runs the server's intake, evaluation, timers and executor until a round finds nothing to do and
   * the sandbox has delivered every webhook (bounded, never a fixed sleep).
   */
  private static void catchUp(SandboxApp sandbox, App server, SteppedClock clock)
      throws InterruptedException {
    AmoConnection amo = server.amo().orElseThrow();
    for (int round = 0; round < 50; round++) {
      assertThat(sandbox.awaitWebhooks(Duration.ofSeconds(30))).isTrue();
      int work = amo.worker().drain();
      work += server.compliance().worker().drain();
      work += server.timerScheduler().runOnce(clock.instant());
      work += server.actionExecutor().orElseThrow().drain();
      if (work == 0) {
        return;
      }
    }
    throw new AssertionError("The server did not catch up in 50 rounds");
  }

  /** amoCRM's flow as a browser follows it: the install link, "Allow", the callback. */
  private static long install(String publicUrl) throws Exception {
    String authorize = location(publicUrl + "/oauth/install");
    String back = location(authorize.replace("/oauth?", "/oauth/allow?"));
    HttpResponse<String> installed =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(back)).build(), HttpResponse.BodyHandlers.ofString());
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

  private static String templateName(Store store, Lead lead) {
    String product = fieldText(store, lead, "Продукт");
    String city = fieldText(store, lead, "Город");
    String contact =
        lead.contactIds().isEmpty()
            ? null
            : store.contact(lead.contactIds().get(0)).map(c -> c.name()).orElse(null);
    List<String> parts = new ArrayList<>();
    for (String part : new String[] {product, contact, city}) {
      if (part != null && !part.isBlank()) {
        parts.add(part.trim());
      }
    }
    return String.join(" / ", parts);
  }

  private static String fieldText(Store store, Lead lead, String name) {
    long fieldId =
        store.leadFields().stream()
            .filter(f -> f.name().equals(name))
            .findFirst()
            .orElseThrow()
            .id();
    return lead.customFields().stream()
        .filter(f -> f.fieldId() == fieldId)
        .flatMap(f -> f.values().stream())
        .map(FieldValue.Value::value)
        .findFirst()
        .orElse(null);
  }

  private static Map<String, List<Long>> requiredByStage(JsonNode rules) {
    Map<String, List<Long>> required = new HashMap<>();
    for (JsonNode stage : rules.path("stages")) {
      List<Long> fields = new ArrayList<>();
      stage.path("requiredFields").forEach(f -> fields.add(f.asLong()));
      if (!fields.isEmpty()) {
        required.put(
            stage.path("pipelineId").asLong() + ":" + stage.path("statusId").asLong(), fields);
      }
    }
    return required;
  }

  /** Actions of one automation, with keys like {@code pattern}, that amoCRM took. */
  private static int done(DSLContext dsl, long accountId, String automation, String pattern) {
    return dsl.fetchCount(
        ACTION_OUTBOX,
        ACTION_OUTBOX
            .ACCOUNT_ID
            .eq(accountId)
            .and(ACTION_OUTBOX.AUTOMATION.eq(automation))
            .and(ACTION_OUTBOX.IDEMPOTENCY_KEY.like(pattern))
            .and(ACTION_OUTBOX.STATE.eq(OutboxRepository.DONE)));
  }

  /** Leads handed over (their "reassign:<lead>:lead" actions sent), with how many times. */
  private static Map<Long, Integer> reassignedLeads(DSLContext dsl, long accountId) {
    Map<Long, Integer> leads = new HashMap<>();
    for (String key :
        dsl.select(ACTION_OUTBOX.IDEMPOTENCY_KEY)
            .from(ACTION_OUTBOX)
            .where(ACTION_OUTBOX.ACCOUNT_ID.eq(accountId))
            .and(ACTION_OUTBOX.IDEMPOTENCY_KEY.like("reassign:%:lead"))
            .and(ACTION_OUTBOX.STATE.eq(OutboxRepository.DONE))
            .fetch(ACTION_OUTBOX.IDEMPOTENCY_KEY)) {
      leads.merge(Long.parseLong(key.split(":")[1]), 1, Integer::sum);
    }
    return leads;
  }

  private static int unsent(DSLContext dsl, long accountId) {
    return dsl.fetchCount(
        ACTION_OUTBOX,
        ACTION_OUTBOX.ACCOUNT_ID.eq(accountId).and(ACTION_OUTBOX.STATE.ne(OutboxRepository.DONE)));
  }

  private static Set<Long> ids(List<Lead> leads) {
    return leads.stream().map(Lead::id).collect(Collectors.toSet());
  }

  private static JsonNode stats(SandboxApp sandbox) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/sandbox/stats")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return Json.mapper().readTree(response.body());
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
