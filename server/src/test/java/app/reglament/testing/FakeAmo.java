package app.reglament.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import java.time.Instant;
import java.util.List;

/**
 * amoCRM as WireMock plays it for end-to-end tests: OAuth, the account's reference data, paged
 * lists of leads and tasks, events and webhooks, in amoCRM's JSON shapes. Tests add the stubs that
 * tell their own story (a deal that moved, a webhook that never came).
 */
public final class FakeAmo {
  public static final long ACCOUNT = 31_000_001L;
  public static final long PIPELINE = 7L;
  public static final long NEW_STAGE = 1001L;
  public static final long MANAGER_A = 501L;
  public static final long MANAGER_B = 502L;

  private static final ObjectMapper JSON = new ObjectMapper();
  private final WireMockServer server;

  public FakeAmo(WireMockServer server) {
    this.server = server;
  }

  /**
   * Token endpoint, account, users, pipeline, fields, loss reasons, webhooks, empty contacts and
   * notes.
   */
  public void stubAccount() {
    server.stubFor(
        post(urlPathEqualTo("/oauth2/access_token"))
            .willReturn(
                json(
                    "{\"token_type\":\"Bearer\",\"expires_in\":86400,"
                        + "\"access_token\":\"access-1\",\"refresh_token\":\"refresh-1\"}")));
    server.stubFor(
        get(urlPathEqualTo("/api/v4/account"))
            .willReturn(
                json(
                    "{\"id\":"
                        + ACCOUNT
                        + ",\"name\":\"ООО Окна\",\"subdomain\":\"sales\",\"current_user_id\":500,"
                        + "\"_embedded\":{\"users_groups\":[{\"id\":0,\"name\":\"Отдел продаж\"}],"
                        + "\"task_types\":[{\"id\":1,\"name\":\"Связаться\"}]}}")));
    server.stubFor(
        get(urlPathEqualTo("/api/v4/users"))
            .willReturn(
                json(
                    "{\"_page\":1,\"_embedded\":{\"users\":["
                        + user(500, "Ирина Руководитель", true)
                        + ","
                        + user(MANAGER_A, "Павел Смирнов", false)
                        + ","
                        + user(MANAGER_B, "Анна Кузнецова", false)
                        + "]}}")));
    server.stubFor(
        get(urlPathEqualTo("/api/v4/leads/pipelines"))
            .willReturn(
                json(
                    "{\"_embedded\":{\"pipelines\":[{\"id\":"
                        + PIPELINE
                        + ",\"name\":\"Продажи\",\"sort\":1,\"is_main\":true,\"is_archive\":false,"
                        + "\"_embedded\":{\"statuses\":["
                        + status(NEW_STAGE, "Новая заявка", 1)
                        + ","
                        + status(1002, "Переговоры", 0)
                        + ","
                        + status(142, "Успешно реализовано", 0)
                        + ","
                        + status(143, "Закрыто и не реализовано", 0)
                        + "]}}]}}")));
    server.stubFor(
        get(urlPathEqualTo("/api/v4/leads/custom_fields"))
            .willReturn(
                json(
                    "{\"_embedded\":{\"custom_fields\":[{\"id\":55,\"name\":\"Город\",\"type\":\"text\","
                        + "\"sort\":1,\"is_api_only\":false,\"required_statuses\":[{\"status_id\":1002,"
                        + "\"pipeline_id\":7}]}]}}")));
    server.stubFor(
        get(urlPathEqualTo("/api/v4/leads/loss_reasons"))
            .willReturn(
                json(
                    "{\"_embedded\":{\"loss_reasons\":[{\"id\":9,\"name\":\"Дорого\",\"sort\":1}]}}")));
    server.stubFor(get(urlPathEqualTo("/api/v4/contacts")).willReturn(aResponse().withStatus(204)));
    server.stubFor(
        get(urlPathEqualTo("/api/v4/leads/notes")).willReturn(aResponse().withStatus(204)));
    server.stubFor(get(urlPathEqualTo("/api/v4/webhooks")).willReturn(aResponse().withStatus(204)));
    server.stubFor(
        post(urlPathEqualTo("/api/v4/webhooks"))
            .willReturn(
                json("{\"id\":1,\"destination\":\"x\",\"settings\":[\"add_lead\"],\"sort\":0}")));
  }

  /** All leads, {@code perPage} a page, as amoCRM pages them (the last page has no next link). */
  public void stubLeadPages(List<ObjectNode> leads, int perPage) {
    stubPages("/api/v4/leads", "leads", leads, perPage);
  }

  public void stubTaskPages(List<ObjectNode> tasks, int perPage) {
    stubPages("/api/v4/tasks", "tasks", tasks, perPage);
  }

  /** All lead notes, {@code perPage} a page (replaces the empty list of {@link #stubAccount}). */
  public void stubNotePages(List<ObjectNode> notes, int perPage) {
    stubPages("/api/v4/leads/notes", "notes", notes, perPage);
  }

