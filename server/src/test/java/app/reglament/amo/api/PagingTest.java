package app.reglament.amo.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import app.reglament.amo.api.model.Event;
import app.reglament.amo.api.model.Lead;
import app.reglament.amo.api.model.Task;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** HAL lists: pages, their end, filters, and id lists split across requests. */
class PagingTest {
  @RegisterExtension
  static WireMockExtension amo =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final long ACCOUNT = 3;
  private static final String LEADS = FakeAccess.prefix(ACCOUNT) + "/api/v4/leads";
  private static final String TASKS = FakeAccess.prefix(ACCOUNT) + "/api/v4/tasks";
  private static final String EVENTS = FakeAccess.prefix(ACCOUNT) + "/api/v4/events";

  private final FakeTime time = FakeTime.advancing();
  private AmoClient client;

  @BeforeEach
  void connect() {
    client =
        TestClients.client(
            new FakeAccess(amo.baseUrl(), time.clock()), AmoClientSettings.defaults(), time);
  }

  @Test
  void followsPagesUntilAnEmpty204AndHandsOverOnePageAtATime() {
    stubLeadPage(1, leadsPage(1, List.of(1L, 2L, 3L), true));
    stubLeadPage(2, leadsPage(2, List.of(4L, 5L, 6L), true));
    stubLeadPage(3, leadsPage(3, List.of(7L), true));
    amo.stubFor(
        get(urlPathEqualTo(LEADS))
            .withQueryParam("page", equalTo("4"))
            .willReturn(aResponse().withStatus(204)));

    List<List<Long>> pages = new ArrayList<>();
    client
        .leads()
        .forEachPage(
            ACCOUNT, EntityFilter.all(), page -> pages.add(page.stream().map(Lead::id).toList()));

    assertThat(pages).containsExactly(List.of(1L, 2L, 3L), List.of(4L, 5L, 6L), List.of(7L));
    List<LoggedRequest> requests = amo.findAll(getRequestedFor(urlPathEqualTo(LEADS)));
    assertThat(requests).hasSize(4);
    assertThat(requests)
        .allSatisfy(
            r -> {
              assertThat(r.queryParameter("limit").firstValue()).isEqualTo("250");
              assertThat(r.queryParameter("with").firstValue()).isEqualTo("contacts,loss_reason");
              assertThat(r.getHeader("Authorization"))
                  .isEqualTo("Bearer " + FakeAccess.token(ACCOUNT, 0));
            });
  }

  @Test
  void stopsAtThePageWithoutANextLink() {
    stubLeadPage(1, leadsPage(1, List.of(1L, 2L), true));
    stubLeadPage(2, leadsPage(2, List.of(3L), false));

    List<Lead> leads = client.leads().list(ACCOUNT, EntityFilter.all());

    assertThat(leads).extracting(Lead::id).containsExactly(1L, 2L, 3L);
    amo.verify(2, getRequestedFor(urlPathEqualTo(LEADS)));
  }

  @Test
  void aFirst204MeansNoLeadsAtAll() {
    amo.stubFor(get(urlPathEqualTo(LEADS)).willReturn(aResponse().withStatus(204)));

    assertThat(client.leads().list(ACCOUNT, EntityFilter.all())).isEmpty();
  }

  @Test
  void splitsALongIdListSoNoRequestNamesMoreIdsThanAPageHolds() {
    amo.stubFor(get(urlPathEqualTo(LEADS)).willReturn(aResponse().withStatus(204)));
    List<Long> ids = LongStream.rangeClosed(1, 600).boxed().toList();

    client.leads().list(ACCOUNT, EntityFilter.ids(ids));

    List<List<String>> sent =
        amo.findAll(getRequestedFor(urlPathEqualTo(LEADS))).stream()
            .map(r -> r.queryParameter("filter[id][]").values())
            .toList();
    assertThat(sent).extracting(List::size).containsExactly(250, 250, 100);
    assertThat(sent.stream().flatMap(List::stream).map(Long::valueOf).toList())
        .containsExactlyElementsOf(ids);
  }

  @Test
  void anEmptyIdListSendsNothingRatherThanReadingEverything() {
    assertThat(client.leads().list(ACCOUNT, EntityFilter.ids(List.of()))).isEmpty();

    amo.verify(0, getRequestedFor(urlPathEqualTo(LEADS)));
  }

  @Test
  void readsChangesSinceACursorOldestFirst() {
    amo.stubFor(get(urlPathEqualTo(LEADS)).willReturn(aResponse().withStatus(204)));

    client.leads().list(ACCOUNT, EntityFilter.updatedSince(Instant.parse("2026-11-30T09:00:00Z")));

    amo.verify(
        getRequestedFor(urlPathEqualTo(LEADS))
            .withQueryParam("filter[updated_at][from]", equalTo("1796029200"))
            .withQueryParam("order[updated_at]", equalTo("asc")));
  }

