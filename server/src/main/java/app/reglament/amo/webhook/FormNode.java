package app.reglament.amo.webhook;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A node of a decoded form body: a {@link Text} value or a {@link Group} of named children, the way
 * PHP reads {@code a[b][0][c]=v}. Lists are groups keyed by their index ("0", "1", …), like PHP
 * arrays, so an index costs one map entry whatever its value.
 */
public sealed interface FormNode permits FormNode.Text, FormNode.Group {

  /** A plain value, percent-decoded. */
  record Text(String value) implements FormNode {}

  /** Named children in body order. Built by {@link FormBody}; read-only to everyone else. */
  final class Group implements FormNode {
    private final Map<String, FormNode> children = new LinkedHashMap<>();
    // Where the next `a[]` goes: one past the largest index seen, as in PHP.
    private long nextIndex;

    Group() {}

    /** The children in the order the body first named them. */
    public Map<String, FormNode> children() {
      return Collections.unmodifiableMap(children);
    }

    public Optional<String> text(String key) {
      return children.get(key) instanceof Text text ? Optional.of(text.value()) : Optional.empty();
    }

    public Optional<Group> group(String key) {
      return children.get(key) instanceof Group group ? Optional.of(group) : Optional.empty();
    }

    FormNode get(String key) {
      return children.get(key);
    }

    /** The key a segment names here: itself, or the next index for the empty segment of `[]`. */
    String keyFor(String segment) {
      return segment.isEmpty() ? Long.toString(nextIndex) : segment;
    }

    void put(String key, FormNode node) {
      children.put(key, node);
      long index = indexOf(key);
      if (index >= nextIndex) {
        nextIndex = index + 1;
      }
    }

    /** The key as a list index, or -1: only plain decimals that fit comfortably in a long count. */
    private static long indexOf(String key) {
      int length = key.length();
      if (length == 0 || length > 18 || (length > 1 && key.charAt(0) == '0')) {
        return -1;
      }
      long value = 0;
      for (int i = 0; i < length; i++) {
        char c = key.charAt(i);
        if (c < '0' || c > '9') {
          return -1;
        }
        value = value * 10 + (c - '0');
      }
      return value;
    }
  }
}
