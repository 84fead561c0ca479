package app.reglament.sandbox.store;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Webhook subscriptions: one per destination, at most {@link WebhookCodes#MAX_WEBHOOKS}. */
final class WebhookWriter {
  private WebhookWriter() {}

  static Webhook subscribe(
      StoreState state, String destination, List<String> settings, int sort, long by, Instant now) {
    List<Violation> violations = new ArrayList<>();
    if (!isHttpUrl(destination)) {
      violations.add(
          new Violation(
              0, Violation.INVALID_TYPE, "destination", "The destination must be an http(s) URL"));
    }
    if (settings == null || settings.isEmpty()) {
      violations.add(
          new Violation(0, Violation.FIELD_MISSING, "settings", "Name at least one event"));
    } else {
      for (int i = 0; i < settings.size(); i++) {
        if (!WebhookCodes.ALL.contains(settings.get(i))) {
          violations.add(
              new Violation(
                  0,
                  Violation.NOT_SUPPORTED_CHOICE,
                  "settings." + i,
                  "Unknown webhook event " + settings.get(i)));
        }
      }
    }
    Webhook existing =
        state.webhooks.values().stream()
            .filter(w -> w.destination().equals(destination))
            .findFirst()
            .orElse(null);
    if (existing == null && state.webhooks.size() >= WebhookCodes.MAX_WEBHOOKS) {
      violations.add(
          new Violation(
              0,
              Violation.LIMIT_EXCEEDED,
              "destination",
              "An account has at most " + WebhookCodes.MAX_WEBHOOKS + " webhooks"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidChangeException(violations);
    }
    List<String> distinct = settings.stream().distinct().toList();
    Webhook webhook =
        existing == null
            ? new Webhook(state.newWebhookId(), destination, distinct, sort, false, by, now, now)
            : new Webhook(
                existing.id(),
                destination,
                distinct,
                sort,
                false,
                existing.createdBy(),
                existing.createdAt(),
                now);
    state.webhooks.put(webhook.id(), webhook);
    return webhook;
  }

  private static boolean isHttpUrl(String destination) {
    if (destination == null) {
      return false;
    }
    try {
      URI uri = URI.create(destination);
      return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
