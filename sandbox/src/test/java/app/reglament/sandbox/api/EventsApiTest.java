package app.reglament.sandbox.api;

import static app.reglament.sandbox.testing.TinyScenario.*;
import static org.assertj.core.api.Assertions.assertThat;

import app.reglament.sandbox.store.EventTypes;
import app.reglament.sandbox.testing.Http;
import app.reglament.sandbox.testing.Sandboxes;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventsApiTest extends ApiTestBase {

  @Test
  void listsNewestFirstWithStringIdsAndAmoCrmsValueShapes() {
    JsonNode events = get("/api/v4/events").json().at("/_embedded/events");

    assertThat(events).hasSize(2);
    JsonNode move = events.get(0);
    assertThat(move.get("id").isTextual()).isTrue();
    assertThat(move.get("type").asText()).isEqualTo("lead_status_changed");
    assertThat(move.get("entity_type").asText()).isEqualTo("lead");
    assertThat(move.at("/value_after/0/lead_status/id").asLong()).isEqualTo(TALKS);
    assertThat(move.at("/value_after/0/lead_status/pipeline_id").asLong()).isEqualTo(PIPELINE);
    assertThat(move.at("/_embedded/entity/id").asLong()).isEqualTo(LEAD_A);
  }

  @Test
  void filtersByOneTypeOrMany() {
    sandbox.store().moveLead(LEAD_A, PIPELINE, 142, ANNA);
    sandbox.store().recordCommunication(LEAD_A, EventTypes.INCOMING_CHAT_MESSAGE, ANNA);

    assertThat(types(get("/api/v4/events?filter[type]=lead_status_changed")))
        .containsExactly("lead_status_changed", "lead_status_changed");
    assertThat(
            types(
                get(
                    "/api/v4/events?filter[type][]=outgoing_call&filter[type][]=incoming_chat_message"
                        + "&order[created_at]=asc")))
        .containsExactly("outgoing_call", "incoming_chat_message");
    assertThat(types(get("/api/v4/events?filter[type]=outgoing_call,incoming_chat_message")))
        .containsExactly("incoming_chat_message", "outgoing_call");
  }

  @Test
  void filtersByCreatedAt() {
    clock.advance(Duration.ofHours(1));
    sandbox.store().assignLead(LEAD_A, PAVEL, HEAD);
    long now = clock.instant().getEpochSecond();

    assertThat(types(get("/api/v4/events?filter[created_at][from]=" + now)))
        .containsExactly("entity_responsible_changed");
    long historyEnd = Sandboxes.T0.minus(Duration.ofDays(1)).plusSeconds(3600).getEpochSecond();
    assertThat(types(get("/api/v4/events?filter[created_at][to]=" + historyEnd)))
        .containsExactly("lead_status_changed", "outgoing_call");
    assertThat(
            types(
                get(
                    "/api/v4/events?filter[created_at][from]="
                        + (historyEnd - 1)
                        + "&filter[created_at][to]="
                        + historyEnd)))
        .containsExactly("lead_status_changed");
  }

  @Test
  void filtersByEntityAndOneFieldsChanges() {
    sandbox.store().setLeadField(LEAD_A, CITY, List.of("Самара"), ANNA);
    sandbox.store().setLeadField(LEAD_A, PRODUCT, List.of("Двери"), ANNA);

    JsonNode city =
        get("/api/v4/events?filter[type]=custom_field_" + CITY + "_value_changed")
            .json()
            .at("/_embedded/events");
    assertThat(city).hasSize(1);
    assertThat(city.at("/0/value_after/0/custom_field_value/text").asText()).isEqualTo("Самара");
    assertThat(city.at("/0/value_before/0/custom_field_value/text").asText()).isEqualTo("Казань");

    assertThat(get("/api/v4/events?filter[entity]=lead&filter[entity_id][]=" + LEAD_B).status())
        .isEqualTo(204);
  }

  @Test
  void refusesMoreThanTenEntityIdsAndPagesOver100() {
    StringBuilder ids = new StringBuilder();
    for (int i = 1; i <= 11; i++) {
      ids.append("&filter[entity_id][]=").append(i);
    }
    assertThat(get("/api/v4/events?filter[entity]=lead" + ids).status()).isEqualTo(400);
    assertThat(get("/api/v4/events?limit=101").status()).isEqualTo(400);
    assertThat(get("/api/v4/events?limit=100").status()).isEqualTo(200);
  }

  private static List<String> types(Http.Answer answer) {
    List<String> types = new ArrayList<>();
    if (answer.status() == 200) {
      answer.json().at("/_embedded/events").forEach(e -> types.add(e.get("type").asText()));
    }
    return types;
  }
}
