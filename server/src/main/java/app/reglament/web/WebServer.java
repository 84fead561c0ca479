package app.reglament.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds Reglament's HTTP server: routes of every feature, the request id, the body-size limit,
 * request metrics and the problem+json error mapping.
 */
public final class WebServer {
  private static final Logger log = LoggerFactory.getLogger(WebServer.class);

  /** Default body limit; endpoints with tighter limits (webhooks) check their own. */
  public static final long DEFAULT_MAX_REQUEST_BYTES = 1024 * 1024;

  private WebServer() {}

  public static Javalin create(
      long maxRequestBytes,
      ObjectMapper json,
      MeterRegistry metrics,
      List<EndpointGroup> features) {
    var errors = new Errors(json);
    return Javalin.create(
        config -> {
          config.startup.showJavalinBanner = false;
          config.startup.showOldJavalinVersionWarning = false;
          config.http.maxRequestSize = maxRequestBytes;
          config.http.defaultContentType = "application/json";
          config.jsonMapper(new JavalinJackson(json, false));
          config.router.ignoreTrailingSlashes = true;
          config.requestLogger.http((ctx, millis) -> finish(ctx, millis, metrics));
          config.routes.before(
              ctx -> {
                RequestIds.begin(ctx);
                rejectOversizedBody(ctx, maxRequestBytes);
              });
          errors.register(config.routes);
          config.routes.apiBuilder(() -> features.forEach(EndpointGroup::addEndpoints));
        });
  }

  /** Refuses a declared body over the limit before anyone reads it. */
  private static void rejectOversizedBody(Context ctx, long maxRequestBytes) {
    long declared = ctx.req().getContentLengthLong();
    if (declared > maxRequestBytes) {
      throw new ProblemException(
          ProblemType.PAYLOAD_TOO_LARGE,
          "The body has " + declared + " bytes; at most " + maxRequestBytes + " are accepted here");
    }
  }

  private static void finish(Context ctx, Float millis, MeterRegistry metrics) {
    try {
      String route = routeOf(ctx);
      int status = ctx.statusCode();
      Timer.builder("http.server.requests")
          .tag("method", ctx.method().name())
          .tag("route", route)
          .tag("status", Integer.toString(status))
          .register(metrics)
          .record((long) (millis * 1_000_000), TimeUnit.NANOSECONDS);
      // The route template, never the path: a webhook's path carries its account's secret.
      if (status >= 500) {
        log.warn("{} {} -> {} in {} ms", ctx.method(), route, status, millis);
      } else {
        log.debug("{} {} -> {} in {} ms", ctx.method(), route, status, millis);
      }
    } finally {
      RequestIds.end();
    }
  }

  /** The route template (bounded cardinality, no secrets), never the raw path. */
  static String routeOf(Context ctx) {
    try {
      var endpoint = ctx.endpoint();
      return endpoint == null || "*".equals(endpoint.path) ? "unmatched" : endpoint.path;
    } catch (RuntimeException noEndpoint) {
      return "unmatched";
    }
  }
}
