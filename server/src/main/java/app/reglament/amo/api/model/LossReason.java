package app.reglament.amo.api.model;

import java.time.Instant;

/** {@code GET /api/v4/leads/loss_reasons}, also embedded in a lead with {@code loss_reason}. */
public record LossReason(
    long id, String name, Integer sort, Instant createdAt, Instant updatedAt) {}
