package app.reglament.rules.facts;

/**
 * A won or lost deal as the lead-dumping signal sees it.
 *
 * @param userId the deal's responsible manager
 * @param lostFromStatusId the stage the deal was lost from (null when won or unknown)
 * @param middleStage the stage it was lost from is neither the first nor the last regular stage
 * @param withoutReason lost with no loss reason
 * @param contactAttempts outgoing contacts before the loss
 * @param closedAt when it was won or lost
 */
public record ClosedDeal(
    long leadId,
    Long userId,
    boolean lost,
    Long lostFromStatusId,
    boolean middleStage,
    boolean withoutReason,
    int contactAttempts,
    java.time.Instant closedAt) {}
