package app.reglament.sandbox.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * amoCRM's HAL answers: {@code {"_page":N,"_links":{"self","next"},"_embedded":{key:[…]}}}, and
 * HTTP 204 with no body where there is nothing to list.
 *
 * <p>A page carries a {@code next} link whenever it is full, as amoCRM's do, so a reader that
 * follows it past the last item meets the 204.
 */
final class Hal {
  static final String CONTENT_TYPE = "application/hal+json";
  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 250;

  /** amoCRM's Russian docs cap event pages at 100 (the Kommo docs say 250; the lower one wins). */
  static final int MAX_EVENTS_LIMIT = 100;

  private final ObjectMapper json;

  Hal(ObjectMapper json) {
    this.json = json;
  }

  ObjectMapper json() {
    return json;
  }

  /** Answers one page of {@code items}, or 204 when the page is empty. */
  <T> void page(
      Context ctx, String key, List<T> items, int maxLimit, Function<T, ObjectNode> view) {
    Params params = Params.of(ctx);
    long page = params.longValue("page").orElse(1L);
    long limit = params.longValue("limit").orElse((long) DEFAULT_LIMIT);
    if (page < 1) {
      throw ApiProblem.badRequest("page must be 1 or more");
    }
    if (limit < 1 || limit > maxLimit) {
      throw ApiProblem.badRequest("limit must be between 1 and " + maxLimit + ", got " + limit);
    }
    long from = (page - 1) * limit;
    if (from >= items.size()) {
      ctx.status(204);
      return;
    }
    List<T> slice = items.subList((int) from, (int) Math.min(from + limit, items.size()));
    ObjectNode body = json.createObjectNode();
    body.put("_page", page);
    ObjectNode links = body.putObject("_links");
    links.putObject("self").put("href", pageUrl(ctx, page, limit));
    if (slice.size() == limit) {
      links.putObject("next").put("href", pageUrl(ctx, page + 1, limit));
    }
    if (page > 1) {
      links.putObject("prev").put("href", pageUrl(ctx, page - 1, limit));
    }
    ArrayNode array = body.putObject("_embedded").putArray(key);
    slice.forEach(item -> array.add(view.apply(item)));
    ok(ctx, body);
  }

  /** A list amoCRM answers whole (pipelines, webhooks), or 204 when empty. */
  void whole(Context ctx, String key, List<ObjectNode> items) {
    if (items.isEmpty()) {
      ctx.status(204);
      return;
    }
    ObjectNode body = json.createObjectNode();
    body.put("_total_items", items.size());
    body.putObject("_links").putObject("self").put("href", base(ctx) + ctx.path());
    body.putObject("_embedded").putArray(key).addAll(items);
    ok(ctx, body);
  }

  void ok(Context ctx, ObjectNode body) {
    ctx.status(200)
        .contentType(CONTENT_TYPE)
        .result(body.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** {@code {"self":{"href":…}}}. */
  ObjectNode selfLink(String href) {
    ObjectNode links = json.createObjectNode();
    links.putObject("self").put("href", href);
    return links;
  }

  /** The account's base URL as the caller reached it: amoCRM's links name the account host. */
  static String base(Context ctx) {
    String host = ctx.host();
    return "http://" + (host == null || host.isBlank() ? "127.0.0.1:" + ctx.port() : host);
  }

  private static String pageUrl(Context ctx, long page, long limit) {
    StringJoiner query = new StringJoiner("&");
    for (Map.Entry<String, List<String>> entry : ctx.queryParamMap().entrySet()) {
      if (entry.getKey().equals("page") || entry.getKey().equals("limit")) {
        continue;
      }
      for (String value : entry.getValue()) {
        query.add(encode(entry.getKey()) + "=" + encode(value));
      }
    }
    query.add("page=" + page);
    query.add("limit=" + limit);
    return base(ctx) + ctx.path() + "?" + query;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
