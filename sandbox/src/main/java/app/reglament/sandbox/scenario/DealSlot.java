package app.reglament.sandbox.scenario;

/**
 * One deal before it is lived: whose it is, in which pipeline, how it ends, and what is special
 * about it.
 *
 * @param stage OPEN: the stage index it is in at now (0 = incoming); LOST: the stage it is lost
 *     from; WON: the last regular stage
 * @param early created in the first hours of the history, so every manager has work on day one
 */
record DealSlot(
    int index,
    long managerId,
    long pipelineId,
    Outcome outcome,
    int stage,
    Plan plan,
    int variant,
    boolean early) {

  enum Outcome {
    WON,
    LOST,
    OPEN
  }

  DealSlot withPlan(Plan newPlan, int newStage, int newVariant) {
    return new DealSlot(
        index, managerId, pipelineId, outcome, newStage, newPlan, newVariant, early);
  }

  DealSlot withStage(int newStage) {
    return new DealSlot(index, managerId, pipelineId, outcome, newStage, plan, variant, early);
  }

  boolean has(Plan candidate) {
    return plan == candidate;
  }
}
