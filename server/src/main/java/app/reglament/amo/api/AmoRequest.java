package app.reglament.amo.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One call to amoCRM's API, relative to the account's base URL: {@code
 * AmoRequest.get("/api/v4/leads").param("filter[updated_at][from]", 1700000000)}. Immutable; each
 * {@code param} returns a new request. Query names and values are percent-encoded when sent, so
 * {@code filter[id][]} is written as amoCRM's PHP side expects and {@link URI} accepts.
 *
 * @param body the JSON body, or null
 */
public record AmoRequest(String method, String path, List<QueryParam> query, JsonNode body) {

  /** One {@code name=value} of the query string; repeated names make PHP arrays. */
  public record QueryParam(String name, String value) {}

  public AmoRequest {
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("path must start with '/': " + path);
    }
    query = List.copyOf(query);
  }

  public static AmoRequest get(String path) {
    return new AmoRequest("GET", path, List.of(), null);
  }

  public static AmoRequest post(String path, JsonNode body) {
    return new AmoRequest("POST", path, List.of(), body);
  }

  public static AmoRequest patch(String path, JsonNode body) {
    return new AmoRequest("PATCH", path, List.of(), body);
  }

  public static AmoRequest delete(String path, JsonNode body) {
    return new AmoRequest("DELETE", path, List.of(), body);
  }

  /** Adds {@code name=value}; a null value adds nothing, so optional filters read as one line. */
  public AmoRequest param(String name, Object value) {
    if (value == null) {
      return this;
    }
    List<QueryParam> more = new ArrayList<>(query);
    more.add(new QueryParam(name, String.valueOf(value)));
    return new AmoRequest(method, path, more, body);
  }

  /** Adds {@code name=value} once per value, e.g. {@code filter[id][]=1&filter[id][]=2}. */
  public AmoRequest params(String name, Collection<?> values) {
    List<QueryParam> more = new ArrayList<>(query);
    for (Object value : values) {
      more.add(new QueryParam(name, String.valueOf(value)));
    }
    return new AmoRequest(method, path, more, body);
  }

  /**
   * Whether sending this request twice has the effect of sending it once. A POST creates: when it
   * timed out we cannot know whether amoCRM created the tasks, so it is not repeated blindly.
   */
  public boolean idempotent() {
    return !method.equals("POST");
  }

  /** {@code GET /api/v4/leads}: for messages and logs; the query may be long and is left out. */
  public String describe() {
    return method + " " + path;
  }

  URI uri(URI baseUrl) {
    String base = baseUrl.toString();
    if (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    String queryString =
        query.stream()
            .map(p -> encode(p.name()) + "=" + encode(p.value()))
            .collect(Collectors.joining("&"));
    return URI.create(base + path + (queryString.isEmpty() ? "" : "?" + queryString));
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
