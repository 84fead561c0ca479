package app.reglament.rules.facts;

import java.util.List;

/**
 * A custom field's value on a deal, as text: a select's chosen option names, a number or date as
 * amoCRM sent it.
 *
 * @param type amoCRM's field type ({@code text}, {@code select}, {@code numeric} ...)
 */
public record FieldValue(long fieldId, String name, String type, List<String> values) {
  public FieldValue {
    values = List.copyOf(values);
  }

  /** The values joined with ", ", or "" when there are none. */
  public String text() {
    return String.join(", ", values);
  }

  public boolean isEmpty() {
    return values.stream().allMatch(v -> v == null || v.isBlank());
  }
}
