package app.reglament.amo.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.reglament.amo.api.model.LeadUpdate;
import app.reglament.amo.api.model.NewNote;
import app.reglament.amo.api.model.NewTask;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Creates and updates in batches: sizes, id order, progress, and refusals naming the entity. */
class BatchingTest {
  @RegisterExtension
  static WireMockExtension amo =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final long ACCOUNT = 4;
  private static final String TASKS = FakeAccess.prefix(ACCOUNT) + "/api/v4/tasks";
  private static final String LEADS = FakeAccess.prefix(ACCOUNT) + "/api/v4/leads";
  private static final String NOTES = FakeAccess.prefix(ACCOUNT) + "/api/v4/leads/notes";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final FakeTime time = FakeTime.advancing();
  private AmoClient client;

  @BeforeEach
  void connect() {
    client =
        TestClients.client(
            new FakeAccess(amo.baseUrl(), time.clock()), AmoClientSettings.defaults(), time);
  }

  @Test
  void creates120TasksWithThreePostsOf50And50And20AndReturnsTheIdsInOrder() throws Exception {
    // amoCRM may list the created tasks in any order; request_id says which is which.
    stubBatches(() -> post(urlPathEqualTo(TASKS)), "tasks", 1000, 50, 50, 20);
    List<NewTask> tasks =
        IntStream.range(0, 120)
            .mapToObj(
                i ->
                    NewTask.forLead(500 + i, "Задача " + i, FakeTime.START.plusSeconds(900))
                        .withTaskType(1))
            .toList();
    List<int[]> progress = new ArrayList<>();

    List<Long> ids =
        client
            .tasks()
            .create(
                ACCOUNT, tasks, (from, written) -> progress.add(new int[] {from, written.size()}));

    assertThat(ids).containsExactlyElementsOf(LongStream.range(1000, 1120).boxed().toList());
    assertThat(progress)
        .containsExactly(new int[] {0, 50}, new int[] {50, 50}, new int[] {100, 20});
    List<JsonNode> bodies = bodies(amo.findAll(postRequestedFor(urlPathEqualTo(TASKS))));
    assertThat(bodies).extracting(JsonNode::size).containsExactly(50, 50, 20);
    assertThat(bodies.get(1).get(0).get("text").asText()).isEqualTo("Задача 50");
    assertThat(bodies.get(0).get(0))
        .isEqualTo(
            JSON.readTree(
                "{\"text\":\"Задача 0\",\"complete_till\":1796033700,\"task_type_id\":1,"
                    + "\"entity_id\":500,\"entity_type\":\"leads\"}"));
  }

  @Test
  void batchSizeIsASetting() {
    client =
        TestClients.client(
            new FakeAccess(amo.baseUrl(), time.clock()),
            AmoClientSettings.defaults().withBatchSize(10),
            time);
    stubBatches(() -> post(urlPathEqualTo(NOTES)), "notes", 1, 10, 5);

    List<Long> ids =
        client
            .notes()
            .addToLeads(
                ACCOUNT,
                IntStream.range(0, 15).mapToObj(i -> NewNote.common(i, "Проверка " + i)).toList());

    assertThat(ids).hasSize(15);
    amo.verify(2, postRequestedFor(urlPathEqualTo(NOTES)));
  }

  @Test
  void aRefusalInTheSecondBatchNamesTheLeadItsPositionAndTheFieldAfterReportingTheFirst() {
    amo.stubFor(
        patch(urlPathEqualTo(LEADS))
            .inScenario("leads")
            .whenScenarioStateIs(STARTED)
            .willReturn(okJson(idsAnswer("leads", 2000, 50)))
            .willSetStateTo("second"));
    amo.stubFor(
        patch(urlPathEqualTo(LEADS))
            .inScenario("leads")
            .whenScenarioStateIs("second")
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/problem+json")
                    .withBody(
                        """
                        {"validation-errors":[{"request_id":"3","errors":[
                          {"code":"NotSupportedChoice","path":"status_id",
                           "detail":"The value you have provided is not supported"}]}],
                         "title":"Bad Request","type":"https://httpstatus.es/400",
                         "status":400,"detail":"Request validation failed"}
                        """)));
    List<LeadUpdate> updates =
        IntStream.range(0, 60).mapToObj(i -> LeadUpdate.of(2000 + i).withStatus(11, 999)).toList();

