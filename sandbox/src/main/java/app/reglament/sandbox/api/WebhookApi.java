package app.reglament.sandbox.api;

import app.reglament.sandbox.store.InvalidChangeException;
import app.reglament.sandbox.store.Store;
import app.reglament.sandbox.store.Webhook;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /api/v4/webhooks}: list ({@code filter[destination]}), subscribe (one subscription per
 * destination: subscribing again replaces its settings), unsubscribe ({@code {"destination"}}).
 */
final class WebhookApi {
  private final Store store;
  private final Hal hal;

  WebhookApi(Store store, Hal hal) {
    this.store = store;
    this.hal = hal;
  }

  void list(Context ctx) {
    String destination = Params.of(ctx).one("filter[destination]").orElse(null);
    Render render = Routes.render(ctx, store, hal);
    hal.whole(
        ctx,
        "webhooks",
        store.webhooks().stream()
            .filter(w -> destination == null || w.destination().equals(destination))
            .map(w -> ActivityViews.webhook(render, w))
            .toList());
  }

  void subscribe(Context ctx) throws JsonProcessingException {
    JsonNode body = Bodies.object(hal.json(), ctx);
    List<String> settings = new ArrayList<>();
    body.path("settings").forEach(s -> settings.add(s.asText()));
    try {
      Webhook webhook =
          store.subscribe(
              body.path("destination").asText(null),
              settings,
              body.path("sort").asInt(0),
              ApiGuard.userId(ctx));
      hal.ok(ctx, ActivityViews.webhook(Routes.render(ctx, store, hal), webhook));
    } catch (InvalidChangeException e) {
      throw new ValidationProblem(e.violations(), List.of("0"));
    }
  }

  void unsubscribe(Context ctx) throws JsonProcessingException {
    String destination = Bodies.object(hal.json(), ctx).path("destination").asText("");
    if (!store.unsubscribe(destination)) {
      throw ApiProblem.notFound("No webhook delivers to " + destination);
    }
    ctx.status(204);
  }
}
