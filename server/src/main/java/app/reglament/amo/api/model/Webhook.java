package app.reglament.amo.api.model;

import java.time.Instant;
import java.util.List;

/** {@code GET /api/v4/webhooks}: one subscription; {@code settings} are event codes. */
public record Webhook(
    Long id,
    String destination,
    List<String> settings,
    Integer sort,
    boolean disabled,
    Long createdBy,
    Instant createdAt,
    Instant updatedAt) {

  public Webhook {
    settings = Nulls.list(settings);
  }
}
