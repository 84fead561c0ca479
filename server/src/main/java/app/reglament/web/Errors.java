package app.reglament.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become HTTP answers: every error is application/problem+json with a
 * stable type and the request id, and nothing internal (stack traces, SQL, class names) leaks out.
 */
final class Errors {
  private static final Logger log = LoggerFactory.getLogger(Errors.class);

  private final ObjectMapper json;

  Errors(ObjectMapper json) {
    this.json = json;
  }

  void register(RoutesConfig routes) {
    routes.exception(ProblemException.class, (e, ctx) -> write(ctx, e.problem()));
    routes.exception(JsonProcessingException.class, (e, ctx) -> write(ctx, malformedJson(e)));
    routes.exception(
        HttpResponseException.class,
        (e, ctx) -> write(ctx, Problem.of(ProblemType.forStatus(e.getStatus()), e.getMessage())));
    routes.exception(
        Exception.class,
        (e, ctx) -> {
          log.error("Unhandled failure on {} {}", ctx.method(), WebServer.routeOf(ctx), e);
          write(
              ctx,
              Problem.of(
                  ProblemType.INTERNAL,
                  "An unexpected error occurred; it has been logged with request id "
                      + RequestIds.current(ctx)));
        });
    // Answers that Javalin produces without an exception (no such route, wrong method).
    routes.error(
        404, ctx -> writeIfEmpty(ctx, ProblemType.NOT_FOUND, "No resource at " + ctx.path()));
    routes.error(
        405,
        ctx ->
            writeIfEmpty(
                ctx,
                ProblemType.METHOD_NOT_ALLOWED,
                ctx.method() + " is not allowed on " + ctx.path()));
  }

  private static Problem malformedJson(JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    String where =
        at == null || at.getLineNr() < 0
            ? ""
            : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    return Problem.of(ProblemType.MALFORMED_JSON, e.getOriginalMessage() + where);
  }

  private void writeIfEmpty(Context ctx, ProblemType type, String detail) {
    String contentType = ctx.res().getContentType();
    if (contentType == null || !contentType.startsWith(Problem.CONTENT_TYPE)) {
      write(ctx, Problem.of(type, detail));
    }
  }

  void write(Context ctx, Problem problem) {
    Problem withId = problem.withRequestId(RequestIds.current(ctx));
    try {
      ctx.status(withId.status())
          .contentType(Problem.CONTENT_TYPE)
          .result(json.writeValueAsString(withId));
    } catch (JsonProcessingException e) {
      // a Problem always serializes; if it ever does not, still answer with its status
      ctx.status(withId.status()).contentType(Problem.CONTENT_TYPE).result("{}");
    }
  }
}
