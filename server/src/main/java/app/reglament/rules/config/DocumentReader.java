package app.reglament.rules.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads typed values out of a JSON tree. A wrong value is noted as a problem under its key and
 * replaced by the fallback, so that reading goes on and every problem is found in one pass. A
 * missing value (Java null) silently takes the fallback; JSON null is a value like any other.
 */
final class DocumentReader {
  static final int MAX_TEXT_LENGTH = 1000;

  private final List<RulesProblem> problems = new ArrayList<>();

  static String child(String key, String name) {
    return key.isEmpty() ? name : key + "." + name;
  }

  static String item(String key, int index) {
    return key + "[" + index + "]";
  }

  void problem(String key, String message) {
    problems.add(new RulesProblem(key, message));
  }

  List<RulesProblem> problems() {
    return List.copyOf(problems);
  }

  /** The node if it is an object whose keys are all known (unknown ones are noted), else null. */
  JsonNode object(JsonNode node, String key, List<String> known) {
    if (!node.isObject()) {
      problem(key, "must be an object");
      return null;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      String name = it.next().getKey();
      if (!known.contains(name)) {
        problem(child(key, name), "unknown key; known keys are " + String.join(", ", known));
      }
    }
    return node;
  }

  /** The node if it is a list, else null (noted). */
  JsonNode list(JsonNode node, String key) {
    if (!node.isArray()) {
      problem(key, "must be a list");
      return null;
    }
    return node;
  }

  int wholeNumber(JsonNode node, String key, int min, int max, int fallback) {
    if (node == null) {
      return fallback;
    }
    if (!inRange(node, min, max)) {
      problem(key, "must be a whole number from " + min + " to " + max);
      return fallback;
    }
    return node.intValue();
  }

  /** Like {@link #wholeNumber}, where null turns the setting off. */
  Integer wholeNumberOrNull(JsonNode node, String key, int min, int max, Integer fallback) {
    if (node == null) {
      return fallback;
    }
    if (node.isNull()) {
      return null;
    }
    if (!inRange(node, min, max)) {
      problem(
          key, "must be a whole number from " + min + " to " + max + ", or null to turn it off");
      return fallback;
    }
    return node.intValue();
  }

  double number(JsonNode node, String key, double min, double max, double fallback) {
    if (node == null) {
      return fallback;
    }
    if (!node.isNumber() || node.doubleValue() < min || node.doubleValue() > max) {
      problem(key, "must be a number from " + plain(min) + " to " + plain(max));
      return fallback;
    }
    return node.doubleValue();
  }

  /** An amoCRM id: a positive whole number. */
  long id(JsonNode node, String key, long fallback) {
    if (node == null) {
      return fallback;
    }
    if (!isId(node)) {
      problem(key, "must be an amoCRM id (a positive whole number)");
      return fallback;
    }
    return node.longValue();
  }

  /** An id that has no default: missing is a problem too. Null when missing or wrong. */
  Long requiredId(JsonNode node, String key) {
    if (node == null) {
      problem(key, "is missing; it must be an amoCRM id (a positive whole number)");
      return null;
    }
    long id = id(node, key, 0);
    return id == 0 ? null : id;
  }

  /** A list of distinct ids; a wrong list gives the fallback. */
  List<Long> ids(JsonNode node, String key, List<Long> fallback) {
    if (node == null) {
      return fallback;
    }
    if (list(node, key) == null) {
      return fallback;
    }
    List<Long> ids = new ArrayList<>();
    int before = problems.size();
    for (int i = 0; i < node.size(); i++) {
      JsonNode element = node.get(i);
      if (!isId(element)) {
        problem(item(key, i), "must be an amoCRM id (a positive whole number)");
      } else if (ids.contains(element.longValue())) {
        problem(item(key, i), "repeats " + item(key, ids.indexOf(element.longValue())));
      }
      ids.add(element.longValue());
    }
    return problems.size() == before ? ids : fallback;
  }

  /** Like {@link #ids}, where null means "everyone" (the caller's meaning). */
  List<Long> idsOrNull(JsonNode node, String key, List<Long> fallback) {
    if (node != null && node.isNull()) {
      return null;
    }
    return ids(node, key, fallback);
  }

  boolean bool(JsonNode node, String key, boolean fallback) {
    if (node == null) {
      return fallback;
    }
    if (!node.isBoolean()) {
      problem(key, "must be true or false");
      return fallback;
    }
    return node.booleanValue();
  }

  String text(JsonNode node, String key, String fallback) {
    if (node == null) {
      return fallback;
    }
    if (!node.isTextual()) {
      problem(key, "must be a string");
      return fallback;
    }
    if (node.textValue().length() > MAX_TEXT_LENGTH) {
      problem(key, "must be at most " + MAX_TEXT_LENGTH + " characters long");
      return fallback;
    }
    return node.textValue();
  }

  /** A string that is one of {@code allowed}. */
  String choice(JsonNode node, String key, List<String> allowed, String fallback) {
    if (node == null) {
      return fallback;
    }
    if (!node.isTextual() || !allowed.contains(node.textValue())) {
      problem(key, "must be \"" + String.join("\" or \"", allowed) + "\"");
      return fallback;
    }
    return node.textValue();
  }

  private static boolean inRange(JsonNode node, int min, int max) {
    return node.isIntegralNumber()
        && node.canConvertToLong()
        && node.longValue() >= min
        && node.longValue() <= max;
  }

  private static boolean isId(JsonNode node) {
    return node.isIntegralNumber() && node.canConvertToLong() && node.longValue() > 0;
  }

  private static String plain(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
