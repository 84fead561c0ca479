package app.reglament.sandbox.api;

import static app.reglament.sandbox.testing.TinyScenario.*;
import static org.assertj.core.api.Assertions.assertThat;

import app.reglament.sandbox.testing.Http;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TasksApiTest extends ApiTestBase {

  @Test
  void createsCompletesAndFiltersTasks() {
    long due = clock.instant().plus(Duration.ofMinutes(15)).getEpochSecond();
    Http.Answer created =
        http.post(
            "/api/v4/tasks",
            token,
            "[{\"text\":\"Связаться с клиентом\",\"complete_till\":"
                + due
                + ",\"entity_id\":"
                + LEAD_B
                + ",\"entity_type\":\"leads\",\"task_type_id\":1}]");
    assertThat(created.status()).isEqualTo(200);
    long id = created.json().at("/_embedded/tasks/0/id").asLong();
    JsonNode task = get("/api/v4/tasks/" + id).json();
    assertThat(task.get("responsible_user_id").asLong()).isEqualTo(PAVEL);

    clock.advance(Duration.ofMinutes(5));
    Http.Answer completed =
        http.patch(
            "/api/v4/tasks",
            token,
            "[{\"id\":" + id + ",\"is_completed\":true,\"result\":{\"text\":\"Перезвоню\"}}]");
    assertThat(completed.status()).isEqualTo(200);

    JsonNode done = get("/api/v4/tasks?filter[is_completed]=1").json().at("/_embedded/tasks");
    assertThat(done).hasSize(1);
    assertThat(done.at("/0/result/text").asText()).isEqualTo("Перезвоню");
    JsonNode open = get("/api/v4/tasks?filter[is_completed]=0").json().at("/_embedded/tasks");
    assertThat(open.at("/0/id").asLong()).isEqualTo(TASK);
    long since = clock.instant().getEpochSecond();
    assertThat(
            get("/api/v4/tasks?filter[updated_at][from]=" + since)
                .json()
                .at("/_embedded/tasks/0/id")
                .asLong())
        .isEqualTo(id);
  }

  @Test
  void aTaskOnAMissingDealIsRefused() {
    Http.Answer answer =
        http.post(
            "/api/v4/tasks",
            token,
            "[{\"text\":\"x\",\"complete_till\":1,\"entity_id\":9,\"entity_type\":\"leads\"}]");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().at("/validation-errors/0/errors/0/path").asText())
        .isEqualTo("entity_id");
  }

  @Test
  void notesCanBeAddedAndReadBack() {
    Http.Answer added =
        http.post(
            "/api/v4/leads/notes",
            token,
            "[{\"entity_id\":"
                + LEAD_B
                + ",\"note_type\":\"common\",\"params\":{\"text\":\"Клиент думает\"}}]");
    assertThat(added.status()).isEqualTo(200);
    JsonNode notes = get("/api/v4/leads/" + LEAD_B + "/notes").json().at("/_embedded/notes");
    assertThat(notes).hasSize(1);
    assertThat(notes.at("/0/params/text").asText()).isEqualTo("Клиент думает");
    assertThat(get("/api/v4/events?filter[type]=common_note_added").status()).isEqualTo(200);
  }
}
