package app.reglament.amo.api.model;

import java.util.Map;

/** A note to add to an entity, e.g. with {@code POST /api/v4/leads/notes}. */
public record NewNote(long entityId, String noteType, Map<String, Object> params) {

  public NewNote {
    params = Map.copyOf(params);
  }

  /** A plain text note. */
  public static NewNote common(long entityId, String text) {
    return new NewNote(entityId, "common", Map.of("text", text));
  }

  /** A system note shown as coming from {@code service} (e.g. "Reglament") rather than a user. */
  public static NewNote serviceMessage(long entityId, String service, String text) {
    return new NewNote(entityId, "service_message", Map.of("service", service, "text", text));
  }
}
