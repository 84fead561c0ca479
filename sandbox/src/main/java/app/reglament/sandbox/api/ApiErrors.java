package app.reglament.sandbox.api;

import app.reglament.sandbox.store.InvalidChangeException;
import app.reglament.sandbox.store.Violation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place where the API's failures become amoCRM-shaped answers. */
public final class ApiErrors {
  private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);
  static final String PROBLEM_JSON = "application/problem+json";
  static final String API_PREFIX = "/api/";

  private final ObjectMapper json;

  public ApiErrors(ObjectMapper json) {
    this.json = json;
  }

  public void register(RoutesConfig routes) {
    routes.exception(ApiProblem.class, (e, ctx) -> problem(ctx, e, null));
    routes.exception(
        TooManyRequests.class,
        (e, ctx) ->
            ctx.status(429).contentType("text/html").result("<h1>429 Too Many Requests</h1>"));
    routes.exception(
        ValidationProblem.class, (e, ctx) -> validation(ctx, e.violations(), e::requestId));
    routes.exception(
        InvalidChangeException.class,
        (e, ctx) -> validation(ctx, e.violations(), index -> Integer.toString(index)));
    routes.exception(
        JsonProcessingException.class,
        (e, ctx) ->
            problem(
                ctx,
                ApiProblem.badRequest("The body is not valid JSON: " + e.getOriginalMessage()),
                null));
    routes.exception(
        Exception.class,
        (e, ctx) -> {
          log.error("Unhandled failure on {} {}", ctx.method(), ctx.path(), e);
          if (ctx.path().startsWith(API_PREFIX)) {
            problem(
                ctx, new ApiProblem(500, "Internal Server Error", "Something went wrong"), null);
          } else {
            ctx.status(500).contentType("text/plain; charset=utf-8").result("Something went wrong");
          }
        });
  }

  /** For unmatched API paths: amoCRM answers them with a problem too. */
  public void notFound(Context ctx) {
    String contentType = ctx.res().getContentType();
    if (contentType == null || !contentType.startsWith(PROBLEM_JSON)) {
      problem(ctx, ApiProblem.notFound("No resource at " + ctx.path()), null);
    }
  }

  private void validation(
      Context ctx, List<Violation> violations, java.util.function.IntFunction<String> requestId) {
    Map<Integer, List<Violation>> byEntity = new LinkedHashMap<>();
    violations.forEach(
        v -> byEntity.computeIfAbsent(v.index(), i -> new java.util.ArrayList<>()).add(v));
    ArrayNode groups = json.createArrayNode();
    byEntity.forEach(
        (index, list) -> {
          ObjectNode group = groups.addObject();
          group.put("request_id", requestId.apply(index));
          ArrayNode errors = group.putArray("errors");
          for (Violation v : list) {
            errors
                .addObject()
                .put("code", v.code())
                .put("path", v.path())
                .put("detail", v.detail());
          }
        });
    problem(ctx, ApiProblem.badRequest("Request validation failed"), groups);
  }

  private void problem(Context ctx, ApiProblem problem, ArrayNode validationErrors) {
    ObjectNode body = json.createObjectNode();
    if (validationErrors != null) {
      body.set("validation-errors", validationErrors);
    }
    body.put("title", problem.title());
    body.put("type", problem.type());
    body.put("status", problem.status());
    body.put("detail", problem.detail());
    ctx.status(problem.status())
        .contentType(PROBLEM_JSON)
        .result(body.toString().getBytes(StandardCharsets.UTF_8));
  }
}
