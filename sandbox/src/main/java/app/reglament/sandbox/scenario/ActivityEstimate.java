package app.reglament.sandbox.scenario;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Active minutes of a manager-day estimated from his events, for accounts without the browser
 * extension: each event he made stands for the {@link #SPAN} that follows it (a longer silence is
 * not work), and the day's active time is the union of those spans within its working hours.
 */
final class ActivityEstimate {
  static final Duration SPAN = Duration.ofMinutes(15);

  private ActivityEstimate() {}

  /** Working days whose whole opening hours lie inside [from, now]: the manager-days judged. */
  static List<LocalDate> judgedDays(WorkCalendar calendar, Instant from, Instant now) {
    List<LocalDate> days = new ArrayList<>();
    for (LocalDate day = calendar.date(from);
        !day.isAfter(calendar.date(now));
        day = day.plusDays(1)) {
      if (calendar.isWorkingDay(day)
          && !calendar.open(day).isBefore(from)
          && !calendar.close(day).isAfter(now)) {
        days.add(day);
      }
    }
    return days;
  }

  /** Active minutes of one working day from the sorted times of the manager's events. */
  static double activeMinutes(WorkCalendar calendar, LocalDate day, List<Instant> sortedTimes) {
    return activeMinutes(calendar, day, sortedTimes, SPAN);
  }

  /** The same with another span: how robust a day's figure is to how activity is estimated. */
  static double activeMinutes(
      WorkCalendar calendar, LocalDate day, List<Instant> sortedTimes, Duration span) {
    Instant open = calendar.open(day);
    Instant close = calendar.close(day);
    long seconds = 0;
    Instant coveredUntil = open;
    for (Instant t : sortedTimes) {
      Instant from = WorkCalendar.max(t, coveredUntil);
      Instant to = WorkCalendar.min(t.plus(span), close);
      if (to.isAfter(from)) {
        seconds += Duration.between(from, to).getSeconds();
        coveredUntil = to;
      }
    }
    return seconds / 60.0;
  }

  /** The first moment of the day not covered by any span, or null when the day is covered. */
  static Instant firstGap(
      WorkCalendar calendar, LocalDate day, List<Instant> sortedTimes, Instant notBefore) {
    return firstGap(calendar, day, sortedTimes, notBefore, SPAN);
  }

  static Instant firstGap(
      WorkCalendar calendar,
      LocalDate day,
      List<Instant> sortedTimes,
      Instant notBefore,
      Duration span) {
    Instant cursor = WorkCalendar.max(calendar.open(day), notBefore);
    for (Instant t : sortedTimes) {
      if (t.isAfter(cursor)) {
        break;
      }
      Instant end = t.plus(span);
      if (end.isAfter(cursor)) {
        cursor = end;
      }
    }
    return cursor.isBefore(calendar.close(day)) ? cursor : null;
  }
}
