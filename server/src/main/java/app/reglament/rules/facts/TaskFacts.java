package app.reglament.rules.facts;

import java.time.Instant;

/**
 * A task on the deal.
 *
 * @param completedAt when it was completed (the {@code task_completed} event, else its last
 *     update); null while open
 * @param previousResult the result of the same responsible manager's previous completed task (by
 *     completion time, on any deal), for the "pasted again" check; null when there is none
 */
public record TaskFacts(
    long taskId,
    Long responsibleUserId,
    Long taskTypeId,
    String text,
    Instant completeTill,
    boolean completed,
    String result,
    Instant createdAt,
    Instant completedAt,
    String previousResult) {}
