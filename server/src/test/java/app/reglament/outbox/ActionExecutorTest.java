package app.reglament.outbox;

import static app.reglament.db.generated.Tables.ACTION_OUTBOX;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import app.reglament.account.Account;
import app.reglament.account.AccountRepository;
import app.reglament.account.AccountState;
import app.reglament.amo.api.AccountAccess;
import app.reglament.amo.api.AmoAuthorizationException;
import app.reglament.amo.api.AmoClient;
import app.reglament.amo.api.AmoClientSettings;
import app.reglament.amo.api.model.LeadUpdate;
import app.reglament.amo.api.model.NewNote;
import app.reglament.amo.api.model.NewTask;
import app.reglament.testing.DatabaseTest;
import app.reglament.testing.FakeAccountAccess;
import app.reglament.testing.MutableClock;
import app.reglament.testing.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The executor against amoCRM as WireMock plays it: the exact requests a queue turns into, and what
 * becomes of each row after faults and refusals.
 */
class ActionExecutorTest {
  @RegisterExtension
  static WireMockExtension amo =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().extensions(new EchoIds(), Gate.INSTANCE))
          .build();

  private static final long ACCOUNT = 31_000_001L;
  private static final long OTHER_ACCOUNT = 31_000_002L;
  private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
  private static final String LEADS = "/api/v4/leads";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final MutableClock clock = new MutableClock(NOW);

  /** A client that does not retry by itself, so every fault reaches the executor. */
  private AmoClient client() {
    return new AmoClient(
        new FakeAccountAccess(URI.create(amo.baseUrl()), clock),
        AmoClientSettings.defaults()
            .withMaxAttempts(1)
            .withRequestsPerSecond(1_000)
            .withBackoff(Duration.ofMillis(1), Duration.ofMillis(1)));
  }

  private ActionExecutor executor(TestDatabase db) {
    return new ActionExecutor(
        new OutboxRepository(db.dsl()),
        client(),
        new FakeAccountAccess(URI.create(amo.baseUrl()), clock),
        clock,
        ActionExecutor.Settings.DEFAULTS.withMaxAttempts(3));
  }

  private final JooqOutbox outbox = new JooqOutbox(clock);

  private boolean rename(TestDatabase db, long leadId, String name) {
    return outbox.enqueue(
        db.dsl(),
        ACCOUNT,
        "rename:" + leadId + ":" + name,
        new Action.UpdateLead(LeadUpdate.of(leadId).withName(name)),
        new Outbox.Audit(leadId, "naming", "the name did not follow the template"));
  }

  private static void echoLeads() {
    amo.stubFor(
        patch(urlPathEqualTo(LEADS)).willReturn(aResponse().withTransformers(EchoIds.NAME)));
  }

  private static List<JsonNode> bodies(List<LoggedRequest> requests) {
    List<JsonNode> bodies = new ArrayList<>();
    for (LoggedRequest request : requests) {
      try {
        bodies.add(JSON.readTree(request.getBodyAsString()));
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }
    return bodies;
  }

  private static Map<String, Integer> states(TestDatabase db) {
    return db.dsl()
        .select(ACTION_OUTBOX.STATE, org.jooq.impl.DSL.count())
        .from(ACTION_OUTBOX)
        .groupBy(ACTION_OUTBOX.STATE)
        .fetchMap(ACTION_OUTBOX.STATE, org.jooq.impl.DSL.count());
  }

  @DatabaseTest
  void a_hundred_renames_go_out_as_two_patches_of_fifty(TestDatabase db) {
    echoLeads();
    for (int i = 1; i <= 100; i++) {
      assertThat(rename(db, 1000 + i, "Окна / Клиент " + i)).isTrue();
    }

    assertThat(executor(db).drain()).isEqualTo(100);

    List<JsonNode> bodies = bodies(amo.findAll(patchRequestedFor(urlPathEqualTo(LEADS))));
    assertThat(bodies).hasSize(2);
    for (int batch = 0; batch < 2; batch++) {
      ArrayNode expected = JSON.createArrayNode();
      for (int i = batch * 50 + 1; i <= batch * 50 + 50; i++) {
        expected.addObject().put("id", 1000 + i).put("name", "Окна / Клиент " + i);
      }
      assertThat(bodies.get(batch)).isEqualTo(expected);
    }
    assertThat(states(db)).isEqualTo(Map.of("done", 100));
    assertThat(
            db.dsl()
                .select(ACTION_OUTBOX.RESULT)
                .from(ACTION_OUTBOX)
                .where(ACTION_OUTBOX.LEAD_ID.eq(1042L))
                .fetchOne(ACTION_OUTBOX.RESULT))
        .isEqualTo("{\"id\":1042}");
  }

  @DatabaseTest
  void the_same_key_queued_twice_is_sent_once(TestDatabase db) {
    echoLeads();
    assertThat(rename(db, 1001, "Окна / Иван")).isTrue();
    assertThat(rename(db, 1001, "Окна / Иван")).isFalse();

    executor(db).drain();
    assertThat(rename(db, 1001, "Окна / Иван")).as("after it was sent, too").isFalse();
    executor(db).drain();

    List<JsonNode> bodies = bodies(amo.findAll(patchRequestedFor(urlPathEqualTo(LEADS))));
    assertThat(bodies).hasSize(1);
    assertThat(bodies.get(0)).hasSize(1);
  }

  @DatabaseTest
  void two_changes_of_one_deal_are_never_in_one_batch_and_keep_their_order(TestDatabase db) {
    echoLeads();
    rename(db, 1001, "Первое имя");
    rename(db, 1002, "Другая сделка");
    rename(db, 1001, "Второе имя");

    executor(db).drain();

    List<JsonNode> bodies = bodies(amo.findAll(patchRequestedFor(urlPathEqualTo(LEADS))));
    assertThat(bodies).hasSize(2);
    assertThat(bodies.get(0).toString()).contains("Первое имя").contains("Другая сделка");
    assertThat(bodies.get(1).toString()).contains("Второе имя").doesNotContain("Первое");
  }

  @DatabaseTest
  void a_change_held_back_for_its_deal_does_not_stop_other_accounts(TestDatabase db) {
    amo.stubFor(
        patch(urlPathEqualTo(LEADS))
            .inScenario("backoff")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(503))
            .willSetStateTo("ok"));
    amo.stubFor(
        patch(urlPathEqualTo(LEADS))
            .inScenario("backoff")
            .whenScenarioStateIs("ok")
            .willReturn(aResponse().withTransformers(EchoIds.NAME)));
    ActionExecutor executor = executor(db);
    rename(db, 1001, "Первое имя");
    executor.drain();
    // The first rename backs off; the second waits for it, due but held back.
    rename(db, 1001, "Второе имя");
    clock.advance(Duration.ofSeconds(1));
    outbox.enqueue(
        db.dsl(),
        OTHER_ACCOUNT,
        "rename:2001",
        new Action.UpdateLead(LeadUpdate.of(2001).withName("Другой аккаунт")),
        new Outbox.Audit(2001L, "naming", "the name did not follow the template"));

    assertThat(executor.drain()).isEqualTo(1);
    List<JsonNode> bodies = bodies(amo.findAll(patchRequestedFor(urlPathEqualTo(LEADS))));
    assertThat(bodies).hasSize(2);
    assertThat(bodies.get(1).toString()).contains("Другой аккаунт");
    assertThat(new OutboxRepository(db.dsl()).unfinishedCounts(ACCOUNT))
        .isEqualTo(Map.of("queued", 2));

    clock.advance(executor.backoff(0));
    assertThat(executor.drain()).isEqualTo(2);
    bodies = bodies(amo.findAll(patchRequestedFor(urlPathEqualTo(LEADS))));
    assertThat(bodies).hasSize(4);
    assertThat(bodies.get(2).toString()).contains("Первое имя");
    assertThat(bodies.get(3).toString()).contains("Второе имя");
    assertThat(states(db)).isEqualTo(Map.of("done", 3));
  }

  @DatabaseTest
  void a_5xx_and_then_a_429_bring_the_row_back_later_and_it_is_sent_once(TestDatabase db) {
    amo.stubFor(
        patch(urlPathEqualTo(LEADS))
            .inScenario("faults")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(503))
            .willSetStateTo("429"));
    amo.stubFor(
        patch(urlPathEqualTo(LEADS))
            .inScenario("faults")
            .whenScenarioStateIs("429")
            .willReturn(aResponse().withStatus(429))
            .willSetStateTo("ok"));
    amo.stubFor(
        patch(urlPathEqualTo(LEADS))
            .inScenario("faults")
            .whenScenarioStateIs("ok")
            .willReturn(aResponse().withTransformers(EchoIds.NAME)));
    rename(db, 1001, "Окна / Иван");
    ActionExecutor executor = executor(db);

    executor.drain();
    assertThat(states(db)).isEqualTo(Map.of("queued", 1));
    executor.drain();
    assertThat(amo.findAll(patchRequestedFor(urlPathEqualTo(LEADS)))).as("not due yet").hasSize(1);

    clock.advance(executor.backoff(0));
    executor.drain();
    assertThat(states(db)).isEqualTo(Map.of("queued", 1));
    clock.advance(executor.backoff(1));
    executor.drain();
    clock.advance(Duration.ofHours(2));
    executor.drain();

    assertThat(amo.findAll(patchRequestedFor(urlPathEqualTo(LEADS)))).hasSize(3);
    var row = db.dsl().selectFrom(ACTION_OUTBOX).fetchSingle();
    assertThat(row.getState()).isEqualTo("done");
    assertThat(row.getAttempts()).isEqualTo(3);
  }

  @DatabaseTest
  void a_row_that_keeps_failing_is_parked_after_its_last_attempt(TestDatabase db) {
    amo.stubFor(patch(urlPathEqualTo(LEADS)).willReturn(aResponse().withStatus(502)));
    rename(db, 1001, "Окна / Иван");
    ActionExecutor executor = executor(db);

    for (int i = 0; i < 5; i++) {
      executor.drain();
      clock.advance(Duration.ofHours(2));
    }

    assertThat(amo.findAll(patchRequestedFor(urlPathEqualTo(LEADS)))).hasSize(3);
    var row = db.dsl().selectFrom(ACTION_OUTBOX).fetchSingle();
    assertThat(row.getState()).isEqualTo("parked");
    assertThat(row.getLastError()).contains("HTTP 502");
  }

  @DatabaseTest
  void a_refusal_of_one_rename_fails_only_that_rename(TestDatabase db) {
    amo.stubFor(
        patch(urlPathEqualTo(LEADS))
            .inScenario("refusal")
            .whenScenarioStateIs(STARTED)
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/problem+json")
                    .withBody(
                        "{\"validation-errors\":[{\"request_id\":\"1\",\"errors\":[{\"code\":"
                            + "\"InvalidType\",\"path\":\"name\",\"detail\":\"The name is too"
                            + " long\"}]}],\"title\":\"Bad Request\",\"type\":"
                            + "\"https://httpstatus.es/400\",\"status\":400,\"detail\":\"Request"
                            + " validation failed\"}"))
            .willSetStateTo("fixed"));
    amo.stubFor(
        patch(urlPathEqualTo(LEADS))
            .inScenario("refusal")
            .whenScenarioStateIs("fixed")
            .willReturn(aResponse().withTransformers(EchoIds.NAME)));
    rename(db, 1001, "Окна / Иван");
    rename(db, 1002, "x".repeat(300));
    rename(db, 1003, "Двери / Пётр");

    executor(db).drain();

    List<JsonNode> bodies = bodies(amo.findAll(patchRequestedFor(urlPathEqualTo(LEADS))));
    assertThat(bodies).hasSize(2);
    assertThat(bodies.get(1))
        .isEqualTo(
            JSON.createArrayNode()
                .add(JSON.createObjectNode().put("id", 1001).put("name", "Окна / Иван"))
                .add(JSON.createObjectNode().put("id", 1003).put("name", "Двери / Пётр")));
    Map<Long, String> stateOf = new HashMap<>();
    db.dsl()
        .selectFrom(ACTION_OUTBOX)
        .fetch()
        .forEach(r -> stateOf.put(r.getLeadId(), r.getState()));
    assertThat(stateOf).isEqualTo(Map.of(1001L, "done", 1002L, "failed", 1003L, "done"));
    assertThat(
            db.dsl()
                .select(ACTION_OUTBOX.LAST_ERROR)
                .from(ACTION_OUTBOX)
                .where(ACTION_OUTBOX.LEAD_ID.eq(1002L))
                .fetchOne(ACTION_OUTBOX.LAST_ERROR))
        .contains("(id 1002) name: InvalidType (The name is too long)");
  }

  @DatabaseTest
  void a_refusal_that_names_no_item_is_resolved_one_by_one(TestDatabase db) {
    amo.stubFor(
        post(urlPathEqualTo("/api/v4/tasks"))
            .atPriority(1)
            .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("Плохая"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/problem+json")
                    .withBody(
                        "{\"title\":\"Bad Request\",\"status\":400,\"detail\":\"Task type is"
                            + " unknown\"}")));
    amo.stubFor(
        post(urlPathEqualTo("/api/v4/tasks"))
            .atPriority(2)
            .willReturn(aResponse().withTransformers(EchoIds.NAME)));
    for (String text : List.of("Позвонить", "Плохая задача", "Написать")) {
      outbox.enqueue(
          db.dsl(),
          ACCOUNT,
          "task:" + text,
          new Action.CreateTask(NewTask.forLead(1001, text, NOW.plusSeconds(3600))),
          new Outbox.Audit(null, "first_contact", "a new deal"));
    }

    executor(db).drain();

    // The batch of three, then each alone.
    assertThat(amo.findAll(postRequestedFor(urlPathEqualTo("/api/v4/tasks")))).hasSize(4);
    Map<String, String> stateOf = new HashMap<>();
    db.dsl()
        .selectFrom(ACTION_OUTBOX)
        .fetch()
        .forEach(r -> stateOf.put(r.getIdempotencyKey(), r.getState()));
    assertThat(stateOf)
        .isEqualTo(
            Map.of(
                "task:Позвонить", "done", "task:Плохая задача", "failed", "task:Написать", "done"));
  }

  @DatabaseTest
  void a_create_amoCRM_answered_strangely_is_parked_not_repeated(TestDatabase db) {
    amo.stubFor(
        post(urlPathEqualTo("/api/v4/tasks"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/hal+json")
                    .withBody("{\"_embedded\":{\"tasks\":[]}}")));
    outbox.enqueue(
        db.dsl(),
        ACCOUNT,
        "task:1001",
        new Action.CreateTask(NewTask.forLead(1001, "Связаться с клиентом", NOW.plusSeconds(900))),
        new Outbox.Audit(null, "first_contact", "a new deal"));
    ActionExecutor executor = executor(db);

    executor.drain();
    clock.advance(Duration.ofHours(2));
    executor.drain();

    assertThat(amo.findAll(postRequestedFor(urlPathEqualTo("/api/v4/tasks")))).hasSize(1);
    var row = db.dsl().selectFrom(ACTION_OUTBOX).fetchSingle();
    assertThat(row.getState()).isEqualTo("parked");
    assertThat(row.getLastError()).contains("amoCRM may have made it");
  }

  @DatabaseTest
  void notes_and_required_stages_are_sent_to_their_endpoints(TestDatabase db) {
    amo.stubFor(
        post(urlPathEqualTo("/api/v4/leads/notes"))
            .willReturn(aResponse().withTransformers(EchoIds.NAME)));
    amo.stubFor(
        patch(urlPathEqualTo("/api/v4/leads/custom_fields"))
            .willReturn(aResponse().withTransformers(EchoIds.NAME)));
    outbox.enqueue(
        db.dsl(),
        ACCOUNT,
        "note:1001",
        new Action.AddNote(NewNote.common(1001, "Reglament вернул сделку: не заполнен город")),
        new Outbox.Audit(null, "required_fields", "moved without the city"));
    outbox.enqueue(
        db.dsl(),
        ACCOUNT,
        "required:55",
        new Action.SetRequiredStatuses(55, List.of(new Action.RequiredStatus(7, 1002))),
        new Outbox.Audit(null, "required_fields", "the regulations were saved"));

    executor(db).drain();

    assertThat(bodies(amo.findAll(postRequestedFor(urlPathEqualTo("/api/v4/leads/notes")))).get(0))
        .isEqualTo(
            json(
                "[{\"entity_id\":1001,\"note_type\":\"common\",\"params\":{\"text\":"
                    + "\"Reglament вернул сделку: не заполнен город\"}}]"));
    assertThat(
            bodies(amo.findAll(patchRequestedFor(urlPathEqualTo("/api/v4/leads/custom_fields"))))
                .get(0))
        .isEqualTo(
            json("[{\"id\":55,\"required_statuses\":[{\"status_id\":1002,\"pipeline_id\":7}]}]"));
    assertThat(states(db)).isEqualTo(Map.of("done", 2));
    assertThat(
            db.dsl()
                .select(ACTION_OUTBOX.RESULT)
                .from(ACTION_OUTBOX)
                .where(ACTION_OUTBOX.IDEMPOTENCY_KEY.eq("note:1001"))
                .fetchOne(ACTION_OUTBOX.RESULT))
        .matches("\\{\"id\":7000\\d{4}\\}");
  }

  @DatabaseTest
  void a_paused_account_keeps_its_rows_without_spending_attempts(TestDatabase db) {
    echoLeads();
    rename(db, 1001, "Окна / Иван");
    var access = new FakeAccountAccess(URI.create(amo.baseUrl()), clock);
    access.pause(ACCOUNT, Duration.ofMinutes(15), "blocked");
    var executor =
        new ActionExecutor(
            new OutboxRepository(db.dsl()),
            client(),
            access,
            clock,
            ActionExecutor.Settings.DEFAULTS);

    executor.drain();
    assertThat(amo.findAll(patchRequestedFor(urlPathEqualTo(LEADS)))).isEmpty();
    var row = db.dsl().selectFrom(ACTION_OUTBOX).fetchSingle();
    assertThat(row.getState()).isEqualTo("queued");
    assertThat(row.getAttempts()).isZero();

    clock.advance(Duration.ofMinutes(16));
    executor.drain();
    assertThat(amo.findAll(patchRequestedFor(urlPathEqualTo(LEADS)))).hasSize(1);
  }

  @DatabaseTest
  void actions_of_an_account_that_needs_reauthorization_wait_for_it_to_be_installed_again(
      TestDatabase db) {
    echoLeads();
    amo.stubFor(
        post(urlPathEqualTo("/api/v4/tasks"))
            .willReturn(aResponse().withTransformers(EchoIds.NAME)));
    AccountRepository accounts = new AccountRepository(db.dsl());
    accounts.install(ACCOUNT, "okna.amocrm.ru", NOW);
    accounts.changeState(ACCOUNT, AccountState.NEEDS_REAUTH, "invalid_grant", NOW);
    outbox.enqueue(
        db.dsl(),
        ACCOUNT,
        "task:1001",
        new Action.CreateTask(NewTask.forLead(1001, "Связаться с клиентом", NOW.plusSeconds(900))),
        new Outbox.Audit(1001L, "first_contact", "a new deal"));
    rename(db, 1002, "Окна / Пётр");
    ActionExecutor executor = executor(db, new InstalledAccess(accounts));

    executor.drain();
    clock.advance(Duration.ofHours(3));
    executor.drain();

    assertThat(amo.getAllServeEvents()).isEmpty();
    for (var row : db.dsl().selectFrom(ACTION_OUTBOX).fetch()) {
      assertThat(row.getState()).isEqualTo("queued");
      assertThat(row.getAttempts()).isZero();
      assertThat(row.getLastError()).contains("re-authorized");
    }

    accounts.install(ACCOUNT, "okna.amocrm.ru", clock.instant());
    clock.advance(Duration.ofMinutes(1));
    assertThat(executor.drain()).isEqualTo(2);

    assertThat(amo.findAll(postRequestedFor(urlPathEqualTo("/api/v4/tasks")))).hasSize(1);
    assertThat(amo.findAll(patchRequestedFor(urlPathEqualTo(LEADS)))).hasSize(1);
    assertThat(states(db)).isEqualTo(Map.of("done", 2));
  }

  @DatabaseTest
  void actions_of_an_uninstalled_account_are_parked(TestDatabase db) {
    AccountRepository accounts = new AccountRepository(db.dsl());
    accounts.install(ACCOUNT, "okna.amocrm.ru", NOW);
    accounts.changeState(ACCOUNT, AccountState.INACTIVE, "uninstalled", NOW);
    rename(db, 1002, "Окна / Пётр");

    executor(db, new InstalledAccess(accounts)).drain();

    assertThat(amo.getAllServeEvents()).isEmpty();
    var row = db.dsl().selectFrom(ACTION_OUTBOX).fetchSingle();
    assertThat(row.getState()).isEqualTo("parked");
    assertThat(row.getLastError()).contains("AmoAuthorizationException");
  }

  private ActionExecutor executor(TestDatabase db, AccountAccess access) {
    return new ActionExecutor(
        new OutboxRepository(db.dsl()),
        new AmoClient(
            access,
            AmoClientSettings.defaults()
                .withMaxAttempts(1)
                .withRequestsPerSecond(1_000)
                .withBackoff(Duration.ofMillis(1), Duration.ofMillis(1))),
        access,
        clock,
        ActionExecutor.Settings.DEFAULTS.withMaxAttempts(3));
  }

  /** Tokens as the OAuth layer hands them out: only to an account that is active. */
  private final class InstalledAccess implements AccountAccess {
    private final AccountRepository accounts;
    private final FakeAccountAccess fake = new FakeAccountAccess(URI.create(amo.baseUrl()), clock);

    InstalledAccess(AccountRepository accounts) {
      this.accounts = accounts;
    }

    @Override
    public URI baseUrl(long accountId) {
      return fake.baseUrl(accountId);
    }

    @Override
    public String accessToken(long accountId) {
      AccountState state =
          accounts
              .find(accountId)
              .map(Account::state)
              .orElseThrow(() -> new AmoAuthorizationException(accountId, "No such account"));
      if (state != AccountState.ACTIVE) {
        throw new AmoAuthorizationException(accountId, "The account is " + state.code());
      }
      return fake.accessToken(accountId);
    }

    @Override
    public String renewAfterRejection(long accountId, String rejectedToken) {
      return fake.renewAfterRejection(accountId, rejectedToken);
    }

    @Override
    public void pause(long accountId, Duration duration, String reason) {
      fake.pause(accountId, duration, reason);
    }

    @Override
    public Optional<Instant> pausedUntil(long accountId) {
      return fake.pausedUntil(accountId);
    }
  }

  @DatabaseTest
  void two_executors_on_one_database_send_each_row_exactly_once(TestDatabase db) throws Exception {
    echoLeads();
    int rows = 600;
    for (int i = 1; i <= rows; i++) {
      rename(db, 100_000 + i, "Сделка " + i);
    }
    ActionExecutor first = executor(db);
    ActionExecutor second = executor(db);
    CountDownLatch start = new CountDownLatch(1);
    var a =
        CompletableFuture.supplyAsync(
            () -> {
              await(start);
              return first.drain();
            });
    var b =
        CompletableFuture.supplyAsync(
            () -> {
              await(start);
              return second.drain();
            });
    start.countDown();
    int handled = a.get(60, TimeUnit.SECONDS) + b.get(60, TimeUnit.SECONDS);

    assertThat(handled).isEqualTo(rows);
    Map<Long, Integer> sent = new HashMap<>();
    for (JsonNode body : bodies(amo.findAll(patchRequestedFor(urlPathEqualTo(LEADS))))) {
      assertThat(body.size()).isLessThanOrEqualTo(50);
      body.forEach(lead -> sent.merge(lead.get("id").asLong(), 1, Integer::sum));
    }
    assertThat(sent).hasSize(rows);
    assertThat(sent.values()).containsOnly(1);
    assertThat(states(db)).isEqualTo(Map.of("done", rows));
  }

  @DatabaseTest
  void a_create_whose_executor_stopped_while_sending_it_is_parked_not_sent_again(TestDatabase db)
      throws Exception {
    amo.stubFor(
        post(urlPathEqualTo("/api/v4/tasks"))
            .willReturn(aResponse().withTransformers(Gate.NAME, EchoIds.NAME)));
    outbox.enqueue(
        db.dsl(),
        ACCOUNT,
        "task:1001",
        new Action.CreateTask(NewTask.forLead(1001, "Связаться с клиентом", NOW.plusSeconds(900))),
        new Outbox.Audit(1001L, "first_contact", "a new deal"));
    Gate.INSTANCE.close();
    ActionExecutor lost = executor(db);
    var sending = CompletableFuture.supplyAsync(lost::runOnce);
    try {
      assertThat(Gate.INSTANCE.arrived().await(10, TimeUnit.SECONDS)).isTrue();
      // amoCRM has the request and makes the task; its executor is never heard of again.
      clock.advance(ActionExecutor.Settings.DEFAULTS.lease().plusMinutes(1));
      executor(db).drain();
    } finally {
      Gate.INSTANCE.open();
    }
    sending.get(30, TimeUnit.SECONDS);

    assertThat(amo.findAll(postRequestedFor(urlPathEqualTo("/api/v4/tasks")))).hasSize(1);
    List<AuditEntry> audit = new OutboxRepository(db.dsl()).audit(ACCOUNT, 1001L, null, 10);
    assertThat(audit).hasSize(1);
    assertThat(audit.get(0).state()).isEqualTo("parked");
    assertThat(audit.get(0).attempts()).isEqualTo(1);
    assertThat(audit.get(0).error()).contains("may have created it").contains("not re-sent");
  }

  @DatabaseTest
  void an_update_whose_executor_stopped_while_sending_it_is_sent_again(TestDatabase db)
      throws Exception {
    amo.stubFor(
        patch(urlPathEqualTo(LEADS))
            .willReturn(aResponse().withTransformers(Gate.NAME, EchoIds.NAME)));
    rename(db, 1001, "Окна / Иван");
    Gate.INSTANCE.close();
    ActionExecutor lost = executor(db);
    var sending = CompletableFuture.supplyAsync(lost::runOnce);
    try {
      assertThat(Gate.INSTANCE.arrived().await(10, TimeUnit.SECONDS)).isTrue();
      clock.advance(ActionExecutor.Settings.DEFAULTS.lease().plusMinutes(1));
      assertThat(executor(db).drain()).isEqualTo(1);
    } finally {
      Gate.INSTANCE.open();
    }
    sending.get(30, TimeUnit.SECONDS);

    assertThat(amo.findAll(patchRequestedFor(urlPathEqualTo(LEADS)))).hasSize(2);
    assertThat(states(db)).isEqualTo(Map.of("done", 1));
  }

  /**
   * Holds the first request after {@link #close()} until {@link #open()}, as an executor that
   * stopped mid-request would leave it; later requests pass.
   */
  static final class Gate implements ResponseDefinitionTransformerV2 {
    static final String NAME = "gate";
    static final Gate INSTANCE = new Gate();
    private volatile CountDownLatch arrived = new CountDownLatch(0);
    private volatile CountDownLatch open = new CountDownLatch(0);

    void close() {
      open = new CountDownLatch(1);
      arrived = new CountDownLatch(1);
    }

    void open() {
      open.countDown();
    }

    CountDownLatch arrived() {
      return arrived;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
      CountDownLatch first = arrived;
      if (first.getCount() > 0) {
        first.countDown();
        try {
          open.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return serveEvent.getResponseDefinition();
    }

    @Override
    public boolean applyGlobally() {
      return false;
    }

    @Override
    public String getName() {
      return NAME;
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
