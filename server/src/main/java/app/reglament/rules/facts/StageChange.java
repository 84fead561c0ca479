package app.reglament.rules.facts;

import java.time.Instant;

/** A deal's move into a stage. */
public record StageChange(
    long pipelineId,
    long statusId,
    Long oldPipelineId,
    Long oldStatusId,
    Long changedBy,
    Instant at) {}
