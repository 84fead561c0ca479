package app.reglament.amo.api.model;

import java.time.Instant;

/** A change to one task for {@code PATCH /api/v4/tasks}; fields left null are not touched. */
public record TaskUpdate(
    long id,
    String text,
    Instant completeTill,
    Boolean isCompleted,
    Long responsibleUserId,
    Long taskTypeId,
    Task.Result result) {

  public static TaskUpdate of(long id) {
    return new TaskUpdate(id, null, null, null, null, null, null);
  }

  public TaskUpdate withText(String value) {
    return new TaskUpdate(
        id, value, completeTill, isCompleted, responsibleUserId, taskTypeId, result);
  }

  public TaskUpdate withCompleteTill(Instant value) {
    return new TaskUpdate(id, text, value, isCompleted, responsibleUserId, taskTypeId, result);
  }

  public TaskUpdate withResponsibleUser(long userId) {
    return new TaskUpdate(id, text, completeTill, isCompleted, userId, taskTypeId, result);
  }

  /** Completes the task with this result text. */
  public TaskUpdate completed(String resultText) {
    return new TaskUpdate(
        id, text, completeTill, true, responsibleUserId, taskTypeId, new Task.Result(resultText));
  }

  /** Opens a completed task again (a junk result is sent back for a real one). */
  public TaskUpdate reopened() {
    return new TaskUpdate(id, text, completeTill, false, responsibleUserId, taskTypeId, result);
  }
}
