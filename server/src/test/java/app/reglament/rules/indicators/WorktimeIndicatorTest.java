package app.reglament.rules.indicators;

import static app.reglament.rules.indicators.FactsFixture.FORMER;
import static app.reglament.rules.indicators.FactsFixture.HEAD;
import static app.reglament.rules.indicators.FactsFixture.MANAGER;
import static app.reglament.rules.indicators.FactsFixture.at;
import static app.reglament.rules.indicators.FactsFixture.context;
import static org.assertj.core.api.Assertions.assertThat;

import app.reglament.rules.Finding;
import app.reglament.rules.Findings;
import app.reglament.rules.Indicator;
import app.reglament.rules.RuleContext;
import app.reglament.rules.Severity;
import app.reglament.rules.facts.ManagerActivity;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WorktimeIndicatorTest {
  private static final LocalDate TUESDAY = LocalDate.parse("2024-06-04");
  private final WorktimeIndicator indicator = new WorktimeIndicator();

  /**
   * Moments from {@code from} (inclusive) to {@code to} (exclusive), every {@code step} minutes.
   */
  private static List<Instant> every(String from, String to, int step) {
    List<Instant> times = new ArrayList<>();
    for (Instant t = at(from); t.isBefore(at(to)); t = t.plus(Duration.ofMinutes(step))) {
      times.add(t);
    }
    return times;
  }

  private static List<Instant> times(String... locals) {
    return Stream.of(locals).map(FactsFixture::at).sorted().toList();
  }

  @SafeVarargs
  private static List<Instant> merged(List<Instant>... parts) {
    return Stream.of(parts).flatMap(List::stream).sorted().toList();
  }

  private static ManagerActivity activity(List<Instant> heartbeats, List<Instant> events) {
    return new ManagerActivity(MANAGER, at("2024-06-01T00:00"), heartbeats, events);
  }

  static Stream<Arguments> days() {
    List<Instant> none = List.of();
    return Stream.of(
        Arguments.of(
            "an event every 15 minutes 09:00–15:00",
            none,
            every("2024-06-04T09:00", "2024-06-04T15:00", 15),
            360.0,
            true),
        Arguments.of(
            "one event fewer: 15 minutes short",
            none,
            every("2024-06-04T09:15", "2024-06-04T15:00", 15),
            345.0,
            false),
        Arguments.of(
            "overlapping spans are counted once",
            none,
            times("2024-06-04T10:00", "2024-06-04T10:05"),
            20.0,
            false),
        Arguments.of(
            "an event at 08:50 reaches into the working day",
            none,
            times("2024-06-04T08:50"),
            5.0,
            false),
        Arguments.of(
            "an event at 17:55 is cut at the closing", none, times("2024-06-04T17:55"), 5.0, false),
        Arguments.of(
            "events after hours and on other days count nothing",
            none,
            times("2024-06-03T17:59", "2024-06-04T18:00", "2024-06-04T21:00", "2024-06-05T09:00"),
            0.0,
            false),
        Arguments.of(
            "disjoint spans add up, to the second",
            none,
            times("2024-06-04T10:00:00", "2024-06-04T10:16:30"),
            30.0,
            false),
        Arguments.of(
            "heartbeats that day are the measure, events are not",
            every("2024-06-04T09:00", "2024-06-04T10:40", 1),
            every("2024-06-04T09:00", "2024-06-04T17:00", 10),
            100.0,
            false),
        Arguments.of(
            "six hours of heartbeats",
            every("2024-06-04T11:00", "2024-06-04T17:00", 1),
            none,
            360.0,
            true),
        Arguments.of(
            "heartbeats outside working hours: the day is measured and was idle",
            every("2024-06-04T19:00", "2024-06-04T20:00", 1),
            every("2024-06-04T09:00", "2024-06-04T17:00", 10),
            0.0,
            false),
        Arguments.of(
            "a repeated heartbeat minute counts once",
            merged(times("2024-06-04T10:00", "2024-06-04T10:00:30"), times("2024-06-04T10:01")),
            none,
            2.0,
            false),
        Arguments.of(
            "heartbeats of another day do not make this one measured",
            every("2024-06-05T09:00", "2024-06-05T18:00", 1),
            every("2024-06-04T09:00", "2024-06-04T15:00", 15),
            360.0,
            true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("days")
  void counts_the_active_minutes_of_a_manager_day(
      String name,
      List<Instant> heartbeats,
      List<Instant> events,
      double minutes,
      boolean compliant) {
    RuleContext context = context("2024-06-05T08:00");
    ManagerActivity activity = activity(heartbeats, events);

    assertThat(WorktimeIndicator.active(activity, TUESDAY, context.calendar()).minutes())
        .isEqualTo(minutes);
    Findings out = new Findings(context.now());
    indicator.evaluate(activity, context, out);
    Finding tuesday =
        out.list().stream().filter(f -> f.day().equals(TUESDAY)).findFirst().orElseThrow();
    assertThat(tuesday.violated()).isEqualTo(!compliant);
  }

  @Test
  void judges_whole_working_days_inside_the_history_skipping_weekends_and_holidays() {
    // From Monday 10:00 (Monday cut) to Thursday 17:00 of the next week (Thursday still open);
    // Wednesday 2024-06-12 is the holiday.
    RuleContext context = context("2024-06-13T17:00");
    ManagerActivity activity =
        new ManagerActivity(MANAGER, at("2024-06-03T10:00"), List.of(), List.of());
    Findings out = new Findings(context.now());

    indicator.evaluate(activity, context, out);

    assertThat(out.list())
        .extracting(Finding::day)
        .map(LocalDate::toString)
        .containsExactly(
            "2024-06-04", "2024-06-05", "2024-06-06", "2024-06-07", "2024-06-10", "2024-06-11");
    assertThat(out.recheckAt()).isNull();
  }

  @Test
  void a_day_whose_hours_end_exactly_at_now_is_judged() {
    RuleContext context = context("2024-06-04T18:00");
    ManagerActivity activity =
        new ManagerActivity(MANAGER, at("2024-06-04T09:00"), List.of(), List.of());
    Findings out = new Findings(context.now());

    indicator.evaluate(activity, context, out);

    assertThat(out.list()).extracting(Finding::day).containsExactly(TUESDAY);
  }

  @Test
  void a_short_day_is_a_violation_with_the_figures() {
    RuleContext context = context("2024-06-05T08:00");
    ManagerActivity activity =
        activity(List.of(), every("2024-06-04T09:00", "2024-06-04T14:00", 15));
    Findings out = new Findings(context.now());

    indicator.evaluate(activity, context, out);

    Finding finding = out.list().get(out.list().size() - 1);
    assertThat(finding.indicator()).isEqualTo(Indicator.WORKTIME);
    assertThat(finding.subjectKey()).isEqualTo("user:" + MANAGER + ":2024-06-04");
    assertThat(finding.leadId()).isNull();
    assertThat(finding.userId()).isEqualTo(MANAGER);
    assertThat(finding.day()).isEqualTo(TUESDAY);
    assertThat(finding.severity()).isEqualTo(Severity.WARNING);
    assertThat(finding.beganAt()).isEqualTo(at("2024-06-04T18:00"));
    assertThat(finding.reason()).isEqualTo("short_day");
    assertThat(finding.details())
        .containsEntry("activeMinutes", 300L)
        .containsEntry("expectedMinutes", 360)
        .containsEntry("source", "events");
    assertThat(finding.explanation().russian())
        .contains("04.06.2024", "5 ч из ожидаемых 6 ч", "оценка по вашим действиям");
    assertThat(finding.explanation().english()).contains("5 h of the expected 6 h");
  }

  @Test
  void users_who_are_not_managed_are_not_judged() {
    RuleContext context = context("2024-06-05T08:00");
    for (long user : new long[] {HEAD, FORMER, 99}) {
      Findings out = new Findings(context.now());
      indicator.evaluate(
          new ManagerActivity(user, at("2024-06-01T00:00"), List.of(), List.of()), context, out);
      assertThat(out.list()).as("user %s", user).isEmpty();
    }
  }
}