  @Test
  void readsTheOpenTasksOfSomeLeads() {
    amo.stubFor(
        get(urlPathEqualTo(TASKS))
            .willReturn(
                okJson(
                    """
                    {"_page":1,"_embedded":{"tasks":[
                      {"id":9,"entity_id":5,"entity_type":"leads","is_completed":false,
                       "task_type_id":1,"text":"Позвонить","complete_till":1796032800,
                       "result":null,"responsible_user_id":501}]}}
                    """)));

    List<Task> tasks = client.tasks().list(ACCOUNT, TaskFilter.onLeads(List.of(5L, 6L)).openOnly());

    assertThat(tasks)
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.completeTill()).isEqualTo(Instant.parse("2026-11-30T10:00:00Z"));
              assertThat(t.resultText()).isNull();
            });
    amo.verify(
        getRequestedFor(urlPathEqualTo(TASKS))
            .withQueryParam("filter[entity_type]", equalTo("leads"))
            .withQueryParam("filter[entity_id][]", equalTo("5"))
            .withQueryParam("filter[entity_id][]", equalTo("6"))
            .withQueryParam("filter[is_completed]", equalTo("0"))
            .withQueryParam("filter[id][]", absent()));
  }

  @Test
  void readsEventsAHundredAPageAndTenEntitiesARequest() {
    amo.stubFor(
        get(urlPathEqualTo(EVENTS))
            .willReturn(
                okJson(
                    """
                    {"_page":1,"_embedded":{"events":[
                      {"id":"01jd3w5c8r","type":"lead_status_changed","entity_id":5,
                       "entity_type":"lead","created_by":501,"created_at":1796029200,
                       "value_before":[{"lead_status":{"id":101,"pipeline_id":11}}],
                       "value_after":[{"lead_status":{"id":143,"pipeline_id":11}}]}]}}
                    """)));
    List<Long> leads = LongStream.rangeClosed(1, 25).boxed().toList();

    List<Event> events =
        client
            .events()
            .list(
                ACCOUNT,
                EventFilter.onLeads(leads)
                    .ofTypes("lead_status_changed", "outgoing_call")
                    .createdFrom(Instant.parse("2026-11-30T09:00:00Z")));

    List<LoggedRequest> requests =
        amo.findAll(getRequestedFor(urlPathEqualTo(EVENTS))).stream()
            .sorted(Comparator.comparing(r -> r.queryParameter("filter[entity_id][]").firstValue()))
            .toList();
    assertThat(requests)
        .extracting(r -> r.queryParameter("filter[entity_id][]").values().size())
        .containsExactlyInAnyOrder(10, 10, 5);
    assertThat(requests)
        .allSatisfy(
            r -> {
              assertThat(r.queryParameter("limit").firstValue()).isEqualTo("100");
              assertThat(r.queryParameter("filter[type][]").values())
                  .containsExactly("lead_status_changed", "outgoing_call");
              assertThat(r.queryParameter("filter[created_at][from]").firstValue())
                  .isEqualTo("1796029200");
              assertThat(r.queryParameter("filter[entity][]").firstValue()).isEqualTo("lead");
            });
    assertThat(events).hasSize(3); // the stub answers the same event to each of the 3 requests
    assertThat(events.get(0).id()).isEqualTo("01jd3w5c8r");
    assertThat(events.get(0).valueAfter().at("/0/lead_status/id").asLong()).isEqualTo(143);
  }

  private static void stubLeadPage(int page, String body) {
    amo.stubFor(
        get(urlPathEqualTo(LEADS))
            .withQueryParam("page", equalTo(String.valueOf(page)))
            .willReturn(okJson(body)));
  }

  private static String leadsPage(int page, List<Long> ids, boolean hasNext) {
    String leads =
        ids.stream()
            .map(
                id ->
                    "{\"id\":"
                        + id
                        + ",\"name\":\"Сделка "
                        + id
                        + "\",\"status_id\":101,\"pipeline_id\":11,\"created_at\":1796029200}")
            .collect(Collectors.joining(","));
    String next =
        hasNext
            ? ",\"next\":{\"href\":\"https://okna.amocrm.ru/api/v4/leads?page=" + (page + 1) + "\"}"
            : "";
    return "{\"_page\":"
        + page
        + ",\"_links\":{\"self\":{\"href\":\"https://okna.amocrm.ru/api/v4/leads?page="
        + page
        + "\"}"
        + next
        + "},\"_embedded\":{\"leads\":["
        + leads
        + "]}}";
  }
}
