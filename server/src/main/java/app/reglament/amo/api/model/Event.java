package app.reglament.amo.api.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * {@code GET /api/v4/events}. The id is a string in amoCRM. {@code valueBefore} and {@code
 * valueAfter} are arrays whose shape depends on {@code type} (e.g. {@code [{"lead_status":{"id",
 * "pipeline_id"}}]} for {@code lead_status_changed}) and stay raw JSON.
 */
public record Event(
    String id,
    String type,
    Long entityId,
    String entityType,
    Long createdBy,
    Instant createdAt,
    JsonNode valueBefore,
    JsonNode valueAfter,
    Long accountId) {}
