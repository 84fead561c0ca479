package app.reglament.sandbox.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import app.reglament.rules.BusinessCalendar;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sandbox plants violations with its own calendar; the server's must read working time the same
 * way or planted items and findings disagree. Lives in the sandbox's package only to reach its
 * package-private calendar; the server's main code does not depend on the sandbox.
 */
class BusinessCalendarAgreesWithSandboxTest {
  private static final Set<LocalDate> HOLIDAYS =
      Set.of(LocalDate.parse("2024-06-12"), LocalDate.parse("2024-11-04"));

  static Stream<Arguments> pairs() {
    BusinessCalendar ours = BusinessCalendar.builder().holidays(HOLIDAYS).build();
    WorkCalendar theirs = WorkCalendar.moscowOffice(HOLIDAYS);

    // A zone with DST and weekend hours across its changes, to compare the readings there too.
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    LocalTime one = LocalTime.of(1, 0);
    LocalTime five = LocalTime.of(5, 0);
    BusinessCalendar oursBerlin =
        BusinessCalendar.builder()
            .zone(berlin)
            .hours(DayOfWeek.SUNDAY, one, five)
            .holidays(HOLIDAYS)
            .build();
    Map<DayOfWeek, LocalTime[]> hours = new EnumMap<>(DayOfWeek.class);
    oursBerlin.hours().forEach((day, h) -> hours.put(day, new LocalTime[] {h.opens(), h.closes()}));
    WorkCalendar theirsBerlin = new WorkCalendar(berlin, hours, HOLIDAYS);

    return Stream.of(
        Arguments.of("Moscow", ours, theirs), Arguments.of("Berlin", oursBerlin, theirsBerlin));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pairs")
  void both_calendars_read_working_time_alike(
      String name, BusinessCalendar ours, WorkCalendar theirs) {
    Random random = new Random(42L);
    Instant from = Instant.parse("2024-01-01T00:00:00Z");
    long span = Duration.ofDays(2 * 366).toSeconds();
    for (int i = 0; i < 5_000; i++) {
      // Whole seconds: the sandbox counts in seconds.
      Instant t = from.plusSeconds(random.nextLong(span));
      Instant u = t.plusSeconds(random.nextLong(Duration.ofDays(20).toSeconds()));
      long minutes = random.nextInt(3 * 60 * 9 * 5);

      assertThat(ours.isWorking(t)).as("isWorking %s", t).isEqualTo(theirs.isWorking(t));
      assertThat(ours.nextOpening(t)).as("nextOpening %s", t).isEqualTo(theirs.nextOpening(t));
      assertThat(ours.plusWorking(t, Duration.ofMinutes(minutes)))
          .as("%s + %d min", t, minutes)
          .isEqualTo(theirs.plusWorkingMinutes(t, minutes));
      assertThat(ours.workingBetween(t, u).toSeconds())
          .as("between %s and %s", t, u)
          .isEqualTo(theirs.workingSecondsBetween(t, u));
    }
  }
}
