package app.reglament.amo.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import app.reglament.amo.api.model.Pipeline;
import app.reglament.amo.api.model.Webhook;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The account's setup lists and its webhook subscriptions, on the paths amoCRM serves. */
class EndpointsTest {
  @RegisterExtension
  static WireMockExtension amo =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final long ACCOUNT = 5;
  private static final String BASE = FakeAccess.prefix(ACCOUNT);
  private static final String HOOK = "https://reglament.example/hooks/amo/Zx81";

  private final FakeTime time = FakeTime.advancing();
  private AmoClient client;

  @BeforeEach
  void connect() {
    client =
        TestClients.client(
            new FakeAccess(amo.baseUrl(), time.clock()), AmoClientSettings.defaults(), time);
  }

  @Test
  void asksForTheAccountWithItsGroupsAndTaskTypes() {
    amo.stubFor(
        get(urlPathEqualTo(BASE + "/api/v4/account"))
            .withQueryParam("with", equalTo("users_groups,task_types"))
            .willReturn(okJson("{\"id\":5,\"name\":\"Окна\",\"subdomain\":\"okna\"}")));

    assertThat(client.setup().account(ACCOUNT).name()).isEqualTo("Окна");
  }

  @Test
  void readsUsersFieldsAndLossReasonsAsPagedLists() {
    amo.stubFor(
        get(urlPathEqualTo(BASE + "/api/v4/users"))
            .willReturn(
                okJson(
                    "{\"_embedded\":{\"users\":[{\"id\":501,\"name\":\"Иван\","
                        + "\"rights\":{\"is_active\":true}}]}}")));
    amo.stubFor(
        get(urlPathEqualTo(BASE + "/api/v4/leads/custom_fields"))
            .willReturn(
                okJson(
                    "{\"_embedded\":{\"custom_fields\":[{\"id\":3,\"name\":\"Город\","
                        + "\"type\":\"select\",\"is_api_only\":false}]}}")));
    amo.stubFor(
        get(urlPathEqualTo(BASE + "/api/v4/leads/loss_reasons"))
            .willReturn(
                okJson(
                    "{\"_embedded\":{\"loss_reasons\":[{\"id\":7,\"name\":\"Дорого\","
                        + "\"sort\":1,\"created_at\":1796029200}]}}")));

    assertThat(client.setup().users(ACCOUNT))
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.rights().isActive()).isTrue();
            });
    assertThat(client.setup().leadCustomFields(ACCOUNT))
        .extracting(f -> f.type())
        .containsExactly("select");
    assertThat(client.setup().lossReasons(ACCOUNT))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.createdAt()).isEqualTo(Instant.parse("2026-11-30T09:00:00Z"));
            });
    amo.verify(
        getRequestedFor(urlPathEqualTo(BASE + "/api/v4/users"))
            .withQueryParam("page", equalTo("1"))
            .withQueryParam("limit", equalTo("250")));
  }

  @Test
  void readsPipelinesInOneAnswer() {
    amo.stubFor(
        get(urlPathEqualTo(BASE + "/api/v4/leads/pipelines"))
            .willReturn(
                okJson(
                    "{\"_total_items\":1,\"_embedded\":{\"pipelines\":[{\"id\":11,"
                        + "\"name\":\"Продажи\",\"_embedded\":{\"statuses\":["
                        + "{\"id\":142,\"pipeline_id\":11,\"name\":\"Успешно\",\"type\":0}]}}]}}")));

    List<Pipeline> pipelines = client.setup().pipelines(ACCOUNT);

    assertThat(pipelines.get(0).statuses()).extracting(Pipeline.Status::id).containsExactly(142L);
    amo.verify(
        getRequestedFor(urlPathEqualTo(BASE + "/api/v4/leads/pipelines"))
            .withoutQueryParam("page"));
  }

  @Test
  void listsSubscribesAndUnsubscribesAWebhook() {
    amo.stubFor(
        get(urlPathEqualTo(BASE + "/api/v4/webhooks"))
            .withQueryParam("filter[destination]", equalTo(HOOK))
            .willReturn(
                okJson(
                    "{\"_total_items\":1,\"_embedded\":{\"webhooks\":[{\"id\":4,"
                        + "\"destination\":\""
                        + HOOK
                        + "\",\"settings\":[\"add_lead\"],\"sort\":1,\"disabled\":false}]}}")));
    amo.stubFor(
        post(urlPathEqualTo(BASE + "/api/v4/webhooks"))
            .willReturn(
                okJson(
                    "{\"id\":4,\"destination\":\""
                        + HOOK
                        + "\",\"settings\":[\"add_lead\",\"status_lead\"],\"sort\":1,"
                        + "\"created_at\":1796029200}")));
    amo.stubFor(
        delete(urlPathEqualTo(BASE + "/api/v4/webhooks")).willReturn(aResponse().withStatus(204)));

    List<Webhook> existing = client.webhooks().list(ACCOUNT, HOOK);
    Webhook subscribed =
        client.webhooks().subscribe(ACCOUNT, HOOK, List.of("add_lead", "status_lead"), 1);
    client.webhooks().unsubscribe(ACCOUNT, HOOK);

    assertThat(existing).extracting(Webhook::settings).containsExactly(List.of("add_lead"));
    assertThat(subscribed.settings()).containsExactly("add_lead", "status_lead");
    amo.verify(
        postRequestedFor(urlPathEqualTo(BASE + "/api/v4/webhooks"))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(
                equalToJson(
                    "{\"destination\":\""
                        + HOOK
                        + "\",\"sort\":1,\"settings\":[\"add_lead\",\"status_lead\"]}")));
    amo.verify(
        deleteRequestedFor(urlPathEqualTo(BASE + "/api/v4/webhooks"))
            .withRequestBody(equalToJson("{\"destination\":\"" + HOOK + "\"}")));
  }

  @Test
  void theGenericCallReturnsAMissingNodeForA204() {
    amo.stubFor(
        get(urlPathEqualTo(BASE + "/api/v4/contacts")).willReturn(aResponse().withStatus(204)));

    assertThat(client.call(ACCOUNT, AmoRequest.get("/api/v4/contacts")).isMissingNode()).isTrue();
  }
}
