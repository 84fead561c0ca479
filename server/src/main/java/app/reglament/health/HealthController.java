package app.reglament.health;

import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** GET /health (liveness + database) and GET /metrics (Prometheus text). */
public final class HealthController {
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final HealthService health;
  private final PrometheusMeterRegistry metrics;

  public HealthController(HealthService health, PrometheusMeterRegistry metrics) {
    this.health = health;
    this.metrics = metrics;
  }

  public void health(Context ctx) {
    HealthService.Health result = health.check();
    ctx.status(result.up() ? 200 : 503).json(result);
  }

  public void metrics(Context ctx) {
    ctx.contentType(PROMETHEUS_TEXT).result(metrics.scrape());
  }
}
