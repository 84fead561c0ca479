package app.reglament.sandbox.store;

import java.time.Instant;

/**
 * A task set on an entity.
 *
 * @param entityType {@code leads} or {@code contacts}, as API v4 names them
 * @param duration seconds, 0 for a task without a duration
 * @param resultText what was written on completing it, or null
 */
public record Task(
    long id,
    String entityType,
    long entityId,
    long responsibleUserId,
    long taskTypeId,
    String text,
    long duration,
    Instant completeTill,
    boolean completed,
    String resultText,
    long createdBy,
    long updatedBy,
    Instant createdAt,
    Instant updatedAt) {

  public static final String ON_LEADS = "leads";
  public static final String ON_CONTACTS = "contacts";

  public boolean onLead(long leadId) {
    return ON_LEADS.equals(entityType) && entityId == leadId;
  }

  Task with(
      long newResponsible,
      long newType,
      String newText,
      long newDuration,
      Instant newCompleteTill,
      boolean newCompleted,
      String newResult,
      long by,
      Instant at) {
    return new Task(
        id,
        entityType,
        entityId,
        newResponsible,
        newType,
        newText,
        newDuration,
        newCompleteTill,
        newCompleted,
        newResult,
        createdBy,
        by,
        createdAt,
        at);
  }
}
