package app.reglament.rules;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * An account's working time: a timezone, opening hours per weekday (absent = closed) and holidays.
 * "15 working minutes" in the regulations is arithmetic on this calendar.
 *
 * <p>Conventions:
 *
 * <ul>
 *   <li>A working day is the half-open interval [opens, closes): 09:00 is working, 18:00 is not.
 *   <li>Working time is elapsed (real) time between the opening and closing instants of each day,
 *       with wall-clock hours resolved in the zone like {@link java.time.LocalDateTime#atZone}: a
 *       time in a spring-forward gap moves later by the gap, a time in a fall-back overlap takes
 *       the earlier offset. A day whose hours span a DST change is therefore an hour shorter or
 *       longer, as the clock on the wall says; one whose hours lie outside it (the usual case:
 *       changes happen at night) counts its full hours.
 *   <li>Adding zero working time to a closed moment gives the next opening: a deadline outside
 *       working hours counts from the next opening. Adding exactly the rest of a day ends at that
 *       day's closing, not at the next opening.
 * </ul>
 *
 * Stretches of days under one UTC offset are counted in closed form (whole weeks by weekday, less
 * the holidays); only the first and last day and the days around an offset change are walked one by
 * one, so a span of years costs about as much as a span of days.
 */
public record BusinessCalendar(ZoneId zone, Map<DayOfWeek, Hours> hours, Set<LocalDate> holidays) {

  private static final Duration ONE_DAY = Duration.ofDays(1);

  public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Moscow");
  public static final LocalTime DEFAULT_OPENS = LocalTime.of(9, 0);
  public static final LocalTime DEFAULT_CLOSES = LocalTime.of(18, 0);

  /** Opening hours of one weekday; {@code closes} strictly after {@code opens}, same date. */
  public record Hours(LocalTime opens, LocalTime closes) {
    public Hours {
      Objects.requireNonNull(opens, "opens");
      Objects.requireNonNull(closes, "closes");
      if (!closes.isAfter(opens)) {
        // Overnight shifts would make a "working day" straddle two dates; nobody asked for them.
        throw new IllegalArgumentException(
            "working hours must close after they open on the same day: " + opens + "–" + closes);
      }
    }
  }

  public BusinessCalendar {
    Objects.requireNonNull(zone, "zone");
    EnumMap<DayOfWeek, Hours> copy = new EnumMap<>(DayOfWeek.class);
    hours.forEach((day, span) -> copy.put(day, Objects.requireNonNull(span, "hours of " + day)));
    if (copy.isEmpty()) {
      // Otherwise nextOpening and plusWorking could never return.
      throw new IllegalArgumentException(
          "working hours close every day of the week, so there is no working time to count");
    }
    hours = Collections.unmodifiableMap(copy);
    // Sorted, so that the holidays of a stretch of days are found without scanning them all.
    holidays = Collections.unmodifiableNavigableSet(new TreeSet<>(holidays));
  }

  /** DESIGN.md's defaults: Europe/Moscow, Monday to Friday 09:00–18:00, no holidays. */
  public static BusinessCalendar defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public boolean isWorking(Instant t) {
    LocalDate day = date(t);
    return isWorkingDay(day) && !t.isBefore(opening(day)) && t.isBefore(closing(day));
  }

  /** {@code t} itself when it is working time, otherwise the next opening. */
  public Instant nextOpening(Instant t) {
    if (isWorking(t)) {
      return t;
    }
    LocalDate day = date(t);
    if (isWorkingDay(day) && t.isBefore(opening(day))) {
      return opening(day);
    }
    return opening(nextWorkingDay(day));
  }

  /** The moment {@code amount} of working time after {@code start}. */
  public Instant plusWorking(Instant start, Duration amount) {
    if (amount.isNegative()) {
      throw new IllegalArgumentException("working time to add must not be negative: " + amount);
    }
    Duration left = amount;
    Instant cursor = nextOpening(start);
    while (true) {
      LocalDate day = date(cursor);
      Duration available = Duration.between(cursor, closing(day));
      if (left.compareTo(available) <= 0) {
        return cursor.plus(left);
      }
      left = left.minus(available);
      day = nextWorkingDay(day);
      // Whole weeks that the rest outlasts are skipped at once; the week that ends it is walked.
      while (left.compareTo(ONE_DAY) > 0 && isSteady(day, day.plusDays(6))) {
        Duration week = steadyWorking(day, day.plusDays(6));
        if (left.compareTo(week) <= 0) {
          break;
        }
        left = left.minus(week);
        day = nextWorkingDay(day.plusDays(6));
      }
      cursor = opening(day);
    }
  }

  /** Working time in [from, to); zero when {@code to} is not after {@code from}. */
  public Duration workingBetween(Instant from, Instant to) {
    if (!to.isAfter(from)) {
      return Duration.ZERO;
    }
    LocalDate first = date(from);
    LocalDate last = date(to);
    Duration total = workingOn(first, from, to);
    if (last.isAfter(first)) {
      total = total.plus(workingOn(last, from, to));
      total = total.plus(workingBetweenDays(first.plusDays(1), last.minusDays(1), from, to));
    }
    return total;
  }

  /**
   * The working time of the days {@code a} to {@code b} (inclusive) within [from, to). Stretches
   * without an offset change nearby are counted by weekday and holiday arithmetic; only the days
   * around a change are counted one by one.
   */
  private Duration workingBetweenDays(LocalDate a, LocalDate b, Instant from, Instant to) {
    Duration total = Duration.ZERO;
    ZoneRules rules = zone.getRules();
    ZoneOffsetTransition change = rules.nextTransition(utcMidnight(a.minusDays(2)));
    LocalDate day = a;
    while (!day.isAfter(b)) {
      LocalDate changeDay = change == null ? null : utcDate(change.getInstant());
      if (changeDay != null && changeDay.plusDays(1).isBefore(day)) {
        change = rules.nextTransition(change.getInstant());
        continue;
      }
      LocalDate steadyEnd = changeDay == null ? b : min(b, changeDay.minusDays(2));
      if (!steadyEnd.isBefore(day)) {
        total = total.plus(steadyWorking(day, steadyEnd));
        day = steadyEnd.plusDays(1);
        continue;
      }
      for (LocalDate end = min(b, changeDay.plusDays(1));
          !day.isAfter(end);
          day = day.plusDays(1)) {
        total = total.plus(workingOn(day, from, to));
      }
      change = rules.nextTransition(change.getInstant());
    }
    return total;
  }

  /** The working time of {@code day} within [from, to). */
  private Duration workingOn(LocalDate day, Instant from, Instant to) {
    if (!isWorkingDay(day)) {
      return Duration.ZERO;
    }
    Instant a = later(from, opening(day));
    Instant b = earlier(to, closing(day));
    return b.isAfter(a) ? Duration.between(a, b) : Duration.ZERO;
  }

  /**
   * Whether no offset change comes near the days {@code a} to {@code b}: from two days before
   * {@code a} (UTC) to two days after {@code b}, so that every day in between has one offset
   * whatever the zone's.
   */
  private boolean isSteady(LocalDate a, LocalDate b) {
    ZoneOffsetTransition change = zone.getRules().nextTransition(utcMidnight(a.minusDays(2)));
    return change == null || utcDate(change.getInstant()).isAfter(b.plusDays(1));
  }

  /**
   * The working time of the days {@code a} to {@code b} (inclusive), all under one offset: whole
   * weeks, the odd days, less the holidays on open weekdays.
   */
  private Duration steadyWorking(LocalDate a, LocalDate b) {
    long days = ChronoUnit.DAYS.between(a, b) + 1;
    Duration total = Duration.ZERO;
    for (int i = 0; i < 7 && i < days; i++) {
      // Weekday a + i occurs once for every whole week, and once more among the odd days.
      long occurrences = days / 7 + (i < days % 7 ? 1 : 0);
      total = total.plus(nominal(a.plusDays(i).getDayOfWeek()).multipliedBy(occurrences));
    }
    for (LocalDate holiday : ((NavigableSet<LocalDate>) holidays).subSet(a, true, b, true)) {
      total = total.minus(nominal(holiday.getDayOfWeek()));
    }
    return total;
  }

  /** A weekday's opening hours, as a duration; zero when it is closed. */
  private Duration nominal(DayOfWeek weekday) {
    Hours span = hours.get(weekday);
    return span == null ? Duration.ZERO : Duration.between(span.opens(), span.closes());
  }

  private static Instant utcMidnight(LocalDate day) {
    return day.atStartOfDay().toInstant(ZoneOffset.UTC);
  }

  private static LocalDate utcDate(Instant t) {
    return LocalDate.ofInstant(t, ZoneOffset.UTC);
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }

  /**
   * Whether {@code day} has working time: its weekday is open, it is no holiday, and DST has not
   * squeezed its hours to nothing (opening 02:10 and closing 03:05 on a spring-forward night).
   */
  public boolean isWorkingDay(LocalDate day) {
    return hours.containsKey(day.getDayOfWeek())
        && !holidays.contains(day)
        && closing(day).isAfter(opening(day));
  }

  /** The opening instant of a day whose weekday has hours. */
  public Instant opening(LocalDate day) {
    return day.atTime(hours.get(day.getDayOfWeek()).opens()).atZone(zone).toInstant();
  }

  /** The closing instant of a day whose weekday has hours. */
  public Instant closing(LocalDate day) {
    return day.atTime(hours.get(day.getDayOfWeek()).closes()).atZone(zone).toInstant();
  }

  private LocalDate date(Instant t) {
    return LocalDate.ofInstant(t, zone);
  }

  private LocalDate nextWorkingDay(LocalDate after) {
    // Each week has an open weekday, so only holidays (a finite set) and the odd DST-emptied day
    // can stand in the way; the bound is a guard against a bug, not a limit anyone should meet.
    long bound = holidays.size() + 14L;
    LocalDate day = after.plusDays(1);
    for (long i = 0; i < bound; i++, day = day.plusDays(1)) {
      if (isWorkingDay(day)) {
        return day;
      }
    }
    throw new IllegalStateException("no working day within " + bound + " days after " + after);
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant earlier(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  /** Starts from DESIGN.md's defaults; every setter replaces them. */
  public static final class Builder {
    private ZoneId zone = DEFAULT_ZONE;
    private final EnumMap<DayOfWeek, Hours> hours = new EnumMap<>(DayOfWeek.class);
    private final Set<LocalDate> holidays = new TreeSet<>();

    private Builder() {
      for (DayOfWeek day : DayOfWeek.values()) {
        if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
          hours.put(day, new Hours(DEFAULT_OPENS, DEFAULT_CLOSES));
        }
      }
    }

    public Builder zone(ZoneId zone) {
      this.zone = zone;
      return this;
    }

    /** Opening hours of {@code day}; {@code null} closes it (the rules' {@code null}). */
    public Builder hours(DayOfWeek day, LocalTime opens, LocalTime closes) {
      if (opens == null && closes == null) {
        hours.remove(day);
      } else {
        hours.put(day, new Hours(opens, closes));
      }
      return this;
    }

    public Builder closed(DayOfWeek day) {
      hours.remove(day);
      return this;
    }

    public Builder holiday(LocalDate date) {
      holidays.add(date);
      return this;
    }

    public Builder holidays(Set<LocalDate> dates) {
      holidays.addAll(dates);
      return this;
    }

    public BusinessCalendar build() {
      return new BusinessCalendar(zone, hours, holidays);
    }
  }
}
