package app.reglament.rules.indicators;

import app.reglament.rules.BusinessCalendar;
import app.reglament.rules.Explanation;
import app.reglament.rules.Finding;
import app.reglament.rules.Findings;
import app.reglament.rules.Indicator;
import app.reglament.rules.RuleContext;
import app.reglament.rules.Severity;
import app.reglament.rules.facts.ManagerActivity;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DESIGN.md's indicator 10 ({@code worktime}): a manager-day's active minutes in the CRM within
 * working hours, against {@code expectedMinutesPerDay}. A day with any heartbeat of the browser
 * extension counts its heartbeat minutes; a day without is estimated from the manager's events,
 * each standing for the {@link #EVENT_SPAN} after it. Judged are the working days whose whole
 * working hours lie inside [history start, now]: a day cut by either end would look short.
 */
public final class WorktimeIndicator {
  /** How long one event in amoCRM stands for when there is no extension. */
  static final Duration EVENT_SPAN = Duration.ofMinutes(15);

  private static final DateTimeFormatter RU_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  public Indicator indicator() {
    return Indicator.WORKTIME;
  }

  /** Adds one finding per judged day of a managed user; nothing for anyone else. */
  public void evaluate(ManagerActivity activity, RuleContext context, Findings out) {
    if (!context.isManaged(activity.userId())) {
      return;
    }
    int expected = context.rules().worktime().expectedMinutesPerDay();
    for (LocalDate day : judgedDays(context.calendar(), activity.historyFrom(), context.now())) {
      out.add(judge(activity, day, expected, context));
    }
  }

  /** Working days whose whole opening hours lie inside [from, now]. */
  static List<LocalDate> judgedDays(BusinessCalendar calendar, Instant from, Instant now) {
    List<LocalDate> days = new ArrayList<>();
    LocalDate last = LocalDate.ofInstant(now, calendar.zone());
    for (LocalDate day = LocalDate.ofInstant(from, calendar.zone());
        !day.isAfter(last);
        day = day.plusDays(1)) {
      if (calendar.isWorkingDay(day)
          && !calendar.opening(day).isBefore(from)
          && !calendar.closing(day).isAfter(now)) {
        days.add(day);
      }
    }
    return days;
  }

  /**
   * A manager-day's active minutes within working hours.
   *
   * @param measured by the extension's heartbeats; false when estimated from events
   */
  record Active(double minutes, boolean measured) {}

  /** Active working-hours minutes of a day, from heartbeats when there are any that day. */
  static Active active(ManagerActivity activity, LocalDate day, BusinessCalendar calendar) {
    Instant dayStart = day.atStartOfDay(calendar.zone()).toInstant();
    Instant dayEnd = day.plusDays(1).atStartOfDay(calendar.zone()).toInstant();
    Instant open = calendar.opening(day);
    Instant close = calendar.closing(day);
    if (!slice(activity.heartbeatMinutes(), dayStart, dayEnd).isEmpty()) {
      long minutes =
          slice(activity.heartbeatMinutes(), open, close).stream()
              .map(t -> t.truncatedTo(ChronoUnit.MINUTES))
              .distinct()
              .count();
      return new Active(minutes, true);
    }
    // Events shortly before opening reach into the working hours.
    List<Instant> events = slice(activity.eventTimes(), open.minus(EVENT_SPAN), close);
    long seconds = 0;
    Instant covered = open;
    for (Instant t : events) {
      Instant from = t.isAfter(covered) ? t : covered;
      Instant to = t.plus(EVENT_SPAN).isBefore(close) ? t.plus(EVENT_SPAN) : close;
      if (to.isAfter(from)) {
        seconds += Duration.between(from, to).getSeconds();
        covered = to;
      }
    }
    return new Active(seconds / 60.0, false);
  }

  /** The moments in [from, to) of a sorted list. */
  private static List<Instant> slice(List<Instant> sorted, Instant from, Instant to) {
    return sorted.subList(indexOf(sorted, from), indexOf(sorted, to));
  }

  /** The index of the first moment not before {@code t}. */
  private static int indexOf(List<Instant> sorted, Instant t) {
    int i = Collections.binarySearch(sorted, t);
    if (i < 0) {
      return -i - 1;
    }
    while (i > 0 && sorted.get(i - 1).equals(t)) {
      i--;
    }
    return i;
  }

  private static Finding judge(
      ManagerActivity activity, LocalDate day, int expected, RuleContext context) {
    String subject = "user:" + activity.userId() + ":" + day;
    Active active = active(activity, day, context.calendar());
    if (active.minutes() >= expected) {
      return Finding.compliant(Indicator.WORKTIME, subject, null, null, activity.userId(), day);
    }
    boolean measured = active.measured();
    long minutes = (long) Math.floor(active.minutes());
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("activeMinutes", minutes);
    details.put("expectedMinutes", expected);
    details.put("source", measured ? "extension" : "events");
    return Finding.violated(
        Indicator.WORKTIME,
        subject,
        null,
        null,
        activity.userId(),
        day,
        Severity.WARNING,
        context.calendar().closing(day),
        "short_day",
        new Explanation(
            "За "
                + RU_DATE.format(day)
                + " активной работы в CRM "
                + hours(minutes, "ч", "мин")
                + " из ожидаемых "
                + hours(expected, "ч", "мин")
                + (measured ? "" : " (оценка по вашим действиям в amoCRM)")
                + ". Работайте со сделками в течение всего рабочего дня.",
            "On "
                + day
                + " you were active in the CRM for "
                + hours(minutes, "h", "min")
                + " of the expected "
                + hours(expected, "h", "min")
                + (measured ? "" : " (estimated from your actions in amoCRM)")
                + ". Work your deals throughout the working day."),
        details);
  }

  private static String hours(long minutes, String h, String min) {
    if (minutes < 60) {
      return minutes + " " + min;
    }
    return minutes % 60 == 0
        ? minutes / 60 + " " + h
        : minutes / 60 + " " + h + " " + minutes % 60 + " " + min;
  }
}
