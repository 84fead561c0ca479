package app.reglament.engine;

import static org.assertj.core.api.Assertions.assertThat;

import app.reglament.rules.Indicator;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContributionTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
  private static final long D = TODAY.toEpochDay();
  private static final long NO_FULL_RUN = Long.MIN_VALUE;

  private static Contribution stuck(long day, int applicable, int violated) {
    return new Contribution(Indicator.STUCK_DEAL, 7, day, applicable, violated);
  }

  private static Contribution late(long day, int applicable, int violated) {
    return new Contribution(Indicator.FIRST_CONTACT, 7, day, applicable, violated);
  }

  private static Map<Contribution.Key, List<Integer>> readable(Map<Contribution.Key, int[]> d) {
    return d.entrySet().stream()
        .collect(
            java.util.stream.Collectors.toMap(
                Map.Entry::getKey, e -> List.of(e.getValue()[0], e.getValue()[1])));
  }

  @Test
  void aStateItemOfAPastDayStaysWithThatDay() {
    var delta = Contribution.delta(List.of(stuck(D - 1, 1, 1)), List.of(stuck(D, 1, 0)), TODAY, 0);

    assertThat(readable(delta)).containsExactly(Map.entry(stuck(D, 0, 0).key(), List.of(1, 0)));
  }

  @Test
  void aStateItemRecordedBeforeTodaysFullRunIsTakenOutOfToday() {
    // The full run of today counted the deal's stuck item for today without rewriting its row.
    var delta = Contribution.delta(List.of(stuck(D - 3, 1, 1)), List.of(stuck(D, 1, 0)), TODAY, D);

    assertThat(readable(delta)).containsExactly(Map.entry(stuck(D, 0, 0).key(), List.of(0, -1)));
  }

  @Test
  void aFullRunOfAnEarlierDayDoesNotMoveAStateItemIntoToday() {
    var delta =
        Contribution.delta(List.of(stuck(D - 3, 1, 1)), List.of(stuck(D, 1, 0)), TODAY, D - 1);

    assertThat(readable(delta)).containsExactly(Map.entry(stuck(D, 0, 0).key(), List.of(1, 0)));
  }

  @Test
  void eventItemsKeepTheirDayWhateverTheFullRun() {
    var delta =
        Contribution.delta(List.of(late(D - 3, 1, 1)), List.of(late(D - 3, 1, 0)), TODAY, D);

    assertThat(readable(delta)).containsExactly(Map.entry(late(D - 3, 0, 0).key(), List.of(0, -1)));
    assertThat(Contribution.delta(List.of(late(D - 3, 1, 1)), List.of(), TODAY, NO_FULL_RUN))
        .containsOnlyKeys(late(D - 3, 0, 0).key());
  }

  @Test
  void aStoredRowStandsForTodayWhenOnlyItsStateDaysAreOlder() {
    assertThat(
            Contribution.sameToday(
                List.of(late(D - 9, 1, 1), stuck(D - 2, 1, 1)),
                List.of(late(D - 9, 1, 1), stuck(D, 1, 1)),
                TODAY))
        .isTrue();
    assertThat(Contribution.sameToday(List.of(stuck(D - 2, 1, 1)), List.of(stuck(D, 1, 0)), TODAY))
        .isFalse();
    // An event item's day is part of what it says.
    assertThat(Contribution.sameToday(List.of(late(D - 2, 1, 1)), List.of(late(D, 1, 1)), TODAY))
        .isFalse();
    assertThat(Contribution.sameToday(List.of(), List.of(stuck(D, 1, 0)), TODAY)).isFalse();
    assertThat(
            Contribution.sameToday(
                List.of(stuck(D - 2, 1, 0), stuck(D - 1, 1, 0)), List.of(stuck(D, 2, 0)), TODAY))
        .isFalse();
  }

  @Test
  void encodingRoundTrips() {
    List<Contribution> list = List.of(late(D - 9, 1, 1), stuck(D, 2, 0));

    assertThat(Contribution.decode(Contribution.encode(list))).isEqualTo(list);
    assertThat(Contribution.decode("")).isEmpty();
  }
}
