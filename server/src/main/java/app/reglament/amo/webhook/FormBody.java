package app.reglament.amo.webhook;

import java.util.List;

/**
 * Reads an {@code application/x-www-form-urlencoded} body with PHP-style keys into a tree of {@link
 * FormNode}s. Safe on hostile input: every problem is a {@link MalformedWebhookException}, the work
 * is linear in the body size, nothing is allocated by index, and nothing recurses.
 *
 * <p>Semantics follow PHP where amoCRM relies on them: {@code &} separates parameters and empty
 * ones ({@code a=1&&b=2}) are skipped, a name without {@code =} has the empty value, {@code a[]}
 * appends, and a repeated key keeps its last value. A key that would be both a value and a group
 * ({@code a=1&a[b]=2}) is refused instead of letting one silently replace the other.
 */
public final class FormBody {
  /** More parameters than any amoCRM batch sends within the 256 KB the HTTP layer admits. */
  public static final int MAX_PARAMETERS = 10_000;

  /**
   * Bracket pairs allowed after the base name. The deepest amoCRM key known is {@code
   * leads[update][0][custom_fields][0][values][0][value]} (7); sub-values of composite fields may
   * add one. Two more levels are headroom.
   */
  public static final int MAX_DEPTH = 10;

  private FormBody() {}

  public static FormNode.Group parse(byte[] body) {
    FormNode.Group root = new FormNode.Group();
    PercentDecoder decoder = new PercentDecoder();
    int parameters = 0;
    int start = 0;
    for (int i = 0; i <= body.length; i++) {
      if (i == body.length || body[i] == '&') {
        if (i > start) {
          parameters++;
          if (parameters > MAX_PARAMETERS) {
            throw new MalformedWebhookException(
                "The body has more than " + MAX_PARAMETERS + " parameters");
          }
          add(root, decoder, body, start, i, parameters);
        }
        start = i + 1;
      }
    }
    return root;
  }

  private static void add(
      FormNode.Group root, PercentDecoder decoder, byte[] body, int from, int to, int parameter) {
    int equals = from;
    while (equals < to && body[equals] != '=') {
      equals++;
    }
    String name = decoder.decodeName(body, from, equals, parameter);
    List<String> path = FormKey.parse(name, parameter, MAX_DEPTH);
    String value = equals < to ? decoder.decodeValue(body, equals + 1, to, parameter, name) : "";
    insert(root, path, name, value);
  }

  private static void insert(FormNode.Group root, List<String> path, String name, String value) {
    FormNode.Group group = root;
    int last = path.size() - 1;
    for (int level = 0; level < last; level++) {
      String key = group.keyFor(path.get(level));
      FormNode child = group.get(key);
      if (child == null) {
        FormNode.Group created = new FormNode.Group();
        group.put(key, created);
        group = created;
      } else if (child instanceof FormNode.Group existing) {
        group = existing;
      } else {
        throw new MalformedWebhookException(
            "Key "
                + Quote.of(name)
                + " uses "
                + Quote.of(keyText(path, level + 1))
                + " as a group, but an earlier parameter gave it a plain value");
      }
    }
    String key = group.keyFor(path.get(last));
    if (group.get(key) instanceof FormNode.Group) {
      throw new MalformedWebhookException(
          "Key " + Quote.of(name) + " gives a plain value to what earlier parameters made a group");
    }
    group.put(key, new FormNode.Text(value));
  }

  /** The first {@code length} parts of a path written back as a key: {@code a[b][0]}. */
  private static String keyText(List<String> path, int length) {
    StringBuilder key = new StringBuilder(path.get(0));
    for (String segment : path.subList(1, length)) {
      key.append('[').append(segment).append(']');
    }
    return key.toString();
  }
}
