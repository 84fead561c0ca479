package app.reglament.amo.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns amoCRM's refusals into typed exceptions. Error bodies are whatever the server had at hand
 * (problem+json from the API, HTML from nginx, plain text or nothing with a 429), so reading them
 * never throws: anything unreadable becomes a message with the status alone.
 */
final class AmoErrors {
  private final ObjectMapper mapper;

  AmoErrors(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** The body as a JSON object, or null when it is absent or anything else. */
  JsonNode jsonObject(byte[] body) {
    if (body == null || body.length == 0) {
      return null;
    }
    try {
      JsonNode tree = mapper.readTree(body);
      return tree != null && tree.isObject() ? tree : null;
    } catch (Exception unreadable) { // malformed, too deep, wrong charset: all mean "not JSON"
      return null;
    }
  }

  /** amoCRM's API block is an nginx page: anything but a JSON object with a 403 is taken as one. */
  boolean isBlockPage(int status, String contentType, byte[] body) {
    if (status != 403) {
      return false;
    }
    boolean saysJson = contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json");
    return !saysJson && jsonObject(body) == null;
  }

  /** The exception for a definite refusal (not 401, 429, 5xx, which the transport handles). */
  AmoProblemException refusal(
      long accountId, AmoRequest request, int status, String contentType, byte[] body) {
    JsonNode problem = jsonObject(body);
    String title = text(problem, "title");
    String type = text(problem, "type");
    String detail = text(problem, "detail");
    if (problem != null && problem.path("validation-errors").isArray()) {
      return new AmoValidationException(
          accountId,
          request.describe(),
          entityKind(request.path()),
          title,
          type,
          detail,
          validationErrors(problem.path("validation-errors")));
    }
    String message = describeAnswer(accountId, request, status, contentType, body, problem);
    if (status == 403) {
      return new AmoPermissionException(accountId, message, title, type, detail);
    }
    return new AmoProblemException(accountId, message, status, title, type, detail);
  }

  /**
   * "amoCRM answered 404 (Not Found: Lead not found) to GET /api/v4/leads/5 for account 7". The
   * body itself is never quoted unless it is amoCRM's JSON problem: an arbitrary page might echo
   * request headers, and the Authorization header must not reach a log.
   */
  String describeAnswer(
      long accountId,
      AmoRequest request,
      int status,
      String contentType,
      byte[] body,
      JsonNode problem) {
    StringBuilder text = new StringBuilder("amoCRM answered ").append(status);
    String title = text(problem, "title");
    String detail = text(problem, "detail");
    if (title != null || detail != null) {
      text.append(" (");
      text.append(title == null ? "" : title);
      text.append(title != null && detail != null ? ": " : "");
      text.append(detail == null ? "" : detail);
      text.append(')');
    } else if (body != null && body.length > 0) {
      text.append(" (")
          .append(contentType == null ? "untyped" : contentType)
          .append(" body of ")
          .append(body.length)
          .append(" bytes)");
    }
    return text.append(" to ")
        .append(request.describe())
        .append(" for account ")
        .append(accountId)
        .toString();
  }

  private static List<ValidationError> validationErrors(JsonNode groups) {
    List<ValidationError> errors = new ArrayList<>();
    for (JsonNode group : groups) {
      String requestId = text(group, "request_id");
      JsonNode fields = group.path("errors");
      if (!fields.isArray() || fields.isEmpty()) {
        errors.add(new ValidationError(requestId, null, null, null, null, text(group, "detail")));
        continue;
      }
      for (JsonNode field : fields) {
        errors.add(
            new ValidationError(
                requestId,
                null,
                null,
                text(field, "path"),
                text(field, "code"),
                text(field, "detail")));
      }
    }
    return errors;
  }

  /** What a path writes, for messages: {@code /api/v4/leads/notes} → {@code notes}. */
  static String entityKind(String path) {
    String[] segments = path.split("/");
    for (int i = segments.length - 1; i >= 0; i--) {
      String segment = segments[i];
      if (!segment.isEmpty() && !segment.chars().allMatch(Character::isDigit)) {
        return segment;
      }
    }
    return "entity";
  }

  private static String text(JsonNode node, String field) {
    if (node == null) {
      return null;
    }
    JsonNode value = node.get(field);
    return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
  }
}
