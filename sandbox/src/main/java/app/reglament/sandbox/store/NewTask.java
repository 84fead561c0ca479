package app.reglament.sandbox.store;

import java.time.Instant;

/**
 * A task to create. Null {@code taskTypeId} is 1 (follow-up); null {@code responsibleUserId} is the
 * deal's responsible manager (the acting user for a task on a contact).
 *
 * @param entityType {@link Task#ON_LEADS} or {@link Task#ON_CONTACTS}
 */
public record NewTask(
    String entityType,
    long entityId,
    String text,
    Instant completeTill,
    Long taskTypeId,
    Long responsibleUserId,
    Long duration) {

  /** A follow-up task on a deal, for its responsible manager. */
  public static NewTask onLead(long leadId, String text, Instant completeTill) {
    return new NewTask(Task.ON_LEADS, leadId, text, completeTill, null, null, null);
  }

  public NewTask withResponsible(long userId) {
    return new NewTask(entityType, entityId, text, completeTill, taskTypeId, userId, duration);
  }

  public NewTask withType(long typeId) {
    return new NewTask(
        entityType, entityId, text, completeTill, typeId, responsibleUserId, duration);
  }
}
