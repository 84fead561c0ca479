package app.reglament.outbox;

import app.reglament.amo.api.AmoJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/**
 * How an {@link Action} is stored in {@code action_outbox}: its kind in its own column, its fields
 * as JSON in amoCRM's dialect (snake_case, Unix seconds), so that a payload reads like the request
 * it becomes.
 */
final class ActionCodec {
  private static final ObjectMapper JSON = AmoJson.mapper();
  private static final Map<String, Class<? extends Action>> KINDS =
      Map.of(
          Action.UpdateLead.KIND, Action.UpdateLead.class,
          Action.CreateTask.KIND, Action.CreateTask.class,
          Action.UpdateTask.KIND, Action.UpdateTask.class,
          Action.AddNote.KIND, Action.AddNote.class,
          Action.SetRequiredStatuses.KIND, Action.SetRequiredStatuses.class);

  private ActionCodec() {}

  static String payload(Action action) {
    try {
      return JSON.writeValueAsString(action);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("The action " + action.kind() + " is not JSON", e);
    }
  }

  static Action read(String kind, String payload) {
    Class<? extends Action> type = KINDS.get(kind);
    if (type == null) {
      throw new IllegalArgumentException("Unknown action kind " + kind);
    }
    try {
      return JSON.readValue(payload, type);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("The stored " + kind + " action is not readable", e);
    }
  }

  /**
   * What the action changes in amoCRM, when it changes something that exists: two changes of one
   * entity must reach amoCRM in the order they were queued, never side by side in one batch.
   */
  static Long entityId(Action action) {
    if (action instanceof Action.UpdateLead a) {
      return a.update().id();
    }
    if (action instanceof Action.UpdateTask a) {
      return a.update().id();
    }
    if (action instanceof Action.SetRequiredStatuses a) {
      return a.fieldId();
    }
    return null; // a task or a note being created
  }

  /** The deal the action is about, when the automation did not say. */
  static Long leadOf(Action action) {
    if (action instanceof Action.UpdateLead a) {
      return a.update().id();
    }
    if (action instanceof Action.CreateTask a) {
      return "leads".equals(a.task().entityType()) ? a.task().entityId() : null;
    }
    if (action instanceof Action.AddNote a) {
      return a.note().entityId();
    }
    return null;
  }
}
