package app.reglament.amo.api.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * {@code GET /api/v4/leads/notes}. {@code params} depends on {@code noteType} ({@code text} of a
 * common note; {@code duration}, {@code phone}, {@code link} of a call) and stays raw JSON.
 */
public record Note(
    long id,
    long entityId,
    String noteType,
    JsonNode params,
    Long createdBy,
    Long updatedBy,
    Instant createdAt,
    Instant updatedAt,
    Long responsibleUserId,
    Long groupId,
    Long accountId) {}
