package app.reglament.sandbox.scenario;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The regulations the generated department works under: a rules document with DESIGN.md's keys and
 * defaults. The ground truth is "exactly the planted mistakes are violations under these rules", so
 * every number the generator keeps away from lives here.
 */
final class Regulations {
  static final String TIMEZONE = "Europe/Moscow";
  static final int SLA_MINUTES = 15;
  static final int REPLY_MINUTES = 60;
  static final int CALLBACK_MINUTES = 30;
  static final int MIN_RESULT_LETTERS = 10;
  static final int MIN_CONTACT_ATTEMPTS = 3;
  static final int EXPECTED_MINUTES_PER_DAY = 360;
  static final String CONTACT_TASK_TEXT = "Связаться с клиентом";
  static final String REVIEW_TASK_TEXT = "Проверить сделку";
  static final String NAMING_TEMPLATE = "{field:Продукт} / {contact} / {field:Город}";
  static final String NAMING_SEPARATOR = " / ";
  static final List<String> PLACEHOLDERS =
      List.of(
          "+",
          "-",
          "—",
          ".",
          "ок",
          "ok",
          "да",
          "нет",
          "готово",
          "сделано",
          "done",
          "позвонил",
          "звонил",
          "написал",
          "перезвонить");

  /** Russia's fixed-date public holidays (Labour Code art. 112), without the yearly transfers. */
  private static final List<MonthDay> PUBLIC_HOLIDAYS =
      List.of(
          MonthDay.of(1, 1),
          MonthDay.of(1, 2),
          MonthDay.of(1, 3),
          MonthDay.of(1, 4),
          MonthDay.of(1, 5),
          MonthDay.of(1, 6),
          MonthDay.of(1, 7),
          MonthDay.of(1, 8),
          MonthDay.of(2, 23),
          MonthDay.of(3, 8),
          MonthDay.of(5, 1),
          MonthDay.of(5, 9),
          MonthDay.of(6, 12),
          MonthDay.of(11, 4));

  // A holiday this close to either end of the history would show nothing around it.
  private static final int HOLIDAY_MARGIN_DAYS = 4;

  private Regulations() {}

