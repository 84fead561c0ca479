package app.reglament.amo.webhook;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/** The field-by-field mapping of webhook entries (API v2 names) onto events. */
final class EntryEvents {
  private EntryEvents() {}

  static LeadEvent lead(Action action, long id, Entry entry) {
    return new LeadEvent(
        action,
        id,
        entry.number("status_id"),
        entry.number("pipeline_id"),
        entry.number("old_status_id"),
        entry.number("old_pipeline_id"),
        entry.number("responsible_user_id"),
        entry.number("old_responsible_user_id"),
        entry.number("modified_user_id"),
        entry.text("name"),
        modified(entry),
        CustomFields.read(entry));
  }

  static ContactEvent contact(Action action, long id, Entry entry) {
    return new ContactEvent(
        action,
        id,
        entry.number("responsible_user_id"),
        entry.number("modified_user_id"),
        modified(entry));
  }

  static CompanyEvent company(Action action, long id, Entry entry) {
    return new CompanyEvent(
        action,
        id,
        entry.number("responsible_user_id"),
        entry.number("modified_user_id"),
        modified(entry));
  }

  static TaskEvent task(Action action, long id, Entry entry) {
    // v2 marks a closed task with status=1; other payloads use is_completed or action_close.
    Optional<Boolean> completed =
        entry
            .flag("status")
            .or(() -> entry.flag("is_completed"))
            .or(() -> entry.flag("action_close"));
    Optional<String> result =
        entry.text("result").or(() -> entry.entry("result").flatMap(r -> r.text("text")));
    return new TaskEvent(
        action,
        id,
        reference(entry, "element_id", "element_type")
            .or(() -> reference(entry, "entity_id", "entity_type")),
        entry.number("responsible_user_id"),
        entry.text("text"),
        entry.time("complete_till"),
        completed,
        result);
  }

  static NoteEvent note(EntityRef parent, Entry note) {
    return new NoteEvent(
        note.id("id"),
        parent,
        note.number("note_type").isPresent() ? note.number("note_type") : note.number("type"),
        note.text("text"));
  }

  static MessageEvent message(Action action, String id, Entry entry) {
    return new MessageEvent(
        action,
        id,
        entry.text("chat_id"),
        entry.id("talk_id"),
        entry.id("contact_id"),
        conversationEntity(entry),
        entry.text("type"),
        entry.time("created_at"));
  }

  static TalkEvent talk(Action action, long id, Entry entry) {
    return new TalkEvent(
        action,
        id,
        entry.text("chat_id"),
        entry.id("contact_id"),
        conversationEntity(entry),
        entry.time("updated_at").or(() -> entry.time("created_at")));
  }

  /** When the entity last changed: v4-style updated_at, else v2's last_modified. */
  private static Optional<Instant> modified(Entry entry) {
    return entry.time("updated_at").or(() -> entry.time("last_modified"));
  }

  private static Optional<EntityRef> conversationEntity(Entry entry) {
    return reference(entry, "entity_id", "entity_type")
        .or(() -> reference(entry, "element_id", "element_type"));
  }

  private static Optional<EntityRef> reference(Entry entry, String idKey, String typeKey) {
    OptionalLong id = entry.id(idKey);
    return id.isPresent()
        ? Optional.of(EntityRef.of(entry.text(typeKey).orElse(""), id.getAsLong()))
        : Optional.empty();
  }
}
