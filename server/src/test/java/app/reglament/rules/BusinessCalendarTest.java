package app.reglament.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class BusinessCalendarTest {
  private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  // Monday 2024-06-10 is a holiday here, Tuesday 2024-06-11 is not.
  private static final LocalDate HOLIDAY = LocalDate.parse("2024-06-10");
  private static final BusinessCalendar MOSCOW_OFFICE =
      BusinessCalendar.builder().holiday(HOLIDAY).build();
  private static final BusinessCalendar PLAIN = BusinessCalendar.defaults();

  private static Instant moscow(String localDateTime) {
    return at(MOSCOW, localDateTime);
  }

  private static Instant at(ZoneId zone, String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
  }

  @ParameterizedTest(name = "{0} + {1} working minutes = {2}")
  @CsvSource({
    // 2024-05-31 and 2024-06-07 are Fridays; Monday 2024-06-10 is a holiday in MOSCOW_OFFICE.
    "2024-05-31T23:40, 15, 2024-06-03T09:15", // late Friday lead starts at 09:00 Monday
    "2024-05-31T17:50, 15, 2024-06-03T09:05", // ten minutes on Friday, five on Monday
    "2024-06-07T23:40, 15, 2024-06-11T09:15", // the holiday Monday pushes to Tuesday
    "2024-06-10T11:00, 15, 2024-06-11T09:15", // a lead arriving on the holiday
    "2024-06-03T09:00, 15, 2024-06-03T09:15", // 09:00 is working time
    "2024-06-03T08:59:59, 1, 2024-06-03T09:01", // a second before opening counts from opening
    "2024-06-03T18:00, 15, 2024-06-04T09:15", // 18:00 is closed
    "2024-06-03T17:45, 15, 2024-06-03T18:00", // exactly the rest of a day ends at its closing
    "2024-06-03T17:45, 16, 2024-06-04T09:01",
    "2024-05-31T23:40, 0, 2024-06-03T09:00", // a deadline outside hours counts from the opening
    "2024-06-03T12:00, 0, 2024-06-03T12:00",
    "2024-06-03T12:00, 540, 2024-06-04T12:00", // a full working day later
    "2024-05-31T12:00, 10000, 2024-06-27T16:40", // 6h, 17 days, 7h40m; the holiday skipped
  })
  void plus_working_skips_nights_weekends_and_holidays(String start, long minutes, String end) {
    assertThat(MOSCOW_OFFICE.plusWorking(moscow(start), Duration.ofMinutes(minutes)))
        .isEqualTo(moscow(end));
  }

  @ParameterizedTest(name = "{0} is working: {1}")
  @CsvSource({
    "2024-06-03T09:00, true",
    "2024-06-03T08:59:59.999, false",
    "2024-06-03T17:59:59.999, true",
    "2024-06-03T18:00, false",
    "2024-06-01T12:00, false", // Saturday
    "2024-06-10T12:00, false", // the holiday
    "2024-06-11T12:00, true",
  })
  void working_time_is_the_half_open_interval_from_opening_to_closing(
      String moment, boolean working) {
    assertThat(MOSCOW_OFFICE.isWorking(moscow(moment))).isEqualTo(working);
  }

  @ParameterizedTest(name = "next opening from {0} is {1}")
  @CsvSource({
    "2024-06-03T12:00, 2024-06-03T12:00", // working: the moment itself
    "2024-06-03T09:00, 2024-06-03T09:00",
    "2024-06-03T06:00, 2024-06-03T09:00", // before opening the same day
    "2024-06-03T18:00, 2024-06-04T09:00", // at closing: tomorrow
    "2024-05-31T20:00, 2024-06-03T09:00", // Friday evening: Monday
    "2024-06-01T12:00, 2024-06-03T09:00", // Saturday
    "2024-06-07T18:30, 2024-06-11T09:00", // before the holiday Monday: Tuesday
    "2024-06-10T08:00, 2024-06-11T09:00", // on the holiday, before its would-be opening
  })
  void next_opening_from_a_closed_moment(String moment, String opening) {
    assertThat(MOSCOW_OFFICE.nextOpening(moscow(moment))).isEqualTo(moscow(opening));
  }

  @ParameterizedTest(name = "working time between {0} and {1} is {2} minutes")
  @CsvSource({
    "2024-06-03T10:00, 2024-06-03T11:30, 90",
    "2024-06-03T06:00, 2024-06-03T20:00, 540",
    "2024-05-31T17:00, 2024-06-03T10:00, 120", // across a weekend
    "2024-06-07T17:00, 2024-06-11T10:00, 120", // across a weekend and the holiday
    "2024-06-01T00:00, 2024-06-02T23:59, 0", // a whole weekend
    "2024-06-03T11:00, 2024-06-03T11:00, 0", // empty interval
    "2024-06-03T12:00, 2024-06-03T11:00, 0", // reversed interval
    "2024-06-03T00:00, 2024-06-17T00:00, 4860", // two weeks with one holiday: 9 days × 9h
  })
  void working_between_counts_only_working_hours(String from, String to, long minutes) {
    assertThat(MOSCOW_OFFICE.workingBetween(moscow(from), moscow(to)))
        .isEqualTo(Duration.ofMinutes(minutes));
  }

  static Stream<Arguments> calendars() {
    // Weekend hours at 01:00–05:00 put every DST change of these zones inside working time.
    LocalTime one = LocalTime.of(1, 0);
    LocalTime five = LocalTime.of(5, 0);
    return Stream.of(MOSCOW, BERLIN, NEW_YORK)
        .flatMap(
            zone ->
                Stream.of(
                    Arguments.of(
                        BusinessCalendar.builder().zone(zone).holiday(HOLIDAY).build(), zone),
                    Arguments.of(
                        BusinessCalendar.builder()
                            .zone(zone)
                            .hours(DayOfWeek.SATURDAY, one, five)
                            .hours(DayOfWeek.SUNDAY, one, five)
                            .build(),
                        zone)));
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @MethodSource("calendars")
  void working_between_undoes_plus_working(BusinessCalendar calendar, ZoneId zone) {
    Random random = new Random(20240607L);
    Instant from = Instant.parse("2024-01-01T00:00:00Z");
    long span = Duration.ofDays(2 * 366).toSeconds();
    for (int i = 0; i < 2_000; i++) {
      Instant t = from.plusSeconds(random.nextLong(span)).plusNanos(random.nextInt(1000));
      Duration d = Duration.ofSeconds(random.nextLong(Duration.ofDays(30).toSeconds()));
      Instant end = calendar.plusWorking(t, d);

      assertThat(calendar.workingBetween(t, end)).as("%s + %s = %s", t, d, end).isEqualTo(d);
      if (!d.isZero()) {
        // The end is the earliest such moment: a nanosecond earlier there is less working time.
        assertThat(calendar.workingBetween(t, end.minusNanos(1))).isLessThan(d);
      } else {
        assertThat(end).isEqualTo(calendar.nextOpening(t));
      }
    }
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @MethodSource("calendarsWithHolidays")
  void long_spans_count_what_their_days_count_one_by_one(BusinessCalendar calendar, ZoneId zone) {
    // Spans of up to three years, so that the weekly arithmetic meets DST changes and holidays.
    Random random = new Random(20250619L);
    Instant base = Instant.parse("2023-01-01T00:00:00Z");
    for (int i = 0; i < 300; i++) {
      Instant from = base.plusSeconds(random.nextLong(Duration.ofDays(400).toSeconds()));
      Instant to = from.plusSeconds(random.nextLong(Duration.ofDays(3 * 366).toSeconds()));
      Duration expected = dayByDay(calendar, from, to);

      assertThat(calendar.workingBetween(from, to)).as("%s to %s", from, to).isEqualTo(expected);
      Instant end = calendar.plusWorking(from, expected);
      assertThat(calendar.workingBetween(from, end)).isEqualTo(expected);
      if (!expected.isZero()) {
        assertThat(calendar.workingBetween(from, end.minusNanos(1))).isLessThan(expected);
      }
    }
  }

  static Stream<Arguments> calendarsWithHolidays() {
    List<LocalDate> holidays = new java.util.ArrayList<>();
    for (LocalDate day = LocalDate.parse("2023-01-01");
        day.isBefore(LocalDate.parse("2027-01-01"));
        day = day.plusDays(11)) {
      holidays.add(day);
    }
    LocalTime one = LocalTime.of(1, 0);
    LocalTime five = LocalTime.of(5, 0);
    return Stream.of(MOSCOW, BERLIN, NEW_YORK, ZoneId.of("Australia/Lord_Howe"))
        .flatMap(
            zone ->
                Stream.of(
                    Arguments.of(
                        BusinessCalendar.builder()
                            .zone(zone)
                            .holidays(new java.util.HashSet<>(holidays))
                            .build(),
                        zone),
                    Arguments.of(
                        BusinessCalendar.builder()
                            .zone(zone)
                            .hours(DayOfWeek.SATURDAY, one, five)
                            .hours(DayOfWeek.SUNDAY, one, five)
                            .holidays(new java.util.HashSet<>(holidays))
                            .build(),
                        zone)));
  }

  /** The working time of [from, to) summed day by day through the public API. */
  private static Duration dayByDay(BusinessCalendar calendar, Instant from, Instant to) {
    Duration total = Duration.ZERO;
    LocalDate last = LocalDate.ofInstant(to, calendar.zone());
    for (LocalDate day = LocalDate.ofInstant(from, calendar.zone());
        !day.isAfter(last);
        day = day.plusDays(1)) {
      if (calendar.isWorkingDay(day)) {
        Instant a = calendar.opening(day).isAfter(from) ? calendar.opening(day) : from;
        Instant b = calendar.closing(day).isBefore(to) ? calendar.closing(day) : to;
        if (b.isAfter(a)) {
          total = total.plus(Duration.between(a, b));
        }
      }
    }
    return total;
  }

  @Test
  void ten_thousand_working_minutes_do_not_iterate_minute_by_minute() {
    Instant start = moscow("2024-01-01T00:00");
    Instant end = PLAIN.plusWorking(start, Duration.ofMinutes(10_000));
    assertThat(end).isEqualTo(moscow("2024-01-25T13:40")); // 18 days and 4h40m
    // A hundred years of working time: some 36,500 steps day by day, 14 million minute by minute.
    Instant far = PLAIN.plusWorking(start, Duration.ofHours(9L * 5 * 52 * 100));
    assertThat(PLAIN.workingBetween(start, far)).isEqualTo(Duration.ofHours(9L * 5 * 52 * 100));
  }

  @ParameterizedTest(name = "{0}: {1} + {2}h = {3}")
  @CsvSource({
    // Office hours never contain the change: the weekend of the change counts nothing and the
    // days around it count their full nine hours.
    "Europe/Berlin, 2025-03-28T17:00, 2, 2025-03-31T10:00",
    "Europe/Berlin, 2025-10-24T17:00, 2, 2025-10-27T10:00",
    "America/New_York, 2025-03-07T17:00, 2, 2025-03-10T10:00",
    "America/New_York, 2025-10-31T17:00, 2, 2025-11-03T10:00",
  })
  void a_weekend_dst_change_does_not_shift_office_hours(
      String zone, String start, long hours, String end) {
    BusinessCalendar calendar = BusinessCalendar.builder().zone(ZoneId.of(zone)).build();
    ZoneId z = ZoneId.of(zone);
    assertThat(calendar.plusWorking(at(z, start), Duration.ofHours(hours))).isEqualTo(at(z, end));
    assertThat(calendar.workingBetween(at(z, start), at(z, end)))
        .isEqualTo(Duration.ofHours(hours));
  }

  @ParameterizedTest(name = "{0} on {1}: {2}–{3} holds {4} minutes")
  @CsvSource({
    // Hours that contain the change count the time that really passes: an hour less in spring,
    // an hour more in autumn, as on the wall clock.
    "Europe/Berlin, 2025-03-30, 01:00, 05:00, 180",
    "Europe/Berlin, 2025-10-26, 01:00, 05:00, 300",
    "America/New_York, 2025-03-09, 01:00, 05:00, 180",
    "America/New_York, 2025-11-02, 00:30, 05:00, 330",
    // A closing inside the spring gap moves later by the gap (like LocalDateTime.atZone).
    "Europe/Berlin, 2025-03-30, 00:30, 02:30, 120",
    // An opening inside the autumn overlap takes the earlier offset, so the repeated hour counts.
    "Europe/Berlin, 2025-10-26, 02:30, 04:00, 150",
    // An ordinary day in the same zones: the full four hours.
    "Europe/Berlin, 2025-04-06, 01:00, 05:00, 240",
  })
  void a_working_day_containing_a_dst_change_counts_real_elapsed_time(
      String zone, LocalDate sunday, LocalTime opens, LocalTime closes, long minutes) {
    ZoneId z = ZoneId.of(zone);
    BusinessCalendar calendar =
        BusinessCalendar.builder().zone(z).hours(DayOfWeek.SUNDAY, opens, closes).build();
    Instant dayStart = sunday.atStartOfDay(z).toInstant();
    Instant dayEnd = sunday.plusDays(1).atStartOfDay(z).toInstant();
    Instant opening = sunday.atTime(opens).atZone(z).toInstant();
    Instant closing = sunday.atTime(closes).atZone(z).toInstant();

    assertThat(calendar.workingBetween(dayStart, dayEnd)).isEqualTo(Duration.ofMinutes(minutes));
    assertThat(calendar.nextOpening(dayStart)).isEqualTo(opening);
    assertThat(calendar.plusWorking(dayStart, Duration.ofMinutes(minutes))).isEqualTo(closing);
    assertThat(calendar.isWorking(closing.minusNanos(1))).isTrue();
    assertThat(calendar.isWorking(closing)).isFalse();
  }

  @Test
  void a_day_that_dst_squeezes_to_nothing_is_skipped() {
    // 02:10 falls in Berlin's spring gap and becomes 03:10, after the 03:05 closing.
    BusinessCalendar calendar =
        BusinessCalendar.builder()
            .zone(BERLIN)
            .hours(DayOfWeek.SUNDAY, LocalTime.of(2, 10), LocalTime.of(3, 5))
            .closed(DayOfWeek.MONDAY)
            .closed(DayOfWeek.TUESDAY)
            .closed(DayOfWeek.WEDNESDAY)
            .closed(DayOfWeek.THURSDAY)
            .closed(DayOfWeek.FRIDAY)
            .build();

    assertThat(calendar.isWorkingDay(LocalDate.parse("2025-03-30"))).isFalse();
    assertThat(calendar.nextOpening(at(BERLIN, "2025-03-29T12:00")))
        .isEqualTo(at(BERLIN, "2025-04-06T02:10"));
    assertThat(calendar.plusWorking(at(BERLIN, "2025-03-29T12:00"), Duration.ofMinutes(55)))
        .isEqualTo(at(BERLIN, "2025-04-06T03:05"));
  }

  @Test
  void a_calendar_closed_every_day_is_rejected() {
    BusinessCalendar.Builder builder = BusinessCalendar.builder();
    for (DayOfWeek day : DayOfWeek.values()) {
      builder.closed(day);
    }
    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("close every day of the week");
  }

  @Test
  void hours_that_close_before_they_open_are_rejected() {
    assertThatThrownBy(
            () ->
                BusinessCalendar.builder()
                    .hours(DayOfWeek.MONDAY, LocalTime.of(18, 0), LocalTime.of(9, 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("close after they open");
  }

  @Test
  void negative_working_time_is_rejected() {
    assertThatThrownBy(() -> PLAIN.plusWorking(Instant.EPOCH, Duration.ofMinutes(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must not be negative");
  }

  @Test
  void a_long_run_of_holidays_is_crossed() {
    // Every day of 2025 a holiday: the next opening is the first working day of 2026.
    BusinessCalendar.Builder builder = BusinessCalendar.builder();
    for (LocalDate d = LocalDate.parse("2025-01-01"); d.getYear() == 2025; d = d.plusDays(1)) {
      builder.holiday(d);
    }
    BusinessCalendar calendar = builder.build();
    assertThat(calendar.nextOpening(moscow("2024-12-31T18:00")))
        .isEqualTo(moscow("2026-01-01T09:00"));
  }

  @Test
  void the_defaults_are_moscow_weekdays_nine_to_six() {
    assertThat(PLAIN.zone()).isEqualTo(MOSCOW);
    assertThat(PLAIN.hours().keySet())
        .containsExactly(
            DayOfWeek.MONDAY,
            DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY,
            DayOfWeek.FRIDAY);
    assertThat(PLAIN.hours().values())
        .containsOnly(new BusinessCalendar.Hours(LocalTime.of(9, 0), LocalTime.of(18, 0)));
    assertThat(PLAIN.holidays()).isEmpty();
    assertThat(List.copyOf(MOSCOW_OFFICE.holidays())).containsExactly(HOLIDAY);
  }
}
