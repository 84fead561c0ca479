package app.reglament.sandbox.api;

import app.reglament.sandbox.store.InvalidChangeException;
import app.reglament.sandbox.store.Violation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Reads write requests: a JSON array of at most {@link #MAX_BATCH} entities (a lone object is taken
 * as a batch of one), each remembered with the {@code request_id} amoCRM will echo.
 */
final class Bodies {
  /** amoCRM takes at most 250 entities per create or update request. */
  static final int MAX_BATCH = 250;

  private Bodies() {}

  static List<JsonNode> batch(ObjectMapper json, Context ctx) throws JsonProcessingException {
    JsonNode body = parse(json, ctx);
    List<JsonNode> items = new ArrayList<>();
    if (body.isArray()) {
      body.forEach(items::add);
    } else if (body.isObject()) {
      items.add(body);
    } else {
      throw ApiProblem.badRequest("The body must be a JSON array of entities");
    }
    if (items.isEmpty()) {
      throw ApiProblem.badRequest("The body names no entities");
    }
    if (items.size() > MAX_BATCH) {
      throw ApiProblem.badRequest(
          "At most " + MAX_BATCH + " entities per request; got " + items.size());
    }
    return items;
  }

  static JsonNode object(ObjectMapper json, Context ctx) throws JsonProcessingException {
    JsonNode body = parse(json, ctx);
    if (!body.isObject()) {
      throw ApiProblem.badRequest("The body must be a JSON object");
    }
    return body;
  }

  private static JsonNode parse(ObjectMapper json, Context ctx) throws JsonProcessingException {
    String text = ctx.body();
    if (text.isBlank()) {
      throw ApiProblem.badRequest("The request has no body");
    }
    return json.readTree(text);
  }

  /** The caller's {@code request_id} of each entity, or its position. */
  static List<String> requestIds(List<JsonNode> items) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      JsonNode id = items.get(i).path("request_id");
      ids.add(id.isValueNode() && !id.asText().isBlank() ? id.asText() : Integer.toString(i));
    }
    return ids;
  }

  /** Refuses what the body's reading found wrong, then what the store finds wrong. */
  static <T> T write(List<Violation> violations, List<String> requestIds, Supplier<T> write) {
    if (!violations.isEmpty()) {
      throw new ValidationProblem(violations, requestIds);
    }
    try {
      return write.get();
    } catch (InvalidChangeException e) {
      throw new ValidationProblem(e.violations(), requestIds);
    }
  }

  /** Typed reads of one entity's fields; a wrong type is a violation, not an exception. */
  static final class Fields {
    private final JsonNode node;
    private final int index;
    private final List<Violation> out;

    Fields(JsonNode node, int index, List<Violation> out) {
      this.node = node;
      this.index = index;
      this.out = out;
      if (!node.isObject()) {
        out.add(new Violation(index, Violation.INVALID_TYPE, "", "Each entity must be an object"));
      }
    }

    JsonNode node() {
      return node;
    }

    int index() {
      return index;
    }

    List<Violation> violations() {
      return out;
    }

    boolean has(String name) {
      return node.has(name) && !node.get(name).isNull();
    }

    /** A whole number, or null when absent or null. Numeric strings are accepted, as by PHP. */
    Long number(String name) {
      JsonNode value = node.get(name);
      if (value == null || value.isNull()) {
        return null;
      }
      if (value.canConvertToExactIntegral() && value.isNumber()) {
        return value.asLong();
      }
      if (value.isTextual() && value.asText().strip().matches("-?\\d{1,18}")) {
        return Long.parseLong(value.asText().strip());
      }
      invalid(name, "a whole number");
      return null;
    }

    String text(String name) {
      JsonNode value = node.get(name);
      if (value == null || value.isNull()) {
        return null;
      }
      if (!value.isValueNode() || value.isBoolean()) {
        invalid(name, "a string");
        return null;
      }
      return value.asText();
    }

    Boolean flag(String name) {
      JsonNode value = node.get(name);
      if (value == null || value.isNull()) {
        return null;
      }
      if (value.isBoolean()) {
        return value.asBoolean();
      }
      if (value.isNumber() && (value.asInt() == 0 || value.asInt() == 1)) {
        return value.asInt() == 1;
      }
      invalid(name, "a boolean");
      return null;
    }

    Long required(String name) {
      if (!has(name)) {
        out.add(new Violation(index, Violation.FIELD_MISSING, name, name + " is required"));
        return null;
      }
      return number(name);
    }

    void invalid(String path, String expected) {
      out.add(new Violation(index, Violation.INVALID_TYPE, path, path + " must be " + expected));
    }
  }
}
