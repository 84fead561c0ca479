package app.reglament.amo.api.model;

import java.time.Instant;

/**
 * {@code GET /api/v4/tasks}. {@code entityType} is {@code leads}, {@code contacts}, {@code
 * companies} or {@code customers}; both entity fields are null for a task on nothing.
 */
public record Task(
    long id,
    Long createdBy,
    Long updatedBy,
    Instant createdAt,
    Instant updatedAt,
    Long responsibleUserId,
    Long groupId,
    Long entityId,
    String entityType,
    boolean isCompleted,
    Long taskTypeId,
    String text,
    Long duration,
    Instant completeTill,
    Result result,
    Long accountId) {

  /** What the manager wrote on completing the task ("+" is the classic non-answer). */
  public record Result(String text) {}

  /** The result's text, or null when the task has none. */
  public String resultText() {
    return result == null ? null : result.text();
  }
}
