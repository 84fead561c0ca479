package app.reglament.sandbox.api;

import static app.reglament.sandbox.testing.TinyScenario.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** What the server reads once per sync: account, users, pipelines, fields, reasons. */
class SetupApiTest extends ApiTestBase {

  @Test
  void theAccountNamesItsGroupsTaskTypesAndTheTokensUser() {
    JsonNode account = get("/api/v4/account?with=users_groups,task_types").json();
    assertThat(account.get("id").asLong()).isEqualTo(ACCOUNT);
    assertThat(account.get("subdomain").asText()).isEqualTo("okna");
    assertThat(account.get("current_user_id").asLong()).isEqualTo(HEAD);
    assertThat(account.at("/_embedded/users_groups/1/name").asText()).isEqualTo("Казань");
    assertThat(account.at("/_embedded/task_types/0/id").asLong()).isEqualTo(1);
    assertThat(get("/api/v4/account").json().has("_embedded")).isFalse();
  }

  @Test
  void usersCarryTheirRights() {
    JsonNode users = get("/api/v4/users").json().at("/_embedded/users");
    assertThat(users).hasSize(3);
    assertThat(users.at("/0/rights/is_admin").asBoolean()).isTrue();
    assertThat(users.at("/1/rights/group_id").asLong()).isEqualTo(10);
  }

  @Test
  void pipelinesComeWholeWithTheirStages() {
    JsonNode pipelines = get("/api/v4/leads/pipelines").json();
    assertThat(pipelines.get("_total_items").asInt()).isEqualTo(1);
    JsonNode statuses = pipelines.at("/_embedded/pipelines/0/_embedded/statuses");
    assertThat(statuses).hasSize(5);
    assertThat(statuses.at("/3/id").asLong()).isEqualTo(142);
    assertThat(statuses.at("/4/id").asLong()).isEqualTo(143);
    assertThat(statuses.at("/0/type").asInt()).isEqualTo(1);
    assertThat(
            get("/api/v4/leads/pipelines/" + PIPELINE + "/statuses")
                .json()
                .at("/_embedded/statuses"))
        .hasSize(5);
  }

  @Test
  void fieldsCarryTheirOptionsAndRequiredStages() {
    JsonNode fields = get("/api/v4/leads/custom_fields").json().at("/_embedded/custom_fields");
    assertThat(fields.at("/0/enums").isNull()).isTrue();
    assertThat(fields.at("/1/enums/1/value").asText()).isEqualTo("Двери");
    assertThat(fields.at("/1/required_statuses/0/status_id").asLong()).isEqualTo(TALKS);
    assertThat(fields.at("/1/required_statuses/0/pipeline_id").asLong()).isEqualTo(PIPELINE);
  }

  @Test
  void aPatchOfFieldsReplacesTheirRequiredStages() {
    var answer =
        http.patch(
            "/api/v4/leads/custom_fields",
            token,
            "[{\"id\":"
                + CITY
                + ",\"required_statuses\":[{\"status_id\":"
                + TALKS
                + ",\"pipeline_id\":"
                + PIPELINE
                + "}]},{\"id\":"
                + PRODUCT
                + ",\"required_statuses\":[]}]");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().at("/_embedded/custom_fields/0/id").asLong()).isEqualTo(CITY);
    assertThat(answer.json().at("/_embedded/custom_fields/1/request_id").asText()).isEqualTo("1");

    JsonNode fields = get("/api/v4/leads/custom_fields").json().at("/_embedded/custom_fields");
    assertThat(fields.at("/0/required_statuses/0/status_id").asLong()).isEqualTo(TALKS);
    assertThat(fields.at("/1/required_statuses")).isEmpty();
  }

  @Test
  void aPatchNamingAnUnknownStageChangesNoField() {
    var answer =
        http.patch(
            "/api/v4/leads/custom_fields",
            token,
            "[{\"id\":"
                + CITY
                + ",\"required_statuses\":[{\"status_id\":"
                + TALKS
                + ",\"pipeline_id\":"
                + PIPELINE
                + "}]},{\"id\":"
                + PRODUCT
                + ",\"required_statuses\":[{\"status_id\":999,\"pipeline_id\":"
                + PIPELINE
                + "}]}]");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().at("/validation-errors/0/request_id").asText()).isEqualTo("1");
    assertThat(answer.json().at("/validation-errors/0/errors/0/path").asText())
        .isEqualTo("required_statuses.0.status_id");
    JsonNode fields = get("/api/v4/leads/custom_fields").json().at("/_embedded/custom_fields");
    assertThat(fields.at("/0/required_statuses")).isEmpty();
  }

  @Test
  void lossReasonsAndContactsAndTasksAndNotes() {
    assertThat(
            get("/api/v4/leads/loss_reasons").json().at("/_embedded/loss_reasons/0/name").asText())
        .isEqualTo("Дорого");
    JsonNode contact = get("/api/v4/contacts?filter[id][]=" + CONTACT + "&with=leads").json();
    assertThat(contact.at("/_embedded/contacts/0/first_name").asText()).isEqualTo("Олег");
    assertThat(contact.at("/_embedded/contacts/0/_embedded/leads/0/id").asLong()).isEqualTo(LEAD_A);
    JsonNode task =
        get("/api/v4/tasks?filter[entity_type]=leads&filter[entity_id][]=" + LEAD_A).json();
    assertThat(task.at("/_embedded/tasks/0/id").asLong()).isEqualTo(TASK);
    assertThat(task.at("/_embedded/tasks/0/result").isArray()).isTrue();
    JsonNode note = get("/api/v4/leads/notes?filter[entity_id][]=" + LEAD_A).json();
    assertThat(note.at("/_embedded/notes/0/note_type").asText()).isEqualTo("call_out");
    assertThat(note.at("/_embedded/notes/0/params/duration").asInt()).isEqualTo(95);
  }

  @Test
  void anUnknownApiPathIsAProblem() {
    var answer = get("/api/v4/companies");
    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.contentType()).startsWith("application/problem+json");
  }
}
