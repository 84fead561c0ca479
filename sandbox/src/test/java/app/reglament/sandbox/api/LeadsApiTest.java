package app.reglament.sandbox.api;

import static app.reglament.sandbox.testing.TinyScenario.*;
import static org.assertj.core.api.Assertions.assertThat;

import app.reglament.sandbox.testing.Http;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeadsApiTest extends ApiTestBase {

  @Test
  void aDealLooksAsAmoCrmShowsIt() {
    JsonNode lead = get("/api/v4/leads/" + LEAD_A + "?with=contacts,loss_reason").json();

    assertThat(lead.get("name").asText()).isEqualTo("Окна / Казань");
    assertThat(lead.get("price").asLong()).isEqualTo(150_000);
    assertThat(lead.get("group_id").asLong()).isEqualTo(10);
    assertThat(lead.get("account_id").asLong()).isEqualTo(ACCOUNT);
    assertThat(lead.get("closest_task_at").asLong()).isPositive();
    assertThat(lead.get("closed_at").isNull()).isTrue();
    assertThat(lead.at("/_embedded/contacts/0/id").asLong()).isEqualTo(CONTACT);
    assertThat(lead.at("/_embedded/contacts/0/is_main").asBoolean()).isTrue();
    JsonNode product = lead.get("custom_fields_values").get(1);
    assertThat(product.get("field_id").asLong()).isEqualTo(PRODUCT);
    assertThat(product.get("field_name").asText()).isEqualTo("Продукт");
    assertThat(product.at("/values/0/value").asText()).isEqualTo("Окна");
    assertThat(product.at("/values/0/enum_id").asLong()).isEqualTo(WINDOWS);

    JsonNode lost = get("/api/v4/leads/" + LEAD_B + "?with=loss_reason").json();
    assertThat(lost.get("custom_fields_values").isNull()).isTrue();
    assertThat(lost.at("/_embedded/loss_reason/0/name").asText()).isEqualTo("Дорого");
  }

  @Test
  void aMissingDealIsNoContent() {
    assertThat(get("/api/v4/leads/424242").status()).isEqualTo(204);
  }

  @Test
  void filtersByIds() {
    JsonNode page = get("/api/v4/leads?filter[id][]=" + LEAD_B + "&filter[id][]=" + LEAD_A).json();
    assertThat(ids(page)).containsExactly(LEAD_A, LEAD_B);
    assertThat(ids(get("/api/v4/leads?filter[id][0]=" + LEAD_B).json())).containsExactly(LEAD_B);
    assertThat(ids(get("/api/v4/leads?filter[id]=" + LEAD_A).json())).containsExactly(LEAD_A);
  }

  @Test
  void filtersByUpdatedAtAndOrdersByIt() {
    clock.advance(Duration.ofMinutes(10));
    http.patch("/api/v4/leads", token, "[{\"id\":" + LEAD_A + ",\"price\":1}]");
    long cursor = clock.instant().getEpochSecond();

    JsonNode changed = get("/api/v4/leads?filter[updated_at][from]=" + cursor).json();
    assertThat(ids(changed)).containsExactly(LEAD_A);

    JsonNode all =
        get("/api/v4/leads?filter[updated_at][from]="
                + (cursor - 86_400)
                + "&order[updated_at]=asc")
            .json();
    assertThat(ids(all)).containsExactly(LEAD_B, LEAD_A);
    JsonNode before = get("/api/v4/leads?filter[updated_at][to]=" + (cursor - 1)).json();
    assertThat(ids(before)).containsExactly(LEAD_B);
  }

  @Test
  void filtersByStage() {
    JsonNode talks =
        get("/api/v4/leads?filter[statuses][0][pipeline_id]="
                + PIPELINE
                + "&filter[statuses][0][status_id]="
                + TALKS)
            .json();
    assertThat(ids(talks)).containsExactly(LEAD_A);
  }

  @Test
  void aBadStatusIsRefusedWithValidationErrorsAndNothingIsApplied() {
    Http.Answer answer =
        http.patch(
            "/api/v4/leads",
            token,
            "[{\"id\":"
                + LEAD_A
                + ",\"name\":\"Изменено\"},{\"id\":"
                + LEAD_B
                + ",\"status_id\":999,\"pipeline_id\":"
                + PIPELINE
                + "}]");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    JsonNode problem = answer.json();
    assertThat(problem.get("title").asText()).isEqualTo("Bad Request");
    assertThat(problem.get("status").asInt()).isEqualTo(400);
    JsonNode errors = problem.get("validation-errors");
    assertThat(errors).hasSize(1);
    assertThat(errors.at("/0/request_id").asText()).isEqualTo("1");
    assertThat(errors.at("/0/errors/0/code").asText()).isEqualTo("NotSupportedChoice");
    assertThat(errors.at("/0/errors/0/path").asText()).isEqualTo("status_id");
    assertThat(errors.at("/0/errors/0/detail").asText()).contains("999");
    assertThat(get("/api/v4/leads/" + LEAD_A).json().get("name").asText())
        .isEqualTo("Окна / Казань");
  }

  @Test
  void theCallersRequestIdIsEchoed() {
    Http.Answer answer =
        http.post(
            "/api/v4/leads",
            token,
            "[{\"name\":\"С ключом\",\"request_id\":\"mine-1\"},{\"status_id\":5,\"request_id\":\"mine-2\"}]");
    assertThat(answer.json().at("/validation-errors/0/request_id").asText()).isEqualTo("mine-2");
  }

  @Test
  void createsDealsWithFieldsAndContacts() {
    Http.Answer answer =
        http.post(
            "/api/v4/leads",
            token,
            "[{\"name\":\"Балкон\",\"price\":90000,\"status_id\":"
                + TALKS
                + ",\"responsible_user_id\":"
                + PAVEL
                + ",\"custom_fields_values\":[{\"field_code\":\"PRODUCT\",\"values\":[{\"enum_id\":"
                + DOORS
                + "}]},{\"field_id\":"
                + CITY
                + ",\"values\":[{\"value\":\"Самара\"}]}],"
                + "\"_embedded\":{\"contacts\":[{\"id\":"
                + CONTACT
                + "}]}}]");

    assertThat(answer.status()).isEqualTo(200);
    long id = answer.json().at("/_embedded/leads/0/id").asLong();
    assertThat(answer.json().at("/_embedded/leads/0/request_id").asText()).isEqualTo("0");
    JsonNode lead = get("/api/v4/leads/" + id + "?with=contacts").json();
    assertThat(lead.get("pipeline_id").asLong()).isEqualTo(PIPELINE);
    assertThat(lead.get("responsible_user_id").asLong()).isEqualTo(PAVEL);
    assertThat(lead.at("/custom_fields_values/0/values/0/value").asText()).isEqualTo("Двери");
    assertThat(lead.at("/custom_fields_values/1/values/0/value").asText()).isEqualTo("Самара");
    assertThat(lead.at("/_embedded/contacts/0/id").asLong()).isEqualTo(CONTACT);
  }

  @Test
  void patchesOneDealByItsPath() {
    Http.Answer answer =
        http.patch("/api/v4/leads/" + LEAD_A, token, "{\"responsible_user_id\":" + PAVEL + "}");
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().get("id").asLong()).isEqualTo(LEAD_A);
    assertThat(get("/api/v4/leads/" + LEAD_A).json().get("responsible_user_id").asLong())
        .isEqualTo(PAVEL);
  }

  @Test
  void moreThan250DealsInOneRequestAreRefused() {
    StringBuilder body = new StringBuilder("[");
    for (int i = 0; i < 251; i++) {
      body.append(i == 0 ? "" : ",").append("{\"name\":\"x\"}");
    }
    assertThat(http.post("/api/v4/leads", token, body + "]").status()).isEqualTo(400);
  }

  private static List<Long> ids(JsonNode page) {
    List<Long> ids = new ArrayList<>();
    page.at("/_embedded/leads").forEach(l -> ids.add(l.get("id").asLong()));
    return ids;
  }
}
