package app.reglament.amo.api.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Arrays;
import java.util.List;

/**
 * A custom field's value on an entity, as read ({@code field_name}, {@code field_code} and {@code
 * field_type} filled) and as written ({@link #of}: only {@code field_id} and {@code values}).
 */
public record CustomFieldValue(
    Long fieldId, String fieldName, String fieldCode, String fieldType, List<Value> values) {

  public CustomFieldValue {
    values = Nulls.list(values);
  }

  /** A value to write: {@code CustomFieldValue.of(123, Value.of("Окна"))}. */
  public static CustomFieldValue of(long fieldId, Value... values) {
    return new CustomFieldValue(fieldId, null, null, null, Arrays.asList(values));
  }

  /** The first value as text, or null when there is none: enough for single-value fields. */
  public String firstText() {
    return values.isEmpty() ? null : values.get(0).text();
  }

  /**
   * One value. {@code value} stays JSON because its shape depends on the field type: text, a
   * number, a boolean (checkbox), a Unix time (date) or an object (legal entity, address).
   */
  public record Value(JsonNode value, Long enumId, String enumCode) {

    public static Value of(String text) {
      return new Value(TextNode.valueOf(text), null, null);
    }

    public static Value of(long number) {
      return new Value(LongNode.valueOf(number), null, null);
    }

    public static Value ofEnum(long enumId) {
      return new Value(null, enumId, null);
    }

    /** Scalars as their text, objects as JSON, absent or null as null. */
    public String text() {
      if (value == null || value.isNull() || value.isMissingNode()) {
        return null;
      }
      return value.isValueNode() ? value.asText() : value.toString();
    }
  }
}
