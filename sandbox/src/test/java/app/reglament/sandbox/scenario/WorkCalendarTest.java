package app.reglament.sandbox.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Working-time arithmetic: Moscow, Monday to Friday 09:00–18:00, holidays off. */
class WorkCalendarTest {
  // 12 June 2025 (Thursday) is Russia Day.
  private final WorkCalendar calendar =
      WorkCalendar.moscowOffice(Set.of(LocalDate.of(2025, 6, 12)));

  private static Instant msk(String localDateTime) {
    return java.time.LocalDateTime.parse(localDateTime).atZone(WorkCalendar.MOSCOW).toInstant();
  }

  @Test
  void aLeadOnFridayNightStartsItsSlaOnMondayMorning() {
    Instant friday = msk("2025-06-06T23:40:00");
    assertThat(calendar.plusWorkingMinutes(friday, 15)).isEqualTo(msk("2025-06-09T09:15:00"));
    assertThat(calendar.workingMinutesBetween(friday, msk("2025-06-09T09:40:00"))).isEqualTo(40.0);
  }

  @Test
  void aHolidayIsSkippedLikeAWeekend() {
    Instant wednesdayEvening = msk("2025-06-11T17:55:00");
    // 5 minutes on Wednesday, Thursday is a holiday, 10 more on Friday.
    assertThat(calendar.plusWorkingMinutes(wednesdayEvening, 15))
        .isEqualTo(msk("2025-06-13T09:10:00"));
    assertThat(calendar.isWorking(msk("2025-06-12T11:00:00"))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2025, 6, 12))).isFalse();
  }

  @Test
  void aDeadlineOutsideWorkingHoursCountsFromTheNextOpening() {
    assertThat(calendar.nextOpening(msk("2025-06-17T23:59:00")))
        .isEqualTo(msk("2025-06-18T09:00:00"));
    assertThat(calendar.nextOpening(msk("2025-06-17T10:00:00")))
        .isEqualTo(msk("2025-06-17T10:00:00"));
    assertThat(calendar.nextOpening(msk("2025-06-14T12:00:00")))
        .isEqualTo(msk("2025-06-16T09:00:00"));
  }

  @Test
  void subtractingWorkingMinutesUndoesAddingThem() {
    Instant mondayMorning = msk("2025-06-16T09:10:00");
    assertThat(calendar.minusWorkingMinutes(mondayMorning, 20))
        .isEqualTo(msk("2025-06-13T17:50:00"));
    for (int minutes : new int[] {1, 45, 540, 1_000}) {
      Instant back = calendar.minusWorkingMinutes(mondayMorning, minutes);
      assertThat(calendar.plusWorkingMinutes(back, minutes)).isEqualTo(mondayMorning);
    }
  }

  @Test
  void theRulesDocumentDescribesTheSameCalendar() {
    var department = Department.build(3, ScenarioSettings.DEFAULT_NOW);
    var rules = Regulations.document(department, Set.of(LocalDate.of(2025, 6, 12)));
    WorkCalendar fromRules = WorkCalendar.fromRules(rules);
    Instant friday = msk("2025-06-06T23:40:00");
    assertThat(fromRules.plusWorkingMinutes(friday, 15))
        .isEqualTo(calendar.plusWorkingMinutes(friday, 15));
    assertThat(fromRules.isWorking(msk("2025-06-12T11:00:00"))).isFalse();
    assertThat(rules.get("workingHours")).asString().contains("sat=null", "sun=null");
  }
}
