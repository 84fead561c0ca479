package app.reglament.automation;

import static app.reglament.testing.FakeAmo.ACCOUNT;
import static app.reglament.testing.FakeAmo.MANAGER_A;
import static app.reglament.testing.FakeAmo.MANAGER_B;
import static app.reglament.testing.FakeAmo.NEW_STAGE;
import static app.reglament.testing.FakeAmo.PIPELINE;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import app.reglament.App;
import app.reglament.account.AccountRepository;
import app.reglament.amo.AmoConnection;
import app.reglament.outbox.EchoIds;
import app.reglament.rules.config.RulesConfig;
import app.reglament.rules.config.RulesDocument;
import app.reglament.testing.FakeAmo;
import app.reglament.testing.MutableClock;
import app.reglament.testing.TestApps;
import app.reglament.timers.TimerRepository;
import app.reglament.widgetapi.WidgetTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The automations on the real server, with amoCRM played by WireMock: a webhook is re-read into the
 * mirror, the engine re-evaluates the deal, the automations queue their actions in the real outbox,
 * timers fire through the scheduler, and the executor sends. Every test asserts the exact writes
 * amoCRM received. The background loops are not started; each step drives them once.
 */
class AutomationsEndToEndTest {
  /** Monday 2026-11-30, 10:00 in Moscow: working time. */
  private static final Instant T0 = Instant.parse("2026-11-30T07:00:00Z");

  private static final long HEAD = 500;
  private static final long STAGE_WITH_CITY = 1002;
  private static final long CITY = 55;
  private static final long LOST = 143;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Set<String> WRITES =
      Set.of("/api/v4/leads", "/api/v4/tasks", "/api/v4/leads/notes");

  @TempDir Path dataDir;
  private final WireMockServer amo =
      new WireMockServer(options().dynamicPort().extensions(new EchoIds()));
  private final FakeAmo fake = new FakeAmo(amo);
  private final MutableClock clock = new MutableClock(T0);
  private App app;
  private AmoConnection connection;

