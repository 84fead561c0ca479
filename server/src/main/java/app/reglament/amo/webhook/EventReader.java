package app.reglament.amo.webhook;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Turns the {@code {entity}[{action}][{i}][…]} part of a webhook into events. An entry without a
 * usable id is skipped with its reason; an entity or action Reglament does not know becomes an
 * {@link OtherEvent}. Neither fails the batch.
 */
final class EventReader {

  /** How to read one known entity: the actions it has, its id field, the event it makes. */
  private record Kind(Set<Action> actions, String idKey, Maker maker) {}

  private interface Maker {
    WebhookEvent make(Action action, long id, Entry entry);
  }

  private static final Set<Action> CRM_ACTIONS =
      EnumSet.of(Action.ADD, Action.UPDATE, Action.DELETE, Action.RESTORE, Action.RESPONSIBLE);

  private static final Map<String, Kind> KINDS =
      Map.of(
          "leads",
          new Kind(
              EnumSet.of(
                  Action.ADD,
                  Action.UPDATE,
                  Action.DELETE,
                  Action.RESTORE,
                  Action.STATUS,
                  Action.RESPONSIBLE),
              "id",
              EntryEvents::lead),
          "contacts",
          new Kind(CRM_ACTIONS, "id", EntryEvents::contact),
          "companies",
          new Kind(CRM_ACTIONS, "id", EntryEvents::company),
          "tasks",
          new Kind(EnumSet.of(Action.ADD, Action.UPDATE, Action.DELETE), "id", EntryEvents::task),
          "talk",
          new Kind(EnumSet.of(Action.ADD, Action.UPDATE), "talk_id", EntryEvents::talk));

  /** {@code leads[note]} and its siblings: notes arrive under the entity they are on. */
  private static final Map<String, EntityKind> NOTE_PARENTS =
      Map.of(
          "leads",
          EntityKind.LEAD,
          "contacts",
          EntityKind.CONTACT,
          "companies",
          EntityKind.COMPANY);

  private final List<WebhookEvent> events = new ArrayList<>();
  private final List<SkippedEntry> skipped = new ArrayList<>();

  List<WebhookEvent> events() {
    return events;
  }

  List<SkippedEntry> skipped() {
    return skipped;
  }

  /** Reads everything under one top-level key such as {@code leads}. */
  void read(String entity, FormNode node) {
    if (!(node instanceof FormNode.Group actions)) {
      skip(entity, "a plain value where actions were expected");
      return;
    }
    actions
        .children()
        .forEach(
            (action, entries) -> {
              String where = entity + "[" + action + "]";
              if (!(entries instanceof FormNode.Group list)) {
                skip(where, "a plain value where a list of entries was expected");
                return;
              }
              list.children()
                  .forEach(
                      (index, fields) -> {
                        String at = where + "[" + index + "]";
                        if (fields instanceof FormNode.Group group) {
                          entry(entity, action, at, new Entry(group));
                        } else {
                          skip(at, "a plain value where an entry's fields were expected");
                        }
                      });
            });
  }

  private void entry(String entity, String wireAction, String where, Entry entry) {
    Action action = Action.fromWire(wireAction);
    EntityKind noteParent = NOTE_PARENTS.get(entity);
    Kind kind = KINDS.get(entity);
    if (action == Action.NOTE && noteParent != null) {
      note(noteParent, where, entry);
    } else if (entity.equals("message") && action == Action.ADD) {
      message(action, where, entry);
    } else if (kind != null && kind.actions().contains(action)) {
      OptionalLong id = entry.id(kind.idKey());
      if (id.isPresent()) {
        events.add(kind.maker().make(action, id.getAsLong(), entry));
      } else {
        skip(where, entry.whyNoId(kind.idKey()));
      }
    } else {
      events.add(new OtherEvent(entity, wireAction, entry.flatten()));
    }
  }

  /**
   * A note, in amoCRM's nesting {@code leads[note][0][note][…]} or flat {@code leads[note][0][…]}:
   * the exact payload is unconfirmed, so both are read. The parent's kind comes from the top-level
   * key, its id from {@code element_id}.
   */
  private void note(EntityKind parentKind, String where, Entry outer) {
    Entry note = outer.entry("note").orElse(outer);
    OptionalLong parentId = note.id("element_id");
    if (parentId.isEmpty()) {
      skip(where, "the note does not say what it is on: " + note.whyNoId("element_id"));
      return;
    }
    events.add(EntryEvents.note(new EntityRef(parentKind, parentId.getAsLong()), note));
  }

  /** Chat messages are named by a UUID, not a number. */
  private void message(Action action, String where, Entry entry) {
    Optional<String> id = entry.text("id").filter(value -> !value.isBlank());
    if (id.isEmpty()) {
      skip(where, "it has no id");
      return;
    }
    events.add(EntryEvents.message(action, id.get(), entry));
  }

  private void skip(String where, String reason) {
    skipped.add(new SkippedEntry(Quote.clip(where), reason));
  }
}
