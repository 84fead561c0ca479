package app.reglament.sandbox.scenario;

import static app.reglament.sandbox.scenario.LifeContext.DWELL_MARGIN;
import static app.reglament.sandbox.scenario.LifeContext.NEAR_NOW;
import static app.reglament.sandbox.scenario.LifeContext.between;

import app.reglament.sandbox.scenario.DealSlot.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;

/**
 * When a deal arrives. Most deals are placed so that their life fits the history: closed ones end
 * before now, open ones enter their last stage when its maxDays still holds at now (or, planted,
 * long enough ago to be stuck). Edge cases arrive at their landmark: Friday 23:40, the holiday.
 */
final class Arrival {

  /** A stuck deal is at least a day past its maxDays, in calendar and in working days alike. */
  private static final Duration STUCK_BEYOND = Duration.ofDays(1);

  private static final int WORKING_DAY_MINUTES = 540;

  private final Department department;
  private final WorkCalendar calendar;
  private final Instant now;
  private final Instant windowStart;
  private final Planner.Landmarks landmarks;

  Arrival(LifeContext context) {
    this.department = context.department();
    this.calendar = context.calendar();
    this.now = context.now();
    this.windowStart = context.windowStart();
    this.landmarks = context.landmarks();
  }

  /** A first arrival to try: at its landmark, or placed so that the life can fit. */
  Instant firstGuess(DealSlot slot, Random random) {
    Department.Funnel funnel = department.funnel(slot.pipelineId());
    if (slot.early()) {
      Instant firstOpen = calendar.nextOpening(windowStart.plusSeconds(60));
      return between(windowStart.plusSeconds(60), firstOpen.plus(Duration.ofMinutes(20)), random);
    }
    if (slot.plan() != null) {
      switch (slot.plan()) {
        case FRIDAY_NIGHT_LATE:
          return landmarks.fridayNight().plusSeconds(random.nextInt(50));
        case FRIDAY_NIGHT_ON_TIME:
          return landmarks.fridayNight().plusSeconds(70 + random.nextInt(50));
        case HOLIDAY_ON_TIME:
          return landmarks.holidayNoon().plusSeconds(random.nextInt(3 * 3600));
        case FIRST_CONTACT_NONE:
          return between(now.minus(Duration.ofHours(100)), now.minus(Duration.ofHours(2)), random);
        default:
          break;
      }
    }
    if (slot.outcome() == Outcome.OPEN && slot.stage() == 0) {
      Instant from =
          calendar.isWorking(now)
              ? now.minus(Duration.ofMinutes(Schedule.ON_TIME_MIN))
              : WorkCalendar.max(
                  calendar.lastClosingAtOrBefore(now), now.minus(Duration.ofHours(40)));
      return between(from, now.minusSeconds(60), random);
    }
    double pathDays = 1.6 * Math.max(1, slot.stage());
    if (slot.outcome() == Outcome.OPEN) {
      Department.Stage stage = funnel.stage(slot.stage());
      Instant entry = between(entryLow(slot, stage), entryHigh(slot, stage), random);
      return clampArrival(entry.minus(days(pathDays - 1.2)), random);
    }
    Instant latest = now.minus(days(pathDays + 2));
    return clampArrival(
        between(windowStart, WorkCalendar.max(latest, windowStart), random), random);
  }

  /** A suggested arrival kept inside the history. */
  Instant clampArrival(Instant at, Random random) {
    if (at.isBefore(windowStart.plusSeconds(60))) {
      return windowStart.plusSeconds(60 + random.nextInt(6 * 3600));
    }
    if (at.isAfter(now.minusSeconds(60))) {
      return now.minusSeconds(60 + random.nextInt(3600));
    }
    return at;
  }

  /** The earliest allowed entry into the final stage of an open deal. */
  Instant entryLow(DealSlot slot, Department.Stage stage) {
    if (slot.has(Plan.STUCK)) {
      return windowStart.plus(Duration.ofDays(1));
    }
    return now.minus(Duration.ofDays(stage.maxDays())).plus(DWELL_MARGIN).plus(NEAR_NOW);
  }

  /** The latest allowed entry into the final stage of an open deal. */
  Instant entryHigh(DealSlot slot, Department.Stage stage) {
    if (slot.has(Plan.STUCK)) {
      Instant calendarDays = now.minus(Duration.ofDays(stage.maxDays())).minus(STUCK_BEYOND);
      Instant workingDays =
          calendar.minusWorkingMinutes(now, (stage.maxDays() + 1L) * WORKING_DAY_MINUTES);
      return WorkCalendar.min(calendarDays, workingDays);
    }
    if (endsEarly(slot.plan())) {
      // Room after the entry for the last touch and what is planted after it.
      return now.minus(Duration.ofHours(4));
    }
    return now.minus(NEAR_NOW);
  }

  /** Plans whose deal stops being worked on before now. */
  private static boolean endsEarly(Plan plan) {
    return plan == Plan.NO_TASK
        || plan == Plan.OVERDUE
        || plan == Plan.OVERDUE_OFF_HOURS
        || plan == Plan.DEADLINE_TONIGHT
        || plan == Plan.CHAT_UNANSWERED
        || plan == Plan.MAIL_UNANSWERED
        || plan == Plan.MISSED_CALL_NO_CALLBACK;
  }

  /** An open deal needs some working time in which it could have entered its stage. */
  boolean hasRoom(DealSlot slot) {
    if (slot.outcome() != Outcome.OPEN || slot.stage() < 1) {
      return true;
    }
    Department.Stage stage = department.funnel(slot.pipelineId()).stage(slot.stage());
    return calendar.workingSecondsBetween(entryLow(slot, stage), entryHigh(slot, stage)) > 0;
  }

  private static Duration days(double days) {
    return Duration.ofSeconds((long) (days * 86_400));
  }
}
