package app.reglament.sandbox.store;

import java.time.Instant;
import java.util.List;

/**
 * A webhook subscription: amoCRM keeps at most one per destination.
 *
 * @param settings event codes: {@code add_lead}, {@code update_lead}, {@code status_lead}, …
 */
public record Webhook(
    long id,
    String destination,
    List<String> settings,
    int sort,
    boolean disabled,
    long createdBy,
    Instant createdAt,
    Instant updatedAt) {

  public Webhook {
    settings = List.copyOf(settings);
  }

  public boolean wants(String eventCode) {
    return !disabled && settings.contains(eventCode);
  }
}