  /** What a walk of the notes changed since the cursor returns (the cursor is not honoured). */
  public void stubNotesChanged(List<ObjectNode> notes) {
    server.stubFor(
        get(urlPathEqualTo("/api/v4/leads/notes"))
            .atPriority(1)
            .withQueryParam("filter[updated_at][from]", matching("\\d+"))
            .withQueryParam("page", equalTo("1"))
            .willReturn(page("notes", notes)));
  }

  private void stubPages(String path, String key, List<ObjectNode> items, int perPage) {
    int pages = Math.max(1, (items.size() + perPage - 1) / perPage);
    for (int page = 1; page <= pages; page++) {
      ArrayNode array = JSON.createArrayNode();
      items
          .subList((page - 1) * perPage, Math.min(page * perPage, items.size()))
          .forEach(array::add);
      ObjectNode body = JSON.createObjectNode();
      body.put("_page", page);
      ObjectNode links = body.putObject("_links");
      if (page < pages) {
        links
            .putObject("next")
            .put("href", "https://sales.amocrm.ru" + path + "?page=" + (page + 1));
      }
      body.putObject("_embedded").set(key, array);
      server.stubFor(
          listOf(path)
              .withQueryParam("page", equalTo(Integer.toString(page)))
              .willReturn(json(body.toString())));
    }
    server.stubFor(
        listOf(path)
            .withQueryParam("page", equalTo(Integer.toString(pages + 1)))
            .willReturn(aResponse().withStatus(204)));
  }

  /**
   * A listing without an id filter. The cursor ({@code filter[updated_at][from]}) is not honoured:
   * every item has one change time, so a walk by that time reads the pages in order.
   */
  private static MappingBuilder listOf(String path) {
    return get(urlPathEqualTo(path)).withQueryParam("filter[id][]", absent());
  }

  /** What a by-id re-read of one lead returns. */
  public void stubLeadById(ObjectNode lead) {
    server.stubFor(
        get(urlPathEqualTo("/api/v4/leads"))
            .atPriority(1)
            .withQueryParam("filter[id][]", equalTo(lead.path("id").asText()))
            .willReturn(page("leads", List.of(lead))));
  }

  /** What reconciliation's "changed since the cursor" listing returns. */
  public void stubLeadsChanged(List<ObjectNode> leads) {
    server.stubFor(
        get(urlPathEqualTo("/api/v4/leads"))
            .atPriority(1)
            .withQueryParam("filter[updated_at][from]", matching("\\d+"))
            .withQueryParam("page", equalTo("1"))
            .willReturn(page("leads", leads)));
    server.stubFor(
        get(urlPathEqualTo("/api/v4/tasks"))
            .atPriority(1)
            .withQueryParam("filter[updated_at][from]", matching("\\d+"))
            .willReturn(aResponse().withStatus(204)));
  }

  /** The events listing (any window): these events on page 1, nothing after. */
  public void stubEvents(List<ObjectNode> events) {
    server.stubFor(
        get(urlPathEqualTo("/api/v4/events"))
            .withQueryParam("page", equalTo("1"))
            .willReturn(page("events", events)));
    server.stubFor(
        get(urlPathEqualTo("/api/v4/events"))
            .withQueryParam("page", equalTo("2"))
            .willReturn(aResponse().withStatus(204)));
  }

  public static ObjectNode lead(long id, long status, long responsible, Instant updatedAt) {
    ObjectNode lead = JSON.createObjectNode();
    lead.put("id", id);
    lead.put("name", "Сделка #" + id);
    lead.put("price", 100_000);
    lead.put("responsible_user_id", responsible);
    lead.put("group_id", 0);
    lead.put("status_id", status);
    lead.put("pipeline_id", PIPELINE);
    lead.put("created_by", responsible);
    lead.put("updated_by", responsible);
    lead.put("created_at", updatedAt.getEpochSecond() - 86_400);
    lead.put("updated_at", updatedAt.getEpochSecond());
    lead.putNull("closed_at");
    lead.put("is_deleted", false);
    lead.put("account_id", ACCOUNT);
    lead.putArray("custom_fields_values")
        .addObject()
        .put("field_id", 55)
        .put("field_name", "Город")
        .put("field_type", "text")
        .putArray("values")
        .addObject()
        .put("value", "Казань");
    ObjectNode embedded = lead.putObject("_embedded");
    embedded.putArray("contacts").addObject().put("id", 9_000 + id).put("is_main", true);
    embedded.putArray("companies");
    return lead;
  }

