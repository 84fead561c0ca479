package app.reglament.sandbox.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code value_before} / {@code value_after} shapes of amoCRM's events. */
final class EventValues {
  private EventValues() {}

  static List<Map<String, Object>> none() {
    return List.of();
  }

  /** {@code [{"lead_status":{"id":142,"pipeline_id":7}}]}. */
  static List<Map<String, Object>> leadStatus(long statusId, long pipelineId) {
    return one("lead_status", ordered("id", statusId, "pipeline_id", pipelineId));
  }

  static List<Map<String, Object>> responsible(long userId) {
    return one("responsible_user", ordered("id", userId));
  }

  static List<Map<String, Object>> name(String name) {
    return one("name_field_value", ordered("name", name));
  }

  static List<Map<String, Object>> sale(long price) {
    return one("sale_field_value", ordered("sale", price));
  }

  static List<Map<String, Object>> note(long noteId) {
    return one("note", ordered("id", noteId));
  }

  static List<Map<String, Object>> task(Task task) {
    return one(
        "task",
        ordered(
            "id",
            task.id(),
            "text",
            task.text(),
            "complete_till",
            task.completeTill().getEpochSecond()));
  }

  static List<Map<String, Object>> taskCompleted(boolean completed) {
    return one("task_completed", ordered("is_completed", completed));
  }

  static List<Map<String, Object>> taskResult(String text) {
    return one("task_result", ordered("text", text));
  }

  static List<Map<String, Object>> taskText(String text) {
    return one("text", ordered("text", text));
  }

  static List<Map<String, Object>> taskDeadline(long epochSecond) {
    return one("task_deadline", ordered("timestamp", epochSecond));
  }

  static List<Map<String, Object>> taskType(long typeId) {
    return one("task_type", ordered("id", typeId));
  }

  static List<Map<String, Object>> message(String messageId) {
    return one("message", ordered("id", messageId));
  }

  /** One entry per value: {@code [{"custom_field_value":{"field_id","field_type","text",…}}]}. */
  static List<Map<String, Object>> customField(CustomField field, FieldValue value) {
    List<Map<String, Object>> entries = new ArrayList<>();
    if (value == null) {
      return entries;
    }
    for (FieldValue.Value v : value.values()) {
      Map<String, Object> inner =
          ordered("field_id", value.fieldId(), "field_type", field == null ? 0 : typeCode(field));
      if (v.enumId() != null) {
        inner.put("enum_id", v.enumId());
      }
      inner.put("text", v.value());
      entries.add(Map.of("custom_field_value", inner));
    }
    return entries;
  }

  /** amoCRM's numeric field-type codes in events (1 text, 2 numeric, 4 select, 5 multiselect…). */
  private static int typeCode(CustomField field) {
    return switch (field.type()) {
      case "numeric" -> 2;
      case "checkbox" -> 3;
      case "select" -> 4;
      case "multiselect" -> 5;
      case "date" -> 6;
      case "url" -> 7;
      case "textarea" -> 9;
      case "radiobutton" -> 10;
      default -> 1;
    };
  }

  private static List<Map<String, Object>> one(String key, Map<String, Object> inner) {
    return List.of(Map.of(key, inner));
  }

  private static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
