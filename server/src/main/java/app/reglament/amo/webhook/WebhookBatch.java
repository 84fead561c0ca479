package app.reglament.amo.webhook;

import java.util.List;
import java.util.Optional;

/**
 * One webhook body: the account that sent it ({@code account[id]}, {@code account[subdomain]}), its
 * entries in body order, and the entries that were left out with the reason.
 */
public record WebhookBatch(
    long accountId,
    Optional<String> subdomain,
    List<WebhookEvent> events,
    List<SkippedEntry> skipped) {

  public WebhookBatch {
    events = List.copyOf(events);
    skipped = List.copyOf(skipped);
  }

  /** What the worker must re-read through API v4. */
  public TouchedEntities touched() {
    return TouchedEntities.of(events);
  }
}