    assertThatThrownBy(() -> client.leads().update(ACCOUNT, updates))
        .isInstanceOfSatisfying(
            AmoValidationException.class,
            e -> {
              assertThat(e.entityKind()).isEqualTo("leads");
              assertThat(e.errors())
                  .containsExactly(
                      new ValidationError(
                          "3",
                          53,
                          2053L,
                          "status_id",
                          "NotSupportedChoice",
                          "The value you have provided is not supported"));
              assertThat(e.getMessage())
                  .isEqualTo(
                      "amoCRM refused PATCH /api/v4/leads for account 4: leads[53] (id 2053)"
                          + " status_id: NotSupportedChoice (The value you have provided is not"
                          + " supported)");
            });
    amo.verify(2, patchRequestedFor(urlPathEqualTo(LEADS)));
  }

  @Test
  void anEmptyListSendsNothing() {
    List<Integer> reported = new ArrayList<>();

    assertThat(client.tasks().create(ACCOUNT, List.of(), (from, ids) -> reported.add(from)))
        .isEmpty();

    assertThat(reported).isEmpty();
    amo.verify(0, postRequestedFor(urlPathEqualTo(TASKS)));
  }

  @Test
  void progressTellsWhichCreatesHappenedBeforeALaterBatchFailed() {
    amo.stubFor(
        post(urlPathEqualTo(TASKS))
            .inScenario("tasks")
            .whenScenarioStateIs(STARTED)
            .willReturn(okJson(idsAnswer("tasks", 1, 50)))
            .willSetStateTo("broken"));
    amo.stubFor(
        post(urlPathEqualTo(TASKS))
            .inScenario("tasks")
            .whenScenarioStateIs("broken")
            .willReturn(aResponse().withStatus(500)));
    List<NewTask> tasks =
        IntStream.range(0, 70).mapToObj(i -> NewTask.forLead(i, "Задача", FakeTime.START)).toList();
    List<Long> done = new ArrayList<>();

    assertThatThrownBy(() -> client.tasks().create(ACCOUNT, tasks, (from, ids) -> done.addAll(ids)))
        .isInstanceOfSatisfying(
            AmoUnavailableException.class, e -> assertThat(e.outcomeUnknown()).isTrue());
    assertThat(done).containsExactlyElementsOf(LongStream.rangeClosed(1, 50).boxed().toList());
  }

  @Test
  void anAnswerWithFewerIdsThanEntitiesIsAnError() {
    amo.stubFor(post(urlPathEqualTo(TASKS)).willReturn(okJson(idsAnswer("tasks", 1, 2))));
    List<NewTask> three =
        List.of(
            NewTask.forLead(1, "a", FakeTime.START),
            NewTask.forLead(2, "b", FakeTime.START),
            NewTask.forLead(3, "c", FakeTime.START));

    assertThatThrownBy(() -> client.tasks().create(ACCOUNT, three))
        .isInstanceOf(AmoException.class)
        .hasMessageContaining("2 ids for 3 tasks");
  }

  /** One stub per batch, answered in turn; each answer lists its ids in reverse order. */
  private static void stubBatches(
      Supplier<MappingBuilder> request, String key, long firstId, int... sizes) {
    long next = firstId;
    for (int i = 0; i < sizes.length; i++) {
      String state = i == 0 ? STARTED : "batch " + i;
      amo.stubFor(
          request
              .get()
              .inScenario(key)
              .whenScenarioStateIs(state)
              .willReturn(okJson(idsAnswer(key, next, sizes[i])))
              .willSetStateTo("batch " + (i + 1)));
      next += sizes[i];
    }
  }

  private static String idsAnswer(String key, long firstId, int size) {
    String entries =
        IntStream.range(0, size)
            .map(i -> size - 1 - i)
            .mapToObj(i -> "{\"id\":" + (firstId + i) + ",\"request_id\":\"" + i + "\"}")
            .collect(Collectors.joining(","));
    return "{\"_links\":{},\"_embedded\":{\"" + key + "\":[" + entries + "]}}";
  }

  private static List<JsonNode> bodies(
      List<com.github.tomakehurst.wiremock.verification.LoggedRequest> requests) throws Exception {
    List<JsonNode> bodies = new ArrayList<>();
    for (var request : requests) {
      bodies.add(JSON.readTree(request.getBodyAsString()));
    }
    return bodies;
  }
}
