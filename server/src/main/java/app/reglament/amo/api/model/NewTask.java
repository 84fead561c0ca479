package app.reglament.amo.api.model;

import java.time.Duration;
import java.time.Instant;

/** A task to create with {@code POST /api/v4/tasks}; null fields are left to amoCRM. */
public record NewTask(
    String text,
    Instant completeTill,
    Long taskTypeId,
    Long responsibleUserId,
    Long entityId,
    String entityType,
    Long duration) {

  public static final String LEADS = "leads";

  /** A task on a lead, due at {@code completeTill}. */
  public static NewTask forLead(long leadId, String text, Instant completeTill) {
    return new NewTask(text, completeTill, null, null, leadId, LEADS, null);
  }

  /** 1 = follow-up ("call"), 2 = meeting, or one of the account's own types. */
  public NewTask withTaskType(long typeId) {
    return new NewTask(
        text, completeTill, typeId, responsibleUserId, entityId, entityType, duration);
  }

  public NewTask withResponsibleUser(long userId) {
    return new NewTask(text, completeTill, taskTypeId, userId, entityId, entityType, duration);
  }

  public NewTask withDuration(Duration value) {
    return new NewTask(
        text, completeTill, taskTypeId, responsibleUserId, entityId, entityType, value.toSeconds());
  }
}
