package app.reglament.sandbox.api;

import app.reglament.sandbox.store.Event;
import app.reglament.sandbox.store.EventTypes;
import app.reglament.sandbox.store.Note;
import app.reglament.sandbox.store.Task;
import app.reglament.sandbox.store.Webhook;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Tasks, notes, events and webhooks in amoCRM's shapes. */
final class ActivityViews {
  private ActivityViews() {}

  static ObjectNode task(Render r, Task t) {
    ObjectNode node = r.object();
    node.put("id", t.id());
    node.put("created_by", t.createdBy());
    node.put("updated_by", t.updatedBy());
    Render.time(node, "created_at", t.createdAt());
    Render.time(node, "updated_at", t.updatedAt());
    node.put("responsible_user_id", t.responsibleUserId());
    node.put("group_id", r.groupOf(t.responsibleUserId()));
    node.put("entity_id", t.entityId());
    node.put("entity_type", t.entityType());
    node.put("duration", t.duration());
    node.put("is_completed", t.completed());
    node.put("task_type_id", t.taskTypeId());
    node.put("text", t.text());
    // amoCRM's PHP side encodes "no result" as an empty array, not null or {}: readers must cope.
    if (t.resultText() == null) {
      node.putArray("result");
    } else {
      node.putObject("result").put("text", t.resultText());
    }
    Render.time(node, "complete_till", t.completeTill());
    node.put("account_id", r.accountId());
    node.set("_links", r.links("/api/v4/tasks/" + t.id()));
    return node;
  }

  static ObjectNode note(Render r, Note n) {
    ObjectNode node = r.object();
    node.put("id", n.id());
    node.put("entity_id", n.leadId());
    node.put("created_by", n.createdBy());
    node.put("updated_by", n.updatedBy());
    Render.time(node, "created_at", n.createdAt());
    Render.time(node, "updated_at", n.updatedAt());
    node.put("responsible_user_id", n.responsibleUserId());
    node.put("group_id", r.groupOf(n.responsibleUserId()));
    node.put("note_type", n.noteType());
    node.set("params", r.json().valueToTree(n.params()));
    node.put("account_id", r.accountId());
    node.set("_links", r.links("/api/v4/leads/" + n.leadId() + "/notes/" + n.id()));
    return node;
  }

  static ObjectNode event(Render r, Event e) {
    ObjectNode node = r.object();
    node.put("id", e.id());
    node.put("type", e.type());
    node.put("entity_id", e.entityId());
    node.put("entity_type", e.entityType());
    node.put("created_by", e.createdBy());
    Render.time(node, "created_at", e.createdAt());
    node.set("value_after", r.json().valueToTree(e.valueAfter()));
    node.set("value_before", r.json().valueToTree(e.valueBefore()));
    node.put("account_id", r.accountId());
    node.set("_links", r.links("/api/v4/events/" + e.id()));
    ObjectNode entity = node.putObject("_embedded").putObject("entity");
    entity.put("id", e.entityId());
    entity.set("_links", r.links(entityPath(e)));
    return node;
  }

  private static String entityPath(Event e) {
    return switch (e.entityType()) {
      case EventTypes.ENTITY_CONTACT -> "/api/v4/contacts/" + e.entityId();
      case EventTypes.ENTITY_TASK -> "/api/v4/tasks/" + e.entityId();
      default -> "/api/v4/leads/" + e.entityId();
    };
  }

  static ObjectNode webhook(Render r, Webhook w) {
    ObjectNode node = r.object();
    node.put("id", w.id());
    node.put("destination", w.destination());
    Render.time(node, "created_at", w.createdAt());
    Render.time(node, "updated_at", w.updatedAt());
    node.put("account_id", r.accountId());
    node.put("created_by", w.createdBy());
    node.put("sort", w.sort());
    node.put("disabled", w.disabled());
    ArrayNode settings = node.putArray("settings");
    w.settings().forEach(settings::add);
    return node;
  }
}
