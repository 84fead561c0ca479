package app.reglament.amo.webhook;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a PHP-style key such as {@code leads[update][0][custom_fields][]} into its path: the base
 * name, then one segment per bracket pair ({@code ""} for {@code []}, meaning "append").
 *
 * <p>Stricter than PHP on purpose. PHP quietly repairs broken keys ({@code a[b} becomes {@code
 * a_b}, text after the last {@code ]} is dropped), which would let a damaged body reach the worker
 * as a different key. amoCRM's keys are always well formed, so anything else is refused.
 */
final class FormKey {
  private FormKey() {}

  static List<String> parse(String name, int parameter, int maxDepth) {
    int open = name.indexOf('[');
    String base = open < 0 ? name : name.substring(0, open);
    if (base.isEmpty()) {
      throw malformed(
          parameter, name, name.isEmpty() ? "the name is empty" : "nothing comes before '['");
    }
    if (base.indexOf(']') >= 0) {
      throw malformed(parameter, name, "']' has no matching '['");
    }
    List<String> path = new ArrayList<>(4);
    path.add(base);
    int at = open;
    while (at >= 0 && at < name.length()) {
      if (name.charAt(at) != '[') {
        throw malformed(parameter, name, "text follows a closing ']'");
      }
      int close = name.indexOf(']', at + 1);
      if (close < 0) {
        throw malformed(parameter, name, "'[' at position " + at + " is never closed");
      }
      String segment = name.substring(at + 1, close);
      if (segment.indexOf('[') >= 0) {
        throw malformed(parameter, name, "'[' at position " + at + " is opened twice");
      }
      if (path.size() > maxDepth) {
        throw malformed(
            parameter, name, "it nests deeper than " + maxDepth + " levels of brackets");
      }
      path.add(segment);
      at = close + 1;
    }
    return path;
  }

  private static MalformedWebhookException malformed(int parameter, String name, String problem) {
    return new MalformedWebhookException(
        "Parameter " + parameter + " has a malformed key " + Quote.of(name) + ": " + problem);
  }
}