  @BeforeEach
  void install() throws Exception {
    amo.start();
    fake.stubAccount();
    fake.stubLeadPages(List.of(), 250);
    fake.stubTaskPages(List.of(), 250);
    fake.stubEvents(List.of());
    for (String path : WRITES) {
      amo.stubFor(
          patch(urlPathEqualTo(path)).willReturn(aResponse().withTransformers(EchoIds.NAME)));
      amo.stubFor(
          post(urlPathEqualTo(path)).willReturn(aResponse().withTransformers(EchoIds.NAME)));
    }
    Path template = dataDir.resolve("rules.json");
    Files.writeString(template, RulesDocument.toJson(rules()), StandardCharsets.UTF_8);
    app =
        TestApps.withAmo(
            dataDir.resolve("data"),
            amo.baseUrl(),
            clock,
            Map.of(
                "REGLAMENT_PUBLIC_URL",
                WidgetTokens.AUDIENCE + "/reglament",
                "REGLAMENT_AMO_CLIENT_ID",
                WidgetTokens.CLIENT_ID,
                "REGLAMENT_AMO_CLIENT_SECRET",
                WidgetTokens.SECRET,
                "REGLAMENT_RULES_TEMPLATE",
                template.toString()));
    app.http().start(0);
    connection = app.amo().orElseThrow();
    HttpResponse<String> installed =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(
                        server("/oauth/callback?code=abc&referer=sales.amocrm.ru&from_widget=1")))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(installed.statusCode()).as(installed.body()).isEqualTo(200);
    assertThat(connection.scheduler().drain()).isEqualTo(1);
    settle();
    amo.resetRequests();
  }

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
    amo.stop();
  }

  /**
   * Naming «Заявка {id} / {field:Город}», first contact in 15 minutes with reassignment after 30
   * between Павел and Анна, «Переговоры» requiring «Город» in mode revert, junk task results
   * reopened, lost deals reviewed by Ирина.
   */
  private static RulesConfig rules() {
    RulesConfig d = RulesConfig.defaults();
    return new RulesConfig(
        d.timezone(),
        d.workingHours(),
        List.of(),
        List.of(HEAD),
        List.of(MANAGER_A, MANAGER_B),
        new RulesConfig.Naming(true, "Заявка {id} / {field:Город}", true, true, null),
        new RulesConfig.FirstContact(15, true, "Связаться с клиентом", 1, 30, null, null),
        List.of(new RulesConfig.Stage(PIPELINE, STAGE_WITH_CITY, List.of(CITY), null)),
        new RulesConfig.RequiredFields("revert", false),
        new RulesConfig.TaskResults(10, d.taskResults().placeholders(), "reopen"),
        new RulesConfig.LostDeals(true, "Проверить сделку", false, 0),
        d.communications(),
        d.worktime(),
        d.score());
  }

  @Test
  void a_new_lead_is_renamed_once_and_the_echo_of_the_rename_sends_nothing() throws Exception {
    ObjectNode lead = newLead(2001, clock.instant());
    fake.stubLeadById(lead);
    webhook(leadEntry("add", lead));
    settle();

    assertThat(writes("PATCH", "/api/v4/leads"))
        .containsExactly(json("[{\"id\":2001,\"name\":\"Заявка 2001 / Казань\"}]"));

    // amoCRM's webhook of our own rename: the re-read shows the new name.
    clock.advance(Duration.ofSeconds(20));
    lead.put("name", "Заявка 2001 / Казань").put("updated_at", clock.instant().getEpochSecond());
    fake.stubLeadById(lead);
    amo.resetRequests();
    webhook(leadEntry("update", lead));
    settle();

    assertThat(writes()).isEmpty();
  }

  @Test
  void a_hundred_new_leads_are_renamed_in_two_requests_of_fifty() throws Exception {
    List<ObjectNode> leads = new ArrayList<>();
    Map<String, String> form = new LinkedHashMap<>();
    for (int i = 0; i < 100; i++) {
      ObjectNode lead = newLead(5000 + i, clock.instant());
      leads.add(lead);
      form.put("leads[add][" + i + "][id]", lead.path("id").asText());
      form.put("leads[add][" + i + "][status_id]", Long.toString(NEW_STAGE));
      form.put("leads[add][" + i + "][pipeline_id]", Long.toString(PIPELINE));
    }
    amo.stubFor(
        get(urlPathEqualTo("/api/v4/leads"))
            .atPriority(1)
            .withQueryParam("filter[id][]", matching("\\d+"))
            .willReturn(page("leads", leads)));
    webhook(form);
    settle();

    List<JsonNode> renames = writes("PATCH", "/api/v4/leads");
    assertThat(renames).hasSizeLessThanOrEqualTo(2);
    Map<Long, String> names = new LinkedHashMap<>();
    for (JsonNode body : renames) {
      assertThat(body.size()).isLessThanOrEqualTo(50);
      body.forEach(u -> names.put(u.path("id").asLong(), u.path("name").asText()));
    }
    assertThat(names).hasSize(100).containsEntry(5042L, "Заявка 5042 / Казань");
    System.out.printf("100 new leads renamed in %d PATCH requests%n", renames.size());
  }

  @Test
  void a_missed_first_contact_is_reassigned_once() throws Exception {
    ObjectNode lead = newLead(2001, T0);
    fake.stubLeadById(lead);
    webhook(leadEntry("add", lead));
    settle();

    assertThat(writes("POST", "/api/v4/tasks"))
        .containsExactly(
            json(
                "[{\"text\":\"Связаться с клиентом\",\"complete_till\":"
                    + T0.plus(Duration.ofMinutes(15)).getEpochSecond()
                    + ",\"task_type_id\":1,\"responsible_user_id\":"
                    + MANAGER_A
                    + ",\"entity_id\":2001,\"entity_type\":\"leads\"}]"));
    long taskId = EchoIds.FIRST_NEW_ID;
    // amoCRM's webhook of the task we set: the mirror learns its id.
    ObjectNode task = FakeAmo.task(taskId, 2001, MANAGER_A, clock.instant());
    stubTaskById(task);
    webhook(taskEntry("add", taskId, 2001));
    settle();
    amo.resetRequests();

    clock.set(T0.plus(Duration.ofMinutes(29)));
    settle();
    assertThat(writes()).as("not yet: 30 minutes of working time").isEmpty();

    clock.set(T0.plus(Duration.ofMinutes(31)));
    settle();
    settle();

    assertThat(writes("PATCH", "/api/v4/leads"))
        .containsExactly(json("[{\"id\":2001,\"responsible_user_id\":" + MANAGER_B + "}]"));
    // The task goes with the lead, due 15 minutes from the handover.
    assertThat(writes("PATCH", "/api/v4/tasks"))
        .containsExactly(
            json(
                "[{\"id\":"
                    + taskId
                    + ",\"complete_till\":"
                    + T0.plus(Duration.ofMinutes(31 + 15)).getEpochSecond()
                    + ",\"responsible_user_id\":"
                    + MANAGER_B
                    + "}]"));
    List<JsonNode> notes = writes("POST", "/api/v4/leads/notes");
    assertThat(notes).hasSize(1);
    assertThat(notes.get(0).get(0).path("entity_id").asLong()).isEqualTo(2001);
    assertThat(notes.get(0).get(0).path("note_type").asText()).isEqualTo("common");
    List<JsonNode> tasks = writes("POST", "/api/v4/tasks");
    assertThat(tasks).hasSize(1);
    assertThat(tasks.get(0)).hasSize(1);
    assertThat(tasks.get(0).get(0).path("responsible_user_id").asLong()).isEqualTo(HEAD);
    assertThat(tasks.get(0).get(0).path("entity_id").asLong()).isEqualTo(2001);
    assertThat(writes()).hasSize(4);

    // The echo of the reassignment and any later pass send nothing more.
    amo.resetRequests();
    lead.put("responsible_user_id", MANAGER_B).put("updated_at", clock.instant().getEpochSecond());
    fake.stubLeadById(lead);
    webhook(leadEntry("update", lead));
    clock.advance(Duration.ofHours(2));
    settle();
    assertThat(writes()).isEmpty();
  }

  @Test
  void a_contact_before_the_deadline_leaves_the_lead_where_it_is() throws Exception {
    ObjectNode lead = newLead(2001, T0);
    fake.stubLeadById(lead);
    webhook(leadEntry("add", lead));
    settle();

    clock.set(T0.plus(Duration.ofMinutes(5)));
    fake.stubEvents(List.of(FakeAmo.outgoingCall("ev-call", 2001, MANAGER_A, clock.instant())));
    lead.put("updated_at", clock.instant().getEpochSecond());
    fake.stubLeadById(lead);
    webhook(leadEntry("update", lead));
    settle();
    amo.resetRequests();

    assertThat(
            new TimerRepository(app.database().dsl(), clock)
                .state(ACCOUNT, FirstContact.TIMER_KIND, "2001"))
        .isEqualTo("cancelled");
    clock.set(T0.plus(Duration.ofHours(3)));
    settle();

    assertThat(writes()).isEmpty();
  }

  @Test
  void a_move_into_a_stage_without_its_required_field_is_reverted() throws Exception {
    ObjectNode lead = oldLead(3001, NEW_STAGE);
    lead.remove("custom_fields_values");
    fake.stubLeadById(lead);
    webhook(leadEntry("update", lead));
    settle();
    amo.resetRequests();

    clock.advance(Duration.ofMinutes(1));
    lead.put("status_id", STAGE_WITH_CITY).put("updated_at", clock.instant().getEpochSecond());
    fake.stubLeadById(lead);
    fake.stubEvents(
        List.of(
            FakeAmo.statusChanged(
                "ev-move", 3001, NEW_STAGE, STAGE_WITH_CITY, MANAGER_A, clock.instant())));
    webhook(statusEntry(3001, NEW_STAGE, STAGE_WITH_CITY));
    settle();

    assertThat(writes("PATCH", "/api/v4/leads"))
        .containsExactly(
            json(
                "[{\"id\":3001,\"status_id\":"
                    + NEW_STAGE
                    + ",\"pipeline_id\":"
                    + PIPELINE
                    + "}]"));
    List<JsonNode> notes = writes("POST", "/api/v4/leads/notes");
    assertThat(notes).hasSize(1);
    assertThat(notes.get(0).get(0).path("entity_id").asLong()).isEqualTo(3001);
    assertThat(notes.get(0).get(0).path("params").path("text").asText()).contains("Город");
    assertThat(writes()).hasSize(2);
  }

  @Test
  void a_task_closed_with_a_junk_result_is_reopened() throws Exception {
    ObjectNode lead = oldLead(3001, NEW_STAGE);
    fake.stubLeadById(lead);
    ObjectNode task = FakeAmo.task(80_001, 3001, MANAGER_A, T0.minusSeconds(600));
    stubTaskById(task);
    webhook(leadEntry("update", lead));
    settle();
    amo.resetRequests();

    clock.advance(Duration.ofMinutes(1));
    task.put("is_completed", true).put("updated_at", clock.instant().getEpochSecond());
    task.putObject("result").put("text", "+");
    stubTaskById(task);
    webhook(taskEntry("update", 80_001, 3001));
    settle();

    assertThat(writes("PATCH", "/api/v4/tasks"))
        .containsExactly(json("[{\"id\":80001,\"is_completed\":false}]"));
    List<JsonNode> notes = writes("POST", "/api/v4/leads/notes");
    assertThat(notes).hasSize(1);
    assertThat(notes.get(0).get(0).path("entity_id").asLong()).isEqualTo(3001);
    assertThat(writes()).hasSize(2);
  }

  @Test
  void a_lost_deal_gets_a_review_task_and_the_heads_return_reopens_it() throws Exception {
    ObjectNode lead = oldLead(4001, STAGE_WITH_CITY);
    fake.stubLeadById(lead);
    webhook(leadEntry("update", lead));
    settle();
    amo.resetRequests();

    clock.advance(Duration.ofMinutes(1));
    Instant lostAt = clock.instant();
    lead.put("status_id", LOST)
        .put("updated_at", lostAt.getEpochSecond())
        .put("closed_at", lostAt.getEpochSecond());
    fake.stubLeadById(lead);
    fake.stubEvents(
        List.of(FakeAmo.statusChanged("ev-lost", 4001, STAGE_WITH_CITY, LOST, MANAGER_A, lostAt)));
    webhook(statusEntry(4001, STAGE_WITH_CITY, LOST));
    settle();

    List<JsonNode> review = writes("POST", "/api/v4/tasks");
    assertThat(review).hasSize(1);
    assertThat(review.get(0)).hasSize(1);
    assertThat(review.get(0).get(0).path("responsible_user_id").asLong()).isEqualTo(HEAD);
    assertThat(review.get(0).get(0).path("entity_id").asLong()).isEqualTo(4001);
    assertThat(review.get(0).get(0).path("text").asText()).startsWith("Проверить сделку");
    assertThat(writes()).hasSize(1);
    amo.resetRequests();

    HttpResponse<String> returned =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(server("/api/widget/review/4001")))
                .header("X-Auth-Token", WidgetTokens.of(ACCOUNT, HEAD, clock.instant()).build())
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"verdict\":\"return\",\"comment\":\"Клиент ещё думает\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(returned.statusCode()).as(returned.body()).isEqualTo(201);
    settle();

    assertThat(writes("PATCH", "/api/v4/leads"))
        .containsExactly(
            json(
                "[{\"id\":4001,\"status_id\":"
                    + STAGE_WITH_CITY
                    + ",\"pipeline_id\":"
                    + PIPELINE
                    + "}]"));
    List<JsonNode> tasks = writes("POST", "/api/v4/tasks");
    assertThat(tasks).hasSize(1);
    assertThat(tasks.get(0).get(0).path("responsible_user_id").asLong()).isEqualTo(MANAGER_A);
    assertThat(tasks.get(0).get(0).path("entity_id").asLong()).isEqualTo(4001);
    assertThat(tasks.get(0).get(0).path("text").asText()).contains("Клиент ещё думает");
    assertThat(writes()).hasSize(2);
  }

  /** Lets the webhook intake, the evaluation worker, the timers and the executor catch up. */
  private void settle() {
    for (int pass = 0; pass < 3; pass++) {
      connection.worker().drain();
      app.compliance().worker().drain();
      app.timerScheduler().runOnce(clock.instant());
      app.actionExecutor().orElseThrow().drain();
    }
  }

  /** A lead created at {@code created} by Павел in «Новая заявка», city Казань. */
  private static ObjectNode newLead(long id, Instant created) {
    ObjectNode lead = FakeAmo.lead(id, NEW_STAGE, MANAGER_A, created);
    lead.put("name", "Заявка с сайта").put("created_at", created.getEpochSecond());
    return lead;
  }

  /** A lead from before the installation, touched just before T0. */
  private static ObjectNode oldLead(long id, long status) {
    ObjectNode lead = FakeAmo.lead(id, status, MANAGER_A, T0.minusSeconds(60));
    lead.put("created_at", T0.minus(Duration.ofDays(3)).getEpochSecond());
    return lead;
  }

  private void stubTaskById(ObjectNode task) {
    amo.stubFor(
        get(urlPathEqualTo("/api/v4/tasks"))
            .atPriority(1)
            .withQueryParam("filter[id][]", matching("\\d+"))
            .willReturn(page("tasks", List.of(task))));
  }

  private static Map<String, String> leadEntry(String action, ObjectNode lead) {
    String base = "leads[" + action + "][0]";
    Map<String, String> form = new LinkedHashMap<>();
    form.put(base + "[id]", lead.path("id").asText());
    form.put(base + "[name]", lead.path("name").asText());
    form.put(base + "[status_id]", lead.path("status_id").asText());
    form.put(base + "[pipeline_id]", lead.path("pipeline_id").asText());
    form.put(base + "[responsible_user_id]", lead.path("responsible_user_id").asText());
    return form;
  }

  private static Map<String, String> statusEntry(long leadId, long from, long to) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("leads[status][0][id]", Long.toString(leadId));
    form.put("leads[status][0][status_id]", Long.toString(to));
    form.put("leads[status][0][pipeline_id]", Long.toString(PIPELINE));
    form.put("leads[status][0][old_status_id]", Long.toString(from));
    form.put("leads[status][0][old_pipeline_id]", Long.toString(PIPELINE));
    return form;
  }

  private static Map<String, String> taskEntry(String action, long taskId, long leadId) {
    String base = "tasks[" + action + "][0]";
    Map<String, String> form = new LinkedHashMap<>();
    form.put(base + "[id]", Long.toString(taskId));
    form.put(base + "[element_id]", Long.toString(leadId));
    form.put(base + "[element_type]", "2");
    return form;
  }

  /** Posts a webhook as amoCRM does: a form with the account and the entries. */
  private void webhook(Map<String, String> entries) throws Exception {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("account[subdomain]", "sales");
    form.put("account[id]", Long.toString(ACCOUNT));
    form.putAll(entries);
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    String token =
        new AccountRepository(app.database().dsl()).find(ACCOUNT).orElseThrow().hookToken();
    HttpResponse<String> answer =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(server("/hooks/amo/" + token)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
  }

  private String server(String path) {
    return "http://localhost:" + app.port() + path;
  }

  /** The bodies of the writes amoCRM received since the last reset, oldest first. */
  private List<JsonNode> writes(String method, String path) {
    return amo.findAll(anyRequestedFor(anyUrl())).stream()
        .filter(r -> r.getMethod().equals(RequestMethod.fromString(method)))
        .filter(r -> r.getUrl().split("\\?")[0].equals(path))
        .sorted(java.util.Comparator.comparing(LoggedRequest::getLoggedDate))
        .map(r -> json(r.getBodyAsString()))
        .toList();
  }

  /** Every write since the last reset, as "METHOD path body". */
  private List<String> writes() {
    return amo.findAll(anyRequestedFor(anyUrl())).stream()
        .filter(r -> !r.getMethod().equals(RequestMethod.GET))
        .filter(r -> WRITES.contains(r.getUrl().split("\\?")[0]))
        .map(r -> r.getMethod() + " " + r.getUrl() + " " + r.getBodyAsString())
        .toList();
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder page(
      String key, List<ObjectNode> items) {
    ObjectNode body = JSON.createObjectNode();
    body.put("_page", 1);
    body.putObject("_links");
    ArrayNode array = body.putObject("_embedded").putArray(key);
    items.forEach(array::add);
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/hal+json")
        .withBody(body.toString());
  }
}