  public static ObjectNode task(long id, long leadId, long responsible, Instant updatedAt) {
    ObjectNode task = JSON.createObjectNode();
    task.put("id", id);
    task.put("created_by", responsible);
    task.put("updated_by", responsible);
    task.put("created_at", updatedAt.getEpochSecond() - 3_600);
    task.put("updated_at", updatedAt.getEpochSecond());
    task.put("responsible_user_id", responsible);
    task.put("entity_id", leadId);
    task.put("entity_type", "leads");
    task.put("is_completed", false);
    task.put("task_type_id", 1);
    task.put("text", "Связаться с клиентом");
    task.put("complete_till", updatedAt.getEpochSecond() + 86_400);
    task.put("account_id", ACCOUNT);
    return task;
  }

  public static ObjectNode statusChanged(
      String eventId, long leadId, long from, long to, long by, Instant at) {
    ObjectNode event = JSON.createObjectNode();
    event.put("id", eventId);
    event.put("type", "lead_status_changed");
    event.put("entity_id", leadId);
    event.put("entity_type", "lead");
    event.put("created_by", by);
    event.put("created_at", at.getEpochSecond());
    event
        .putArray("value_before")
        .addObject()
        .putObject("lead_status")
        .put("id", from)
        .put("pipeline_id", PIPELINE);
    event
        .putArray("value_after")
        .addObject()
        .putObject("lead_status")
        .put("id", to)
        .put("pipeline_id", PIPELINE);
    event.put("account_id", ACCOUNT);
    return event;
  }

  public static ObjectNode outgoingCall(String eventId, long leadId, long by, Instant at) {
    ObjectNode event = JSON.createObjectNode();
    event.put("id", eventId);
    event.put("type", "outgoing_call");
    event.put("entity_id", leadId);
    event.put("entity_type", "lead");
    event.put("created_by", by);
    event.put("created_at", at.getEpochSecond());
    event.putArray("value_before");
    event.putArray("value_after").addObject().putObject("note").put("id", 1);
    event.put("account_id", ACCOUNT);
    return event;
  }

  /** A note on a deal; {@code params} as amoCRM sends them for its type. */
  public static ObjectNode note(
      long id, long leadId, String type, ObjectNode params, long by, Instant at) {
    ObjectNode note = JSON.createObjectNode();
    note.put("id", id);
    note.put("entity_id", leadId);
    note.put("created_by", by);
    note.put("updated_by", by);
    note.put("created_at", at.getEpochSecond());
    note.put("updated_at", at.getEpochSecond());
    note.put("responsible_user_id", by);
    note.put("group_id", 0);
    note.put("note_type", type);
    note.set("params", params);
    note.put("account_id", ACCOUNT);
    return note;
  }

  /** A call note's params: how long it lasted (0: nobody answered). */
  public static ObjectNode callParams(int durationSeconds) {
    ObjectNode params = JSON.createObjectNode();
    params.put("uniq", "call-" + durationSeconds);
    params.put("duration", durationSeconds);
    params.put("source", "sipuni");
    params.put("link", "");
    params.put("phone", "+79000000000");
    return params;
  }

  public static ObjectNode textParams(String text) {
    return JSON.createObjectNode().put("text", text);
  }

  /**
   * Any event; {@code noteId}, when not null, is what calls and notes carry in {@code value_after}.
   */
  public static ObjectNode event(
      String eventId,
      String type,
      String entityType,
      long entityId,
      long by,
      Instant at,
      Long noteId) {
    ObjectNode event = JSON.createObjectNode();
    event.put("id", eventId);
    event.put("type", type);
    event.put("entity_id", entityId);
    event.put("entity_type", entityType);
    event.put("created_by", by);
    event.put("created_at", at.getEpochSecond());
    event.putArray("value_before");
    ArrayNode after = event.putArray("value_after");
    if (noteId != null) {
      after.addObject().putObject("note").put("id", noteId);
    }
    event.put("account_id", ACCOUNT);
    return event;
  }

  private static String user(long id, String name, boolean admin) {
    return "{\"id\":"
        + id
        + ",\"name\":\""
        + name
        + "\",\"email\":\"u"
        + id
        + "@example.ru\",\"lang\":\"ru\",\"rights\":{\"is_admin\":"
        + admin
        + ",\"is_free\":false,\"is_active\":true,\"group_id\":0,\"role_id\":null}}";
  }

  private static String status(long id, String name, int type) {
    return "{\"id\":"
        + id
        + ",\"name\":\""
        + name
        + "\",\"sort\":10,\"is_editable\":true,\"pipeline_id\":"
        + PIPELINE
        + ",\"color\":\"#99ccff\",\"type\":"
        + type
        + "}";
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder page(
      String key, List<ObjectNode> items) {
    ObjectNode body = JSON.createObjectNode();
    body.put("_page", 1);
    body.putObject("_links");
    ArrayNode array = body.putObject("_embedded").putArray(key);
    items.forEach(array::add);
    return items.isEmpty() ? aResponse().withStatus(204) : json(body.toString());
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(
      String body) {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/hal+json")
        .withBody(body);
  }
}