  static String dayKey(DayOfWeek day) {
    return day.name().substring(0, 3).toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * The public holidays of the years the history touches, plus, when none of them falls on a
   * weekday inside the history, one company day off in the middle of it, so that every history
   * shows how a holiday is handled.
   */
  static Set<LocalDate> holidays(Instant windowStart, Instant now) {
    LocalDate first = LocalDate.ofInstant(windowStart, WorkCalendar.MOSCOW);
    LocalDate last = LocalDate.ofInstant(now, WorkCalendar.MOSCOW);
    Set<LocalDate> holidays = new TreeSet<>();
    for (int year = first.getYear(); year <= last.getYear(); year++) {
      for (MonthDay day : PUBLIC_HOLIDAYS) {
        holidays.add(day.atYear(year));
      }
    }
    if (usableHoliday(holidays, first, last) == null) {
      LocalDate middle = first.plusDays(ChronoUnit.DAYS.between(first, last) / 2);
      while (isWeekend(middle)) {
        middle = middle.plusDays(1);
      }
      holidays.add(middle);
    }
    return holidays;
  }

  /** A weekday holiday well inside the history, or null. */
  static LocalDate usableHoliday(Set<LocalDate> holidays, LocalDate first, LocalDate last) {
    for (LocalDate day : holidays) {
      boolean inside =
          day.isAfter(first.plusDays(HOLIDAY_MARGIN_DAYS))
              && day.isBefore(last.minusDays(HOLIDAY_MARGIN_DAYS));
      if (inside && !isWeekend(day)) {
        return day;
      }
    }
    return null;
  }

  private static boolean isWeekend(LocalDate day) {
    return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  /** The rules document, in DESIGN.md's key order. */
  static Map<String, Object> document(Department department, Set<LocalDate> holidays) {
    Map<String, Object> rules = new LinkedHashMap<>();
    rules.put("timezone", TIMEZONE);
    Map<String, Object> hours = new LinkedHashMap<>();
    for (DayOfWeek day : DayOfWeek.values()) {
      boolean weekend = day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
      // Weekends are days off: null, said explicitly rather than left out.
      hours.put(dayKey(day), weekend ? null : List.of("09:00", "18:00"));
    }
    rules.put("workingHours", hours);
    rules.put("holidays", holidays.stream().map(LocalDate::toString).toList());
    rules.put("heads", List.of(department.head.id()));
    rules.put("managers", department.managers.stream().map(Department.Manager::id).toList());
    rules.put("naming", naming());
    rules.put("firstContact", firstContact());
    rules.put("stages", stages(department));
    rules.put("requiredFields", ordered("mode", "flag", "syncNative", true));
    rules.put(
        "taskResults",
        ordered("minLength", MIN_RESULT_LETTERS, "placeholders", PLACEHOLDERS, "onJunk", "flag"));
    rules.put(
        "lostDeals",
        ordered(
            "reviewTask",
            true,
            "reviewTaskText",
            REVIEW_TASK_TEXT,
            "requireReason",
            true,
            "minContactAttempts",
            MIN_CONTACT_ATTEMPTS));
    rules.put(
        "communications",
        ordered(
            "replyMinutes", REPLY_MINUTES,
            "missedCallCallbackMinutes", CALLBACK_MINUTES,
            "reviewSamplePerManagerPerWeek", 5));
    rules.put("worktime", ordered("expectedMinutesPerDay", EXPECTED_MINUTES_PER_DAY));
    rules.put("score", ordered("weights", weights()));
    return longNumbers(rules);
  }

  /**
   * Every whole number as a Long, as JSON reads it back ({@link GroundTruthFile}), so that a ground
   * truth read from its file equals the one generated.
   */
  @SuppressWarnings("unchecked")
  private static <T> T longNumbers(T value) {
    if (value instanceof Integer number) {
      return (T) Long.valueOf(number);
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((key, item) -> copy.put((String) key, longNumbers(item)));
      return (T) java.util.Collections.unmodifiableMap(copy);
    }
    if (value instanceof List<?> list) {
      return (T)
          java.util.Collections.unmodifiableList(
              list.stream().map(Regulations::longNumbers).toList());
    }
    return value;
  }

  private static Map<String, Object> naming() {
    Map<String, Object> naming = new LinkedHashMap<>();
    naming.put("enabled", true);
    naming.put("template", NAMING_TEMPLATE);
    naming.put("onCreate", true);
    naming.put("onFieldChange", true);
    naming.put("pipelines", null);
    return naming;
  }

  private static Map<String, Object> firstContact() {
    Map<String, Object> first = new LinkedHashMap<>();
    first.put("slaMinutes", SLA_MINUTES);
    first.put("createTask", true);
    first.put("taskText", CONTACT_TASK_TEXT);
    first.put("taskTypeId", Department.TASK_TYPE_FOLLOW_UP);
    // Off: the history shows what the managers did, with no automatic hand-over in between.
    first.put("reassignAfterMinutes", null);
    first.put("reassignPool", null);
    first.put("maxOpenNewLeadsPerManager", null);
    return first;
  }

  private static List<Object> stages(Department department) {
    List<Object> stages = new ArrayList<>();
    for (Department.Funnel funnel : department.funnels) {
      for (Department.Stage stage : funnel.stages()) {
        stages.add(
            ordered(
                "pipelineId", funnel.id(),
                "statusId", stage.id(),
                "requiredFields", stage.required().stream().map(department::fieldId).toList(),
                "maxDays", stage.maxDays()));
      }
    }
    return stages;
  }

  private static Map<String, Object> weights() {
    Map<String, Object> weights = new LinkedHashMap<>();
    for (String code :
        List.of(
            "first_contact",
            "stuck_deal",
            "overdue_task",
            "no_task",
            "task_result",
            "communication",
            "required_fields",
            "naming",
            "lost_deal")) {
      weights.put(code, 1);
    }
    weights.put("worktime", 0);
    return weights;
  }

  private static Map<String, Object> ordered(Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }
}
