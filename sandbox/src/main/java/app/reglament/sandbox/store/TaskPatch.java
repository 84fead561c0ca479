package app.reglament.sandbox.store;

import java.time.Instant;

/**
 * A change to one task; null components are left as they are. Completing with a result is {@code
 * completed=true} plus {@code resultText}; {@code completed=false} opens a completed task again.
 */
public record TaskPatch(
    long id,
    String text,
    Instant completeTill,
    Long taskTypeId,
    Long responsibleUserId,
    Long duration,
    Boolean completed,
    String resultText) {

  public static TaskPatch of(long id) {
    return new TaskPatch(id, null, null, null, null, null, null, null);
  }

  public TaskPatch completedWith(String result) {
    return new TaskPatch(
        id, text, completeTill, taskTypeId, responsibleUserId, duration, true, result);
  }

  public TaskPatch reopened() {
    return new TaskPatch(
        id, text, completeTill, taskTypeId, responsibleUserId, duration, false, resultText);
  }

  public TaskPatch withText(String value) {
    return new TaskPatch(
        id, value, completeTill, taskTypeId, responsibleUserId, duration, completed, resultText);
  }

  public TaskPatch withCompleteTill(Instant value) {
    return new TaskPatch(
        id, text, value, taskTypeId, responsibleUserId, duration, completed, resultText);
  }

  public TaskPatch withResponsible(long userId) {
    return new TaskPatch(
        id, text, completeTill, taskTypeId, userId, duration, completed, resultText);
  }
}
