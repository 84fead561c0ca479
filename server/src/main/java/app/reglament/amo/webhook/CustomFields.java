package app.reglament.amo.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads {@code custom_fields[i][id|name|values[j][value|enum]]}. A field without a numeric id and a
 * value with neither text nor option are dropped; a bare {@code values[j]=text} is read as text.
 */
final class CustomFields {
  private CustomFields() {}

  static List<CustomField> read(Entry entry) {
    List<CustomField> fields = new ArrayList<>();
    entry
        .entry("custom_fields")
        .ifPresent(list -> list.each(field -> field(field).ifPresent(fields::add), text -> {}));
    return fields;
  }

  private static Optional<CustomField> field(Entry field) {
    OptionalLong id = field.id("id");
    if (id.isEmpty()) {
      return Optional.empty();
    }
    List<CustomField.Value> values = new ArrayList<>();
    field
        .entry("values")
        .ifPresent(
            list ->
                list.each(
                    value -> {
                      Optional<String> text = value.text("value");
                      OptionalLong enumId = value.id("enum");
                      if (text.isPresent() || enumId.isPresent()) {
                        values.add(new CustomField.Value(text, enumId));
                      }
                    },
                    text ->
                        values.add(
                            new CustomField.Value(Optional.of(text), OptionalLong.empty()))));
    return Optional.of(new CustomField(id.getAsLong(), field.text("name"), values));
  }
}
