package app.reglament.sandbox.api;

import app.reglament.sandbox.store.Contact;
import app.reglament.sandbox.store.CustomField;
import app.reglament.sandbox.store.FieldValue;
import app.reglament.sandbox.store.Lead;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Deals and contacts in amoCRM's shapes, with the {@code _embedded} parts {@code with} asks for.
 */
final class DealViews {
  private DealViews() {}

  static ObjectNode lead(Render r, Lead l, Set<String> with, Map<Long, CustomField> fields) {
    ObjectNode node = r.object();
    node.put("id", l.id());
    node.put("name", l.name());
    node.put("price", l.price());
    node.put("responsible_user_id", l.responsibleUserId());
    node.put("group_id", r.groupOf(l.responsibleUserId()));
    node.put("status_id", l.statusId());
    node.put("pipeline_id", l.pipelineId());
    if (l.lossReasonId() == null) {
      node.putNull("loss_reason_id");
    } else {
      node.put("loss_reason_id", l.lossReasonId());
    }
    node.put("created_by", l.createdBy());
    node.put("updated_by", l.updatedBy());
    Render.time(node, "created_at", l.createdAt());
    Render.time(node, "updated_at", l.updatedAt());
    Render.time(node, "closed_at", l.closedAt());
    Render.time(node, "closest_task_at", r.store().closestTaskAt(l.id()).orElse(null));
    node.put("is_deleted", l.deleted());
    node.set("custom_fields_values", fieldValues(r, l.customFields(), fields));
    node.putNull("score");
    node.put("account_id", r.accountId());
    node.putNull("labor_cost");
    node.set("_links", r.links("/api/v4/leads/" + l.id()));
    ObjectNode embedded = node.putObject("_embedded");
    embedded.putArray("tags");
    embedded.putArray("companies");
    if (with.contains("contacts")) {
      ArrayNode contacts = embedded.putArray("contacts");
      List<Long> ids = l.contactIds();
      for (int i = 0; i < ids.size(); i++) {
        ObjectNode contact = contacts.addObject();
        contact.put("id", ids.get(i));
        contact.put("is_main", i == 0);
        contact.set("_links", r.links("/api/v4/contacts/" + ids.get(i)));
      }
    }
    if (with.contains("loss_reason") && l.lossReasonId() != null) {
      ArrayNode reasons = embedded.putArray("loss_reason");
      r.store().lossReasons().stream()
          .filter(reason -> reason.id() == l.lossReasonId())
          .forEach(reason -> reasons.add(AccountViews.lossReason(r, reason)));
    }
    return node;
  }

  static ObjectNode contact(Render r, Contact c, Set<String> with) {
    ObjectNode node = r.object();
    node.put("id", c.id());
    node.put("name", c.name());
    int space = c.name().indexOf(' ');
    node.put("first_name", space < 0 ? c.name() : c.name().substring(0, space));
    node.put("last_name", space < 0 ? "" : c.name().substring(space + 1));
    node.put("responsible_user_id", c.responsibleUserId());
    node.put("group_id", r.groupOf(c.responsibleUserId()));
    node.put("created_by", c.createdBy());
    node.put("updated_by", c.updatedBy());
    Render.time(node, "created_at", c.createdAt());
    Render.time(node, "updated_at", c.updatedAt());
    node.putNull("closest_task_at");
    node.put("is_deleted", false);
    node.put("is_unsorted", false);
    node.set("custom_fields_values", fieldValues(r, c.customFields(), Map.of()));
    node.put("account_id", r.accountId());
    node.set("_links", r.links("/api/v4/contacts/" + c.id()));
    ObjectNode embedded = node.putObject("_embedded");
    embedded.putArray("tags");
    embedded.putArray("companies");
    if (with.contains("leads")) {
      ArrayNode leads = embedded.putArray("leads");
      for (long leadId : r.store().leadIdsOfContact(c.id())) {
        leads.addObject().put("id", leadId).set("_links", r.links("/api/v4/leads/" + leadId));
      }
    }
    return node;
  }

  /**
   * {@code [{"field_id","field_name","field_code","field_type","values":[{"value","enum_id"}]}]},
   * or null when there are none (amoCRM sends null, not an empty list). Dates are Unix seconds and
   * checkboxes booleans, as amoCRM writes them.
   */
  static com.fasterxml.jackson.databind.JsonNode fieldValues(
      Render r, List<FieldValue> values, Map<Long, CustomField> fields) {
    if (values.isEmpty()) {
      return r.json().nullNode();
    }
    ArrayNode array = r.json().createArrayNode();
    for (FieldValue value : values) {
      CustomField field = fields.get(value.fieldId());
      ObjectNode node = array.addObject();
      node.put("field_id", value.fieldId());
      node.put("field_name", field == null ? null : field.name());
      node.put("field_code", field == null ? null : field.code());
      node.put("field_type", field == null ? "text" : field.type());
      ArrayNode items = node.putArray("values");
      for (FieldValue.Value v : value.values()) {
        ObjectNode item = items.addObject();
        writeValue(item, field, v.value());
        if (v.enumId() != null) {
          item.put("enum_id", v.enumId());
          item.putNull("enum_code");
        }
      }
    }
    return array;
  }

  private static void writeValue(ObjectNode item, CustomField field, String text) {
    String type = field == null ? "text" : field.type();
    if (CustomField.DATE_TYPES.contains(type) && text != null && text.matches("-?\\d{1,12}")) {
      item.put("value", Long.parseLong(text));
    } else if (type.equals("checkbox")) {
      item.put("value", Boolean.parseBoolean(text));
    } else {
      item.put("value", text);
    }
  }
}
