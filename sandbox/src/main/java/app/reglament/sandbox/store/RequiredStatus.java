package app.reglament.sandbox.store;

/** amoCRM's native "this field is required from this stage on". */
public record RequiredStatus(long pipelineId, long statusId) {}
