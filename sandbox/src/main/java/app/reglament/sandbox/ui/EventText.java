package app.reglament.sandbox.ui;

import app.reglament.sandbox.store.Event;
import app.reglament.sandbox.store.EventTypes;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What an event of the deal's log says in the card's feed, in the words of amoCRM's Russian
 * interface. The values are amoCRM's shapes ({@code [{"lead_status":{"id","pipeline_id"}}]} …).
 */
final class EventText {
  private static final Map<String, String> PLAIN =
      Map.ofEntries(
          Map.entry(EventTypes.LEAD_DELETED, "Сделка удалена"),
          Map.entry(EventTypes.LEAD_RESTORED, "Сделка восстановлена"),
          Map.entry(EventTypes.INCOMING_CALL, "Входящий звонок"),
          Map.entry(EventTypes.OUTGOING_CALL, "Исходящий звонок"),
          Map.entry(EventTypes.INCOMING_CHAT_MESSAGE, "Входящее сообщение в чате"),
          Map.entry(EventTypes.OUTGOING_CHAT_MESSAGE, "Исходящее сообщение в чате"),
          Map.entry(EventTypes.INCOMING_MAIL, "Входящее письмо"),
          Map.entry(EventTypes.OUTGOING_MAIL, "Исходящее письмо"),
          Map.entry(EventTypes.INCOMING_SMS, "Входящее SMS"),
          Map.entry(EventTypes.OUTGOING_SMS, "Исходящее SMS"),
          Map.entry(EventTypes.COMMON_NOTE_ADDED, "Добавлено примечание"),
          Map.entry(EventTypes.SERVICE_NOTE_ADDED, "Системное примечание"));

  private EventText() {}

  static String describe(Event event, Names names, String currency) {
    List<Map<String, Object>> before = event.valueBefore();
    List<Map<String, Object>> after = event.valueAfter();
    switch (event.type()) {
      case EventTypes.LEAD_ADDED -> {
        Map<?, ?> status = entry(after, "lead_status");
        return status.isEmpty()
            ? "Сделка создана"
            : "Сделка создана в этапе «" + stage(status, names) + "»";
      }
      case EventTypes.LEAD_STATUS_CHANGED -> {
        Map<?, ?> from = entry(before, "lead_status");
        Map<?, ?> to = entry(after, "lead_status");
        String target = "«" + stage(to, names) + "»";
        if (number(from.get("pipeline_id")) != number(to.get("pipeline_id"))) {
          target = "воронка «" + names.pipeline(number(to.get("pipeline_id"))) + "», " + target;
        }
        return "Этап изменён: «" + stage(from, names) + "» → " + target;
      }
      case EventTypes.NAME_FIELD_CHANGED -> {
        return "Название: «"
            + text(entry(before, "name_field_value").get("name"))
            + "» → «"
            + text(entry(after, "name_field_value").get("name"))
            + "»";
      }
      case EventTypes.SALE_FIELD_CHANGED -> {
        return "Бюджет: "
            + Formats.money(number(entry(before, "sale_field_value").get("sale")), currency)
            + " → "
            + Formats.money(number(entry(after, "sale_field_value").get("sale")), currency);
      }
      case EventTypes.RESPONSIBLE_CHANGED -> {
        return "Ответственный: "
            + names.user(number(entry(before, "responsible_user").get("id")))
            + " → "
            + names.user(number(entry(after, "responsible_user").get("id")));
      }
      case EventTypes.CUSTOM_FIELD_VALUE_CHANGED -> {
        return fieldChange(before, after, names);
      }
      default -> {
        return PLAIN.getOrDefault(event.type(), event.type());
      }
    }
  }

  /** {@code Поле «Город»: «Казань» → «Москва»}; one entry per value, options by their text. */
  private static String fieldChange(
      List<Map<String, Object>> before, List<Map<String, Object>> after, Names names) {
    Map<?, ?> any = entry(after, "custom_field_value");
    if (any.isEmpty()) {
      any = entry(before, "custom_field_value");
    }
    return "Поле «"
        + names.field(number(any.get("field_id")))
        + "»: "
        + fieldValues(before)
        + " → "
        + fieldValues(after);
  }

  private static String fieldValues(List<Map<String, Object>> values) {
    String texts =
        values.stream()
            .map(v -> v.get("custom_field_value"))
            .filter(Map.class::isInstance)
            .map(v -> text(((Map<?, ?>) v).get("text")))
            .collect(Collectors.joining(", "));
    return texts.isEmpty() ? "пусто" : "«" + texts + "»";
  }

  private static String stage(Map<?, ?> status, Names names) {
    return names.stage(number(status.get("pipeline_id")), number(status.get("id")));
  }

  /** The inner object of the first value that has the key, or an empty map. */
  static Map<?, ?> entry(List<Map<String, Object>> values, String key) {
    for (Map<String, Object> value : values) {
      if (value.get(key) instanceof Map<?, ?> inner) {
        return inner;
      }
    }
    return Map.of();
  }

  /** Scenario events carry ints, longs or numeric strings alike. */
  static long number(Object value) {
    if (value instanceof Number n) {
      return n.longValue();
    }
    try {
      return value == null ? 0 : Long.parseLong(value.toString());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static String text(Object value) {
    return Objects.toString(value, "");
  }
}
