package app.reglament.sandbox.store;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One custom field's values on an entity. A select field's value carries its option's id and text;
 * other fields carry text only (numbers and dates as their decimal text).
 */
public record FieldValue(long fieldId, List<Value> values) {

  public FieldValue {
    values = List.copyOf(values);
  }

  /** A text value. */
  public static FieldValue text(long fieldId, String... texts) {
    return new FieldValue(fieldId, Arrays.stream(texts).map(Value::text).toList());
  }

  /** The first value's text, or empty when the field has no value. */
  public Optional<String> firstText() {
    return values.isEmpty() ? Optional.empty() : Optional.ofNullable(values.get(0).value());
  }

  /** One value: {@code enumId} is set for option fields, null otherwise. */
  public record Value(String value, Long enumId) {
    public static Value text(String value) {
      return new Value(value, null);
    }

    public static Value option(FieldEnum option) {
      return new Value(option.value(), option.id());
    }
  }
}
