package app.reglament.sandbox.scenario;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * When each person can act: working hours, minus the afternoons of the planted short days. A touch
 * (call, result, next task, stage move) takes a few minutes, so it starts no later than ten minutes
 * before closing and every manager action stays inside working hours.
 */
final class Availability {
  static final LocalTime LAST_START = LocalTime.of(17, 50);

  /** A planted low-activity day ends here: about three hours of work instead of six. */
  static final LocalTime SHORT_DAY_END = LocalTime.of(12, 20);

  private static final int MAX_DAYS_BACK = 60;

  private final WorkCalendar calendar;
  private final Map<Long, Set<LocalDate>> shortDays;

  Availability(WorkCalendar calendar, Map<Long, Set<LocalDate>> shortDays) {
    this.calendar = calendar;
    this.shortDays = shortDays;
  }

  WorkCalendar calendar() {
    return calendar;
  }

  boolean isShortDay(long userId, LocalDate day) {
    return shortDays.getOrDefault(userId, Set.of()).contains(day);
  }

  /** The last moment a touch may start on that working day. */
  Instant lastStart(long userId, LocalDate day) {
    return calendar.at(day, isShortDay(userId, day) ? SHORT_DAY_END : LAST_START);
  }

  boolean canAct(long userId, Instant t) {
    LocalDate day = calendar.date(t);
    return calendar.isWorking(t) && t.isBefore(lastStart(userId, day));
  }

  /** The earliest moment at or after {@code t} when the user can act. */
  Instant next(long userId, Instant t) {
    if (canAct(userId, t)) {
      return t;
    }
    LocalDate day = calendar.date(t);
    if (calendar.isWorkingDay(day) && t.isBefore(calendar.open(day))) {
      return calendar.open(day);
    }
    return calendar.open(calendar.nextWorkingDay(day));
  }

  /** The latest moment at or before {@code t} when the user can act. */
  Instant latestAtOrBefore(long userId, Instant t) {
    LocalDate day = calendar.date(t);
    for (int i = 0; i < MAX_DAYS_BACK; i++, day = day.minusDays(1)) {
      if (calendar.isWorkingDay(day)) {
        Instant candidate = WorkCalendar.min(t, lastStart(userId, day).minusSeconds(1));
        if (!candidate.isBefore(calendar.open(day))) {
          return candidate;
        }
      }
    }
    throw new IllegalStateException("no working moment within 60 days before " + t);
  }

  /**
   * {@code t} when the user can act then; otherwise the next moment he can, a little later than the
   * opening bell (nobody makes all his calls at 09:00:00).
   */
  Instant place(long userId, Instant t, RandomGenerator random, int maxDelayMinutes) {
    if (canAct(userId, t)) {
      return t;
    }
    Instant start = next(userId, t);
    Instant delayed = start.plusSeconds(random.nextInt(Math.max(1, maxDelayMinutes * 60)));
    return canAct(userId, delayed) ? delayed : start;
  }
}
