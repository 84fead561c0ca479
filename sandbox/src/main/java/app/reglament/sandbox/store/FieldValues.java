package app.reglament.sandbox.store;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks and normalizes custom field values on their way in: an option named by id or by text
 * becomes both, numbers and dates must parse, unknown fields and options are refused with the path
 * amoCRM would name.
 */
final class FieldValues {
  static final String PATH = "custom_fields_values";

  private FieldValues() {}

  /** The values as stored, or the violations (added to {@code out}) that refuse them. */
  static List<FieldValue> normalize(
      Map<Long, CustomField> definitions, List<FieldValue> input, int index, List<Violation> out) {
    List<FieldValue> normalized = new ArrayList<>();
    for (int i = 0; i < input.size(); i++) {
      FieldValue given = input.get(i);
      String at = PATH + "." + i;
      CustomField field = definitions.get(given.fieldId());
      if (field == null) {
        out.add(
            new Violation(
                index,
                Violation.NOT_SUPPORTED_CHOICE,
                at + ".field_id",
                "There is no lead field " + given.fieldId()));
        continue;
      }
      List<FieldValue.Value> values = new ArrayList<>();
      for (int j = 0; j < given.values().size(); j++) {
        FieldValue.Value value =
            value(field, given.values().get(j), index, at + ".values." + j, out);
        if (value != null) {
          values.add(value);
        }
      }
      normalized.add(new FieldValue(field.id(), values));
    }
    return normalized;
  }

  private static FieldValue.Value value(
      CustomField field, FieldValue.Value given, int index, String at, List<Violation> out) {
    if (field.hasEnums()) {
      var option =
          given.enumId() != null
              ? field.enumById(given.enumId())
              : given.value() == null
                  ? Optional.<FieldEnum>empty()
                  : field.enumByValue(given.value());
      if (option.isEmpty()) {
        out.add(
            new Violation(
                index,
                Violation.NOT_SUPPORTED_CHOICE,
                at + (given.enumId() != null ? ".enum_id" : ".value"),
                "Field "
                    + field.id()
                    + " has no option "
                    + (given.enumId() != null ? given.enumId() : "'" + given.value() + "'")));
        return null;
      }
      return FieldValue.Value.option(option.get());
    }
    if (given.enumId() != null) {
      out.add(
          new Violation(
              index,
              Violation.FIELD_NOT_EXPECTED,
              at + ".enum_id",
              "Field " + field.id() + " of type " + field.type() + " has no options"));
      return null;
    }
    if (given.value() == null) {
      out.add(new Violation(index, Violation.FIELD_MISSING, at + ".value", "A value is required"));
      return null;
    }
    String text = given.value();
    if (field.type().equals("numeric") && !isNumber(text)) {
      out.add(invalid(index, at, field, text));
      return null;
    }
    if (CustomField.DATE_TYPES.contains(field.type()) && !isWholeNumber(text)) {
      out.add(invalid(index, at, field, text));
      return null;
    }
    if (field.type().equals("checkbox")) {
      text = Boolean.toString(text.equals("1") || text.equalsIgnoreCase("true"));
    }
    return FieldValue.Value.text(text);
  }

  private static Violation invalid(int index, String at, CustomField field, String text) {
    return new Violation(
        index,
        Violation.INVALID_TYPE,
        at + ".value",
        "'" + text + "' is not a valid value of the " + field.type() + " field " + field.id());
  }

  /** The current values with {@code changes} applied: each replaces its field; empty clears it. */
  static List<FieldValue> merge(List<FieldValue> current, List<FieldValue> changes) {
    Map<Long, FieldValue> byField = new LinkedHashMap<>();
    current.forEach(v -> byField.put(v.fieldId(), v));
    for (FieldValue change : changes) {
      if (change.values().isEmpty()) {
        byField.remove(change.fieldId());
      } else {
        byField.put(change.fieldId(), change);
      }
    }
    return List.copyOf(byField.values());
  }

  /** The fields whose values differ between the two lists. */
  static List<Long> changedFields(List<FieldValue> before, List<FieldValue> after) {
    Map<Long, FieldValue> old = new LinkedHashMap<>();
    before.forEach(v -> old.put(v.fieldId(), v));
    Map<Long, FieldValue> now = new LinkedHashMap<>();
    after.forEach(v -> now.put(v.fieldId(), v));
    List<Long> changed = new ArrayList<>();
    for (long id : old.keySet()) {
      if (!Objects.equals(old.get(id), now.get(id))) {
        changed.add(id);
      }
    }
    for (long id : now.keySet()) {
      if (!old.containsKey(id)) {
        changed.add(id);
      }
    }
    return changed;
  }

  static FieldValue find(List<FieldValue> values, long fieldId) {
    return values.stream().filter(v -> v.fieldId() == fieldId).findFirst().orElse(null);
  }

  private static boolean isNumber(String text) {
    try {
      new BigDecimal(text.strip());
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static boolean isWholeNumber(String text) {
    return text.strip().matches("-?\\d{1,12}");
  }
}
