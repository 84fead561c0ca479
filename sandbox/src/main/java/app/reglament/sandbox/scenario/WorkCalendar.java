package app.reglament.sandbox.scenario;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The account's working time: a timezone, opening hours per weekday (none on days off) and
 * holidays. A lead that arrives at 23:40 on Friday starts its SLA at the next opening; this class
 * is the arithmetic behind that. Day by day, never minute by minute.
 */
final class WorkCalendar {
  static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
  static final LocalTime OPENS = LocalTime.of(9, 0);
  static final LocalTime CLOSES = LocalTime.of(18, 0);
  // Holidays and weekends never chain for longer than this; the loops below are bounded by it.
  private static final int MAX_DAYS_OFF_IN_A_ROW = 60;

  private final ZoneId zone;
  private final Map<DayOfWeek, LocalTime[]> hours;
  private final Set<LocalDate> holidays;

  WorkCalendar(ZoneId zone, Map<DayOfWeek, LocalTime[]> hours, Set<LocalDate> holidays) {
    this.zone = zone;
    this.hours = new EnumMap<>(hours);
    this.holidays = Set.copyOf(holidays);
  }

  /** Monday to Friday 09:00–18:00 in Moscow; Saturday and Sunday off. */
  static WorkCalendar moscowOffice(Set<LocalDate> holidays) {
    Map<DayOfWeek, LocalTime[]> hours = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek day : DayOfWeek.values()) {
      boolean weekend = day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
      if (!weekend) {
        hours.put(day, new LocalTime[] {OPENS, CLOSES});
      }
    }
    return new WorkCalendar(MOSCOW, hours, holidays);
  }

  /** Reads timezone, workingHours and holidays of a rules document (DESIGN.md's keys). */
  @SuppressWarnings("unchecked")
  static WorkCalendar fromRules(Map<String, Object> rules) {
    ZoneId zone = ZoneId.of((String) rules.get("timezone"));
    Map<String, Object> working = (Map<String, Object>) rules.get("workingHours");
    Map<DayOfWeek, LocalTime[]> hours = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek day : DayOfWeek.values()) {
      List<String> span = (List<String>) working.get(Regulations.dayKey(day));
      if (span != null) {
        hours.put(
            day, new LocalTime[] {LocalTime.parse(span.get(0)), LocalTime.parse(span.get(1))});
      }
    }
    Set<LocalDate> holidays = new TreeSet<>();
    for (Object date : (List<Object>) rules.get("holidays")) {
      holidays.add(LocalDate.parse((String) date));
    }
    return new WorkCalendar(zone, hours, holidays);
  }

  ZoneId zone() {
    return zone;
  }

  LocalDate date(Instant t) {
    return LocalDate.ofInstant(t, zone);
  }

  boolean isHoliday(LocalDate day) {
    return holidays.contains(day);
  }

  boolean isWorkingDay(LocalDate day) {
    return hours.get(day.getDayOfWeek()) != null && !holidays.contains(day);
  }

  /** Opening moment of a working day. */
  Instant open(LocalDate day) {
    return day.atTime(hours.get(day.getDayOfWeek())[0]).atZone(zone).toInstant();
  }

  /** Closing moment of a working day. */
  Instant close(LocalDate day) {
    return day.atTime(hours.get(day.getDayOfWeek())[1]).atZone(zone).toInstant();
  }

  Instant at(LocalDate day, LocalTime time) {
    return day.atTime(time).atZone(zone).toInstant();
  }

  boolean isWorking(Instant t) {
    LocalDate day = date(t);
    return isWorkingDay(day) && !t.isBefore(open(day)) && t.isBefore(close(day));
  }

  /** {@code t} itself when it is working time, otherwise the next opening. */
  Instant nextOpening(Instant t) {
    if (isWorking(t)) {
      return t;
    }
    LocalDate day = date(t);
    if (isWorkingDay(day) && t.isBefore(open(day))) {
      return open(day);
    }
    return open(nextWorkingDay(day));
  }

  LocalDate nextWorkingDay(LocalDate after) {
    LocalDate day = after.plusDays(1);
    for (int i = 0; i < MAX_DAYS_OFF_IN_A_ROW && !isWorkingDay(day); i++) {
      day = day.plusDays(1);
    }
    if (!isWorkingDay(day)) {
      throw new IllegalStateException("no working day within 60 days after " + after);
    }
    return day;
  }

  LocalDate previousWorkingDay(LocalDate before) {
    LocalDate day = before.minusDays(1);
    for (int i = 0; i < MAX_DAYS_OFF_IN_A_ROW && !isWorkingDay(day); i++) {
      day = day.minusDays(1);
    }
    if (!isWorkingDay(day)) {
      throw new IllegalStateException("no working day within 60 days before " + before);
    }
    return day;
  }

  /** The moment {@code minutes} of working time after {@code t}. */
  Instant plusWorkingMinutes(Instant t, long minutes) {
    long left = minutes * 60;
    Instant cursor = nextOpening(t);
    while (true) {
      Instant closing = close(date(cursor));
      long available = Duration.between(cursor, closing).getSeconds();
      if (left <= available) {
        return cursor.plusSeconds(left);
      }
      left -= available;
      cursor = nextOpening(closing);
    }
  }

  /** The moment {@code minutes} of working time before {@code t}. */
  Instant minusWorkingMinutes(Instant t, long minutes) {
    long left = minutes * 60;
    Instant cursor = previousWorkingMoment(t);
    while (true) {
      Instant opening = open(date(cursor.minusSeconds(1)));
      long available = Duration.between(opening, cursor).getSeconds();
      if (left <= available) {
        return cursor.minusSeconds(left);
      }
      left -= available;
      cursor = previousWorkingMoment(opening);
    }
  }

  /** {@code t} when working time ends at or runs through it, otherwise the previous closing. */
  private Instant previousWorkingMoment(Instant t) {
    LocalDate day = date(t);
    if (isWorkingDay(day) && t.isAfter(open(day))) {
      return t.isAfter(close(day)) ? close(day) : t;
    }
    return close(previousWorkingDay(day));
  }

  /** Working seconds in [a, b). */
  long workingSecondsBetween(Instant a, Instant b) {
    if (!b.isAfter(a)) {
      return 0;
    }
    long total = 0;
    for (LocalDate day = date(a); !day.isAfter(date(b)); day = day.plusDays(1)) {
      if (!isWorkingDay(day)) {
        continue;
      }
      Instant from = max(a, open(day));
      Instant to = min(b, close(day));
      if (to.isAfter(from)) {
        total += Duration.between(from, to).getSeconds();
      }
    }
    return total;
  }

  double workingMinutesBetween(Instant a, Instant b) {
    return workingSecondsBetween(a, b) / 60.0;
  }

  /** The most recent closing at or before {@code t}. */
  Instant lastClosingAtOrBefore(Instant t) {
    LocalDate day = date(t);
    if (isWorkingDay(day) && !t.isBefore(close(day))) {
      return close(day);
    }
    return close(previousWorkingDay(day));
  }

  static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
