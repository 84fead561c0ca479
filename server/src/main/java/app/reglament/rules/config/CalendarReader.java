package app.reglament.rules.config;

import static app.reglament.rules.config.DocumentReader.child;
import static app.reglament.rules.config.DocumentReader.item;

import app.reglament.rules.BusinessCalendar;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads the working-time keys of a rules document: timezone, workingHours, holidays. */
final class CalendarReader {
  static final List<String> DAY_KEYS =
      Arrays.stream(DayOfWeek.values()).map(CalendarReader::dayKey).toList();
  private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
  private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

  private final DocumentReader in;
  private final RulesConfig defaults;

  CalendarReader(DocumentReader in, RulesConfig defaults) {
    this.in = in;
    this.defaults = defaults;
  }

  /** {@code mon} ... {@code sun}. */
  static String dayKey(DayOfWeek day) {
    return day.name().substring(0, 3).toLowerCase(Locale.ROOT);
  }

  ZoneId timezone(JsonNode node) {
    if (node == null) {
      return defaults.timezone();
    }
    if (node.isTextual()) {
      try {
        return ZoneId.of(node.textValue());
      } catch (DateTimeException e) {
        // reported below
      }
    }
    in.problem("timezone", "is not a timezone id such as \"Europe/Moscow\"");
    return defaults.timezone();
  }

  Map<DayOfWeek, BusinessCalendar.Hours> workingHours(JsonNode node) {
    if (node == null || in.object(node, "workingHours", DAY_KEYS) == null) {
      return defaults.workingHours();
    }
    Map<DayOfWeek, BusinessCalendar.Hours> hours = new EnumMap<>(DayOfWeek.class);
    hours.putAll(defaults.workingHours());
    boolean allRead = true;
    for (DayOfWeek day : DayOfWeek.values()) {
      JsonNode value = node.get(dayKey(day));
      if (value == null) {
        continue;
      }
      if (value.isNull()) {
        hours.remove(day);
        continue;
      }
      BusinessCalendar.Hours span = hours(value, child("workingHours", dayKey(day)));
      if (span == null) {
        allRead = false;
      } else {
        hours.put(day, span);
      }
    }
    if (allRead && hours.isEmpty()) {
      in.problem("workingHours", "must have at least one working day");
    }
    return hours;
  }

  private BusinessCalendar.Hours hours(JsonNode node, String key) {
    if (!node.isArray() || node.size() != 2) {
      in.problem(key, "must be [\"opens\", \"closes\"] as HH:mm, or null for a day off");
      return null;
    }
    LocalTime opens = time(node.get(0), item(key, 0));
    LocalTime closes = time(node.get(1), item(key, 1));
    if (opens == null || closes == null) {
      return null;
    }
    if (closes.equals(opens)) {
      in.problem(key, "opens and closes at the same time; use null for a day off");
      return null;
    }
    if (closes.isBefore(opens)) {
      in.problem(key, "closes before it opens");
      return null;
    }
    return new BusinessCalendar.Hours(opens, closes);
  }

  private LocalTime time(JsonNode node, String key) {
    if (node.isTextual() && TIME.matcher(node.textValue()).matches()) {
      return LocalTime.parse(node.textValue());
    }
    in.problem(key, "must be a time of day as HH:mm, from 00:00 to 23:59");
    return null;
  }

  List<LocalDate> holidays(JsonNode node) {
    if (node == null || in.list(node, "holidays") == null) {
      return defaults.holidays();
    }
    List<LocalDate> dates = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      LocalDate date = date(node.get(i), item("holidays", i));
      if (date != null && dates.contains(date)) {
        in.problem(item("holidays", i), "repeats " + item("holidays", dates.indexOf(date)));
      }
      dates.add(date);
    }
    return dates.contains(null) ? defaults.holidays() : dates;
  }

  private LocalDate date(JsonNode node, String key) {
    if (node.isTextual() && DATE.matcher(node.textValue()).matches()) {
      try {
        return LocalDate.parse(node.textValue());
      } catch (DateTimeException e) {
        // reported below
      }
    }
    in.problem(key, "must be a date as yyyy-MM-dd");
    return null;
  }
}
