package app.reglament.sync;

import static org.assertj.core.api.Assertions.assertThat;

import app.reglament.amo.api.model.Event;
import app.reglament.amo.api.model.Note;
import app.reglament.mirror.ActivityMirror;
import app.reglament.mirror.Rows;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MappingTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant AT = Instant.parse("2026-11-30T10:15:42Z");

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  private static Note note(String type, String params) throws Exception {
    return new Note(71, 10, type, json(params), 100L, 100L, AT, AT, 100L, 0L, 1L);
  }

  private static Event event(String type, String entityType, Long by, String after)
      throws Exception {
    return new Event("ev-1", type, 10L, entityType, by, AT, json("[]"), json(after), 1L);
  }

  @Test
  void a_call_note_keeps_its_duration_and_a_comment_its_text() throws Exception {
    assertThat(Mapping.note(note("call_in", "{\"duration\":0,\"phone\":\"+7900\"}")))
        .isEqualTo(new Rows.Note(71, 10, "call_in", null, 0, 100L, AT, AT));
    assertThat(Mapping.note(note("call_out", "{\"duration\":\"95\"}")).duration()).isEqualTo(95);
    assertThat(Mapping.note(note("common", "{\"text\":\"Клиент ушёл\"}")))
        .isEqualTo(new Rows.Note(71, 10, "common", "Клиент ушёл", null, 100L, AT, AT));
    assertThat(
            Mapping.note(note("sms_out", "{\"text\":\"Перезвоните\",\"duration\":3}")).duration())
        .as("only a call's duration is a call length")
        .isNull();
    assertThat(Mapping.note(note("call_in", "{}")).duration()).isNull();
  }

  @Test
  void a_long_note_text_is_cut_to_its_column() throws Exception {
    String text = "а".repeat(5_000);

    assertThat(Mapping.note(note("common", "{\"text\":\"" + text + "\"}")).text())
        .hasSize(Mapping.TASK_TEXT_LENGTH);
  }

  @Test
  void a_call_event_remembers_the_note_it_points_to() throws Exception {
    Rows.Communication call =
        Mapping.communication(event("incoming_call", "lead", 0L, "[{\"note\":{\"id\":71}}]"))
            .orElseThrow();

    assertThat(call.noteId()).isEqualTo(71L);
    assertThat(call.direction()).isEqualTo("in");
    assertThat(
            Mapping.communication(event("incoming_chat_message", "lead", 100L, "[]"))
                .orElseThrow()
                .noteId())
        .isNull();
  }

  @Test
  void a_users_event_is_a_minute_of_his_activity_and_a_robots_is_nobodys() throws Exception {
    assertThat(Mapping.heartbeat(event("entity_tag_added", "lead", 100L, "[]")))
        .contains(
            new Rows.Heartbeat(
                100, Instant.parse("2026-11-30T10:15:00Z"), ActivityMirror.SOURCE_EVENT, 10L));
    assertThat(
            Mapping.heartbeat(event("task_text_changed", "task", 100L, "[]"))
                .orElseThrow()
                .leadId())
        .as("a task event names no deal")
        .isNull();
    assertThat(Mapping.heartbeat(event("lead_added", "lead", 0L, "[]"))).isEmpty();
    assertThat(Mapping.heartbeat(event("lead_added", "lead", null, "[]"))).isEmpty();
  }

  @Test
  void a_task_completed_event_gives_the_task_and_the_moment() throws Exception {
    assertThat(Mapping.taskCompletion(event("task_completed", "task", 100L, "[]")))
        .contains(Map.entry(10L, AT));
    assertThat(Mapping.taskCompletion(event("task_result_added", "task", 100L, "[]"))).isEmpty();
  }

  @Test
  void notes_added_to_deals_are_told_apart_from_other_events() throws Exception {
    assertThat(Mapping.addsLeadNote(event("common_note_added", "lead", 100L, "[]"))).isTrue();
    assertThat(Mapping.addsLeadNote(event("incoming_call", "lead", 0L, "[]"))).isTrue();
    assertThat(Mapping.addsLeadNote(event("outgoing_sms", "contact", 100L, "[]"))).isFalse();
    assertThat(Mapping.addsLeadNote(event("incoming_chat_message", "lead", 100L, "[]"))).isFalse();
  }
}
