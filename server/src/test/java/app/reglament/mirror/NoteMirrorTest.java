package app.reglament.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import app.reglament.testing.DatabaseTest;
import app.reglament.testing.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Map;

class NoteMirrorTest {
  private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

  static Rows.Note callIn(long id, long leadId, Integer duration, Instant updatedAt) {
    return new Rows.Note(id, leadId, "call_in", null, duration, 0L, T0, updatedAt);
  }

  static Rows.Note comment(long id, long leadId, String text, Instant at) {
    return new Rows.Note(id, leadId, "common", text, null, 100L, at, at);
  }

  static Rows.Communication call(String key, String direction, long leadId, Long noteId) {
    return new Rows.Communication(
        key, "call", direction, false, "lead", leadId, leadId, 0L, T0, noteId);
  }

  @DatabaseTest
  void a_deals_notes_come_back_oldest_first_and_a_repeated_read_changes_nothing(TestDatabase db) {
    var notes = new NoteMirror(db.dsl());
    Rows.Note later = comment(2, 10, "Клиент ушёл к конкуренту", T0.plusSeconds(60));
    Rows.Note earlier = callIn(1, 10, 45, T0);

    notes.upsert(1L, List.of(later, earlier));
    notes.upsert(1L, List.of(later, earlier));

    assertThat(notes.notesOf(1L, 10)).containsExactly(earlier, later);
    assertThat(notes.notesPerLead(1L)).isEqualTo(Map.of(10L, 2));
    assertThat(notes.notesOf(2L, 10)).as("another account's").isEmpty();
  }

  @DatabaseTest
  void a_read_older_than_the_mirror_does_not_overwrite_a_note(TestDatabase db) {
    var notes = new NoteMirror(db.dsl());
    notes.upsert(1L, List.of(callIn(1, 10, 45, T0.plusSeconds(60))));

    notes.upsert(1L, List.of(callIn(1, 10, 0, T0)));

    assertThat(notes.notesOf(1L, 10)).extracting(Rows.Note::duration).containsExactly(45);
  }

  @DatabaseTest
  void an_incoming_call_is_missed_when_its_note_lasted_0_seconds_whichever_arrives_first(
      TestDatabase db) {
    var deals = new DealMirror(db.dsl());
    var notes = new NoteMirror(db.dsl());

    deals.recordCommunications(1L, List.of(call("event:a", "in", 10, 1L)));
    assertThat(deals.missedCallsPerLead(1L)).as("the note is not known yet").isEmpty();
    notes.upsert(1L, List.of(callIn(1, 10, 0, T0)));
    assertThat(deals.missedCallsPerLead(1L)).isEqualTo(Map.of(10L, 1));

    notes.upsert(1L, List.of(callIn(2, 11, 0, T0)));
    deals.recordCommunications(1L, List.of(call("event:b", "in", 11, 2L)));
    deals.recordCommunications(1L, List.of(call("event:b", "in", 11, 2L)));
    assertThat(deals.missedCallsPerLead(1L)).isEqualTo(Map.of(10L, 1, 11L, 1));
  }

  @DatabaseTest
  void answered_and_outgoing_calls_are_not_missed_and_a_corrected_duration_is_followed(
      TestDatabase db) {
    var deals = new DealMirror(db.dsl());
    var notes = new NoteMirror(db.dsl());
    notes.upsert(
        1L,
        List.of(
            callIn(1, 10, 95, T0),
            new Rows.Note(2, 10, "call_out", null, 0, 100L, T0, T0),
            callIn(3, 10, 0, T0)));
    deals.recordCommunications(
        1L,
        List.of(
            call("event:a", "in", 10, 1L),
            call("event:b", "out", 10, 2L),
            call("event:c", "in", 10, 3L)));
    assertThat(deals.missedCallsPerLead(1L)).isEqualTo(Map.of(10L, 1));

    notes.upsert(1L, List.of(callIn(3, 10, 30, T0.plusSeconds(60))));

    assertThat(deals.missedCallsPerLead(1L)).isEmpty();
  }

  @DatabaseTest
  void a_note_settles_only_its_own_accounts_calls(TestDatabase db) {
    var deals = new DealMirror(db.dsl());
    var notes = new NoteMirror(db.dsl());
    deals.recordCommunications(1L, List.of(call("event:a", "in", 10, 1L)));
    deals.recordCommunications(2L, List.of(call("event:a", "in", 10, 1L)));

    notes.upsert(2L, List.of(callIn(1, 10, 0, T0)));

    assertThat(deals.missedCallsPerLead(1L)).isEmpty();
    assertThat(deals.missedCallsPerLead(2L)).isEqualTo(Map.of(10L, 1));
  }
}
