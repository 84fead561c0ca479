package app.reglament.sandbox.store;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Adds notes to deals and the communications that go with them: a call note is how amoCRM's log
 * gets an {@code incoming_call} / {@code outgoing_call} event, so the two are made together.
 */
final class NoteWriter {
  private NoteWriter() {}

  static List<Note> add(Write write, List<NewNote> input) {
    List<Violation> violations = new ArrayList<>();
    for (int i = 0; i < input.size(); i++) {
      check(write.state, input.get(i), i, violations);
    }
    if (!violations.isEmpty()) {
      throw new InvalidChangeException(violations);
    }
    List<Note> added = new ArrayList<>();
    for (NewNote in : input) {
      Note note =
          new Note(
              write.state.newNoteId(),
              in.leadId(),
              in.noteType(),
              in.params(),
              write.actingUser(),
              write.by,
              write.by,
              write.at,
              write.at);
      write.state.notes.put(note.id(), note);
      NoteTypes.eventType(note.noteType())
          .ifPresent(
              type ->
                  write.event(
                      type,
                      EventTypes.ENTITY_LEAD,
                      note.leadId(),
                      EventValues.none(),
                      EventValues.note(note.id())));
      write.changes.add(new Change.NoteAdded(note));
      added.add(note);
    }
    return added;
  }

  private static void check(StoreState state, NewNote in, int index, List<Violation> out) {
    Lead lead = state.leads.get(in.leadId());
    if (lead == null || lead.deleted()) {
      out.add(
          new Violation(
              index, Violation.NOT_FOUND, "entity_id", "There is no deal " + in.leadId()));
    }
    if (!NoteTypes.ALL.contains(in.noteType())) {
      out.add(
          new Violation(
              index,
              Violation.NOT_SUPPORTED_CHOICE,
              "note_type",
              "Note type " + in.noteType() + " is not one of " + NoteTypes.ALL));
    } else if (needsText(in.noteType()) && isBlank(in.params().get("text"))) {
      out.add(
          new Violation(
              index, Violation.FIELD_MISSING, "params.text", "A " + in.noteType() + " needs text"));
    }
  }

  /**
   * A chat message or mail: only an event, as amoCRM's log has them (their bodies live in the chat
   * and mail services, not in notes).
   */
  static Event message(Write write, long leadId, String type) {
    Lead lead = write.state.leads.get(leadId);
    if (lead == null || lead.deleted()) {
      throw InvalidChangeException.of(0, Violation.NOT_FOUND, "entity_id", "No deal " + leadId);
    }
    // Message ids are UUIDs in amoCRM; a name-based one keeps seeded runs reproducible.
    String messageId =
        UUID.nameUUIDFromBytes((leadId + ":" + write.state.events.size()).getBytes(UTF_8))
            .toString();
    return write.event(
        type, EventTypes.ENTITY_LEAD, leadId, EventValues.none(), EventValues.message(messageId));
  }

  private static boolean needsText(String noteType) {
    return NoteTypes.COMMON.equals(noteType) || NoteTypes.SERVICE_MESSAGE.equals(noteType);
  }

  private static boolean isBlank(Object text) {
    return text == null || text.toString().isBlank();
  }
}
