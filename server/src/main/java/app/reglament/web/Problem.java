package app.reglament.web;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * An RFC 9457 problem document. {@code type} is a stable URN that clients may switch on; the other
 * members are for people. Never carries a stack trace.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String requestId,
    Map<String, Object> extensions) {

  public static final String CONTENT_TYPE = "application/problem+json";
  static final String TYPE_PREFIX = "urn:reglament:problem:";

  public static Problem of(ProblemType type, String detail) {
    return new Problem(
        TYPE_PREFIX + type.slug(), type.title(), type.status(), detail, null, Map.of());
  }

  public Problem withRequestId(String id) {
    return new Problem(type, title, status, detail, id, extensions);
  }

  public Problem with(String key, Object value) {
    var merged = new java.util.LinkedHashMap<>(extensions);
    merged.put(key, value);
    return new Problem(type, title, status, detail, requestId, Map.copyOf(merged));
  }

  @JsonAnyGetter
  @Override
  public Map<String, Object> extensions() {
    return extensions;
  }
}
