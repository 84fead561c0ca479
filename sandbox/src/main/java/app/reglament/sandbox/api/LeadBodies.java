package app.reglament.sandbox.api;

import app.reglament.sandbox.store.CustomField;
import app.reglament.sandbox.store.FieldValue;
import app.reglament.sandbox.store.LeadPatch;
import app.reglament.sandbox.store.NewLead;
import app.reglament.sandbox.store.Violation;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Deals as API v4 writes them, read into the store's commands. */
final class LeadBodies {
  private LeadBodies() {}

  static NewLead newLead(Bodies.Fields f, Map<String, CustomField> fieldsByCode) {
    return new NewLead(
        f.text("name"),
        f.number("price"),
        f.number("pipeline_id"),
        f.number("status_id"),
        f.number("responsible_user_id"),
        f.number("loss_reason_id"),
        customFields(f, fieldsByCode),
        contactIds(f));
  }

  static LeadPatch patch(Bodies.Fields f, Long pathId, Map<String, CustomField> fieldsByCode) {
    Long id = pathId != null ? pathId : f.required("id");
    return new LeadPatch(
        id == null ? 0 : id,
        f.text("name"),
        f.number("price"),
        f.number("pipeline_id"),
        f.number("status_id"),
        f.number("responsible_user_id"),
        f.number("loss_reason_id"),
        f.has("custom_fields_values") ? customFields(f, fieldsByCode) : null,
        f.node().path("_embedded").has("contacts") ? contactIds(f) : null);
  }

  /**
   * {@code [{"field_id"|"field_code", "values":[{"value"}|{"enum_id"}]}]}; {@code "values":null}
   * clears the field, as in amoCRM.
   */
  static List<FieldValue> customFields(Bodies.Fields f, Map<String, CustomField> fieldsByCode) {
    JsonNode array = f.node().get("custom_fields_values");
    List<FieldValue> values = new ArrayList<>();
    if (array == null || array.isNull()) {
      return values;
    }
    if (!array.isArray()) {
      f.invalid("custom_fields_values", "an array");
      return values;
    }
    for (int i = 0; i < array.size(); i++) {
      JsonNode entry = array.get(i);
      String at = "custom_fields_values." + i;
      Long fieldId = fieldId(f, entry, at, fieldsByCode);
      if (fieldId == null) {
        continue;
      }
      List<FieldValue.Value> items = new ArrayList<>();
      JsonNode given = entry.get("values");
      if (given != null && !given.isNull()) {
        if (!given.isArray()) {
          f.invalid(at + ".values", "an array");
          continue;
        }
        for (int j = 0; j < given.size(); j++) {
          FieldValue.Value value = value(f, given.get(j), at + ".values." + j);
          if (value != null) {
            items.add(value);
          }
        }
      }
      values.add(new FieldValue(fieldId, items));
    }
    return values;
  }

  private static Long fieldId(
      Bodies.Fields f, JsonNode entry, String at, Map<String, CustomField> fieldsByCode) {
    if (entry.hasNonNull("field_id") && entry.get("field_id").canConvertToLong()) {
      return entry.get("field_id").asLong();
    }
    if (entry.hasNonNull("field_code")) {
      CustomField field = fieldsByCode.get(entry.get("field_code").asText());
      if (field != null) {
        return field.id();
      }
      f.violations()
          .add(
              new Violation(
                  f.index(),
                  Violation.NOT_SUPPORTED_CHOICE,
                  at + ".field_code",
                  "There is no lead field with code " + entry.get("field_code").asText()));
      return null;
    }
    f.violations()
        .add(
            new Violation(
                f.index(), Violation.FIELD_MISSING, at + ".field_id", "field_id is required"));
    return null;
  }

  private static FieldValue.Value value(Bodies.Fields f, JsonNode item, String at) {
    if (item == null || !item.isObject()) {
      f.invalid(at, "an object with value or enum_id");
      return null;
    }
    JsonNode enumId = item.get("enum_id");
    if (enumId != null && !enumId.isNull()) {
      if (!enumId.canConvertToLong()) {
        f.invalid(at + ".enum_id", "a whole number");
        return null;
      }
      return new FieldValue.Value(null, enumId.asLong());
    }
    JsonNode value = item.get("value");
    if (value == null || value.isNull() || value.isContainerNode()) {
      f.invalid(at + ".value", "a scalar");
      return null;
    }
    return FieldValue.Value.text(value.asText());
  }

  private static List<Long> contactIds(Bodies.Fields f) {
    JsonNode contacts = f.node().path("_embedded").path("contacts");
    List<Long> ids = new ArrayList<>();
    if (contacts.isMissingNode() || contacts.isNull()) {
      return ids;
    }
    if (!contacts.isArray()) {
      f.invalid("_embedded.contacts", "an array");
      return ids;
    }
    for (int k = 0; k < contacts.size(); k++) {
      JsonNode id = contacts.get(k).path("id");
      if (id.canConvertToLong()) {
        // amoCRM marks the main contact with is_main; it goes first here.
        if (contacts.get(k).path("is_main").asBoolean(false)) {
          ids.add(0, id.asLong());
        } else {
          ids.add(id.asLong());
        }
      } else {
        f.invalid("_embedded.contacts." + k + ".id", "a whole number");
      }
    }
    return ids;
  }
}
