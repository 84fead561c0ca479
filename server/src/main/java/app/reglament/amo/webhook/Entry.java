package app.reglament.amo.webhook;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * Typed reads of one webhook entry's fields. amoCRM sends every number as a string; a field that is
 * missing or does not parse reads as empty, because hints are only hints. Whether a missing id
 * skips the entry is the caller's decision.
 */
final class Entry {
  /** 9999-12-31T23:59:59Z: larger "Unix seconds" are garbage, and Instant would refuse some. */
  private static final long MAX_EPOCH_SECOND = 253_402_300_799L;

  private static final int MAX_DIGITS = 18;

  private final FormNode.Group fields;

  Entry(FormNode.Group fields) {
    this.fields = fields;
  }

  Optional<String> text(String key) {
    return fields.text(key);
  }

  Optional<Entry> entry(String key) {
    return fields.group(key).map(Entry::new);
  }

  /** Visits the children in body order: groups as entries, plain values as text. */
  void each(Consumer<Entry> onEntry, Consumer<String> onText) {
    for (FormNode child : fields.children().values()) {
      if (child instanceof FormNode.Group group) {
        onEntry.accept(new Entry(group));
      } else {
        onText.accept(((FormNode.Text) child).value());
      }
    }
  }

  /** A whole number above zero, as entity ids are. */
  OptionalLong id(String key) {
    long value = wholeNumber(fields.text(key).orElse(""));
    return value > 0 ? OptionalLong.of(value) : OptionalLong.empty();
  }

  /** A whole number, zero included ({@code modified_user_id} 0 is amoCRM itself). */
  OptionalLong number(String key) {
    long value = wholeNumber(fields.text(key).orElse(""));
    return value >= 0 ? OptionalLong.of(value) : OptionalLong.empty();
  }

  /** A Unix time in seconds; zero means "not set" in amoCRM's v2 payloads. */
  Optional<Instant> time(String key) {
    long value = wholeNumber(fields.text(key).orElse(""));
    return value > 0 && value <= MAX_EPOCH_SECOND
        ? Optional.of(Instant.ofEpochSecond(value))
        : Optional.empty();
  }

  /** "1"/"true" or "0"/"false", as amoCRM writes flags. */
  Optional<Boolean> flag(String key) {
    return fields
        .text(key)
        .flatMap(
            value ->
                switch (value) {
                  case "1", "true" -> Optional.of(true);
                  case "0", "false" -> Optional.of(false);
                  default -> Optional.empty();
                });
  }

  /** The id that names the entry, or why there is none (for the skip reason). */
  String whyNoId(String key) {
    FormNode node = fields.get(key);
    if (node == null) {
      return "it has no " + key;
    }
    return node instanceof FormNode.Text text
        ? key + " " + Quote.of(text.value()) + " is not a positive whole number"
        : key + " is a group, not a number";
  }

  /** Every field as a PHP-style key relative to the entry, in body order. */
  Map<String, String> flatten() {
    Map<String, String> flat = new LinkedHashMap<>();
    flatten(fields, "", flat);
    return flat;
  }

  // Recursion is bounded: FormBody never builds a tree deeper than FormBody.MAX_DEPTH.
  private static void flatten(FormNode.Group group, String prefix, Map<String, String> flat) {
    group
        .children()
        .forEach(
            (key, node) -> {
              String name = prefix.isEmpty() ? key : prefix + "[" + key + "]";
              if (node instanceof FormNode.Group child) {
                flatten(child, name, flat);
              } else {
                flat.put(name, ((FormNode.Text) node).value());
              }
            });
  }

  /** The value of a string of 1 to 18 ASCII digits, or -1. No sign, no spaces, no exceptions. */
  static long wholeNumber(String text) {
    int length = text.length();
    if (length == 0 || length > MAX_DIGITS) {
      return -1;
    }
    long value = 0;
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
