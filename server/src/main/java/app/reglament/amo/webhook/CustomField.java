package app.reglament.amo.webhook;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A custom field as a webhook carries it (API v2 shape): {@code custom_fields[i][id|name]} and
 * {@code custom_fields[i][values][j][value|enum]}. A multiselect has several values; a select's
 * value carries its {@code enum} id.
 */
public record CustomField(long id, Optional<String> name, List<Value> values) {

  public CustomField {
    values = List.copyOf(values);
  }

  /** One value: its text, and for list fields the id of the chosen option. */
  public record Value(Optional<String> value, OptionalLong enumId) {}
}
