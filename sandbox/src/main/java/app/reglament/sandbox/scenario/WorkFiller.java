package app.reglament.sandbox.scenario;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Makes every ordinary manager-day a full one. Deals alone leave quiet hours (few deals exist on
 * the first days of the history), so the filler adds the calls a manager makes between touches: a
 * connected outgoing call to a client of one of his unplanned, already contacted, not lost deals,
 * which can only make that deal more compliant. Short days are left short: they are the planted
 * worktime mistakes.
 */
final class WorkFiller {
  /**
   * An ordinary day is filled until even a stingy estimate (each event worth only {@link
   * #STINGY_SPAN}) gives this; the rules expect 360.
   */
  static final double TARGET_MINUTES = 410;

  static final double MIN_ORDINARY_MINUTES = 400;
  static final double MAX_SHORT_MINUTES = 300;

  /**
   * How the estimate is made is the engine's choice; a day is ordinary or short whatever span
   * between these one picks.
   */
  static final Duration STINGY_SPAN = Duration.ofMinutes(10);

  static final Duration GENEROUS_SPAN = Duration.ofMinutes(20);
  private static final Duration RETRY_STEP = Duration.ofMinutes(5);

  private final Department department;
  private final Availability availability;
  private final WorkCalendar calendar;
  private final Random random;

  WorkFiller(Department department, Availability availability, long seed) {
    this.department = department;
    this.availability = availability;
    this.calendar = availability.calendar();
    this.random = new Random(seed * 17 + 3);
  }

  /** A manager-day's active minutes as the stingy, the standard and the generous estimate. */
  record DayActivity(double stingy, double standard, double generous) {}

  /** Active minutes per manager and judged day, after filling. */
  Map<Long, Map<LocalDate, DayActivity>> fill(List<Story> stories, List<LocalDate> days) {
    Map<Long, Map<LocalDate, DayActivity>> minutes = new HashMap<>();
    for (Department.Manager manager : department.managers) {
      long id = manager.id();
      Map<LocalDate, List<Instant>> times = eventTimes(stories, id);
      List<Story> own =
          stories.stream().filter(s -> s.fillerFrom != null && s.responsible == id).toList();
      Map<LocalDate, DayActivity> perDay = new HashMap<>();
      for (LocalDate day : days) {
        List<Instant> dayTimes = times.computeIfAbsent(day, d -> new ArrayList<>());
        Collections.sort(dayTimes);
        if (!availability.isShortDay(id, day)) {
          fillDay(id, day, dayTimes, own);
        }
        perDay.put(
            day,
            new DayActivity(
                ActivityEstimate.activeMinutes(calendar, day, dayTimes, STINGY_SPAN),
                ActivityEstimate.activeMinutes(calendar, day, dayTimes),
                ActivityEstimate.activeMinutes(calendar, day, dayTimes, GENEROUS_SPAN)));
      }
      minutes.put(id, perDay);
    }
    return minutes;
  }

  private void fillDay(long managerId, LocalDate day, List<Instant> times, List<Story> own) {
    Instant cursor = calendar.open(day);
    while (ActivityEstimate.activeMinutes(calendar, day, times, STINGY_SPAN) < TARGET_MINUTES) {
      Instant gap = ActivityEstimate.firstGap(calendar, day, times, cursor, STINGY_SPAN);
      if (gap == null) {
        return;
      }
      Instant at = gap.plusSeconds(random.nextInt(60));
      if (!availability.canAct(managerId, at)) {
        return;
      }
      List<Story> candidates =
          own.stream()
              .filter(
                  s -> !at.isBefore(s.fillerFrom) && at.isBefore(s.fillerUntil.minus(RETRY_STEP)))
              .toList();
      if (candidates.isEmpty()) {
        cursor = gap.plus(RETRY_STEP);
        continue;
      }
      Story story = candidates.get(random.nextInt(candidates.size()));
      new StoryRecorder(story, department, random).outgoingCall(managerId, at, true);
      int position = Collections.binarySearch(times, at);
      times.add(position < 0 ? -position - 1 : position, at);
      cursor = at;
    }
  }

  private Map<LocalDate, List<Instant>> eventTimes(List<Story> stories, long managerId) {
    Map<LocalDate, List<Instant>> times = new HashMap<>();
    for (Story story : stories) {
      for (Story.EventDraft event : story.events) {
        if (event.createdBy == managerId) {
          times.computeIfAbsent(calendar.date(event.at), d -> new ArrayList<>()).add(event.at);
        }
      }
    }
    return times;
  }
}
