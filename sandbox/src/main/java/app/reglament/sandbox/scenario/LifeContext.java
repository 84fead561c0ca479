package app.reglament.sandbox.scenario;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;

/** What every part of a deal's life needs: the department, who can act when, and the times. */
record LifeContext(
    Department department,
    Availability availability,
    Instant now,
    Instant windowStart,
    Planner.Landmarks landmarks,
    long seed,
    long dumperId) {

  /** A compliant deal leaves a stage at least this long before its maxDays. */
  static final Duration DWELL_MARGIN = Duration.ofHours(12);

  /** Nothing that matters happens within this of now, so "at now" is never a boundary. */
  static final Duration NEAR_NOW = Duration.ofMinutes(30);

  private static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("EEE dd.MM HH:mm", Locale.ENGLISH);

  LifeContext(
      ScenarioSettings settings,
      Department department,
      Availability availability,
      Planner.Blueprint blueprint) {
    this(
        department,
        availability,
        settings.now(),
        settings.windowStart(),
        blueprint.landmarks(),
        settings.seed(),
        blueprint.dumperId());
  }

  WorkCalendar calendar() {
    return availability.calendar();
  }

  /** How long a compliant deal may stay in a stage. */
  Duration maxStay(Department.Stage stage) {
    return Duration.ofDays(stage.maxDays()).minus(DWELL_MARGIN);
  }

  /** Local time as the planted descriptions show it: "Fri 13.06 23:40". */
  String local(Instant t) {
    return LocalDateTime.ofInstant(t, calendar().zone()).format(LOCAL);
  }

  static Instant between(Instant from, Instant to, Random random) {
    long span = Duration.between(from, to).getSeconds();
    return span <= 0 ? from : from.plusSeconds(random.nextLong(span));
  }
}
