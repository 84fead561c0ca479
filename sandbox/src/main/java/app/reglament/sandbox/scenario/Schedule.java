package app.reglament.sandbox.scenario;

import static app.reglament.sandbox.scenario.LifeContext.NEAR_NOW;
import static app.reglament.sandbox.scenario.LifeContext.between;
import static app.reglament.sandbox.scenario.Touch.LOSS_AFTER;
import static app.reglament.sandbox.scenario.Touch.MOVE_AFTER;
import static app.reglament.sandbox.scenario.Touch.TOUCH_LENGTH;
import static app.reglament.sandbox.scenario.Touch.TO_LOST;
import static app.reglament.sandbox.scenario.Touch.TO_WON;
import static app.reglament.sandbox.scenario.Touch.entryInto;

import app.reglament.sandbox.scenario.DealSlot.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A deal's touches in time: the first contact, then some working time between touches, each stage
 * left before its maxDays, then the check that the life fits the history (a rejected attempt says
 * where the arrival should move).
 */
final class Schedule {

  // First contact, in working minutes after arrival. The SLA is 15: on time stays well inside,
  // late stays well outside, so no reading of a boundary decides.
  static final int ON_TIME_MIN = 2;
  private static final int ON_TIME_MAX = 11;
  private static final int LATE_MIN = 19;
  private static final int LATE_MAX = 27;
  private static final int CRITICAL_MIN = 35;
  private static final int CRITICAL_MAX = 55;
  private static final int FRIDAY_LATE = 40;
  private static final int FRIDAY_ON_TIME = 8;

  private final Availability availability;
  private final WorkCalendar calendar;
  private final Instant now;
  private final LifeContext context;
  private final Arrival arrival;

  Schedule(LifeContext context, Arrival arrival) {
    this.availability = context.availability();
    this.calendar = context.calendar();
    this.now = context.now();
    this.context = context;
    this.arrival = arrival;
  }

  /** The first contact's moment, or null when it never happens (or happens after now). */
  Instant firstContact(Story story, Random random) {
    DealSlot slot = story.slot;
    if (slot.has(Plan.FIRST_CONTACT_NONE)) {
      Instant deadline = calendar.plusWorkingMinutes(story.createdAt, Regulations.SLA_MINUTES);
      if (deadline.isAfter(now.minus(Duration.ofHours(1)))) {
        throw new Reject("firstContact", null);
      }
      return null;
    }
    int low = ON_TIME_MIN;
    int high = ON_TIME_MAX;
    if (slot.plan() == Plan.FIRST_CONTACT_LATE) {
      low = LATE_MIN;
      high = LATE_MAX;
    } else if (slot.plan() == Plan.FIRST_CONTACT_CRITICAL) {
      low = CRITICAL_MIN;
      high = CRITICAL_MAX;
    } else if (slot.plan() == Plan.FRIDAY_NIGHT_LATE) {
      low = FRIDAY_LATE;
      high = FRIDAY_LATE;
    } else if (slot.plan() == Plan.FRIDAY_NIGHT_ON_TIME) {
      low = FRIDAY_ON_TIME;
      high = FRIDAY_ON_TIME;
    }
    int minutes = low + random.nextInt(high - low + 1);
    Instant at =
        calendar.plusWorkingMinutes(story.createdAt, minutes).plusSeconds(random.nextInt(40));
    long manager = story.responsible;
    if (!availability.canAct(manager, at)) {
      at = availability.next(manager, at).plusSeconds(random.nextInt(60));
    }
    double worked = calendar.workingMinutesBetween(story.createdAt, at);
    if (worked < low || worked > high + 1) {
      throw new Reject("firstContact", null);
    }
    boolean waitingAtNow = slot.outcome() == Outcome.OPEN && slot.stage() == 0;
    if (waitingAtNow != at.isAfter(now)) {
      throw new Reject("firstContact", null);
    }
    return at;
  }

  /**
   * The touches from the first contact to the end: a few per stage, the last of each moving the
   * deal on (or closing it); an open deal's touches go on until one falls after now.
   */
  List<Touch> schedule(Story story, Department.Funnel funnel, Instant firstContact, Random random) {
    DealSlot slot = story.slot;
    List<Touch> touches = new ArrayList<>();
    if (firstContact == null) {
      return touches;
    }
    long actor = story.responsible;
    Touch first = new Touch(firstContact, 0, actor);
    touches.add(first);
    if (slot.stage() == 0) {
      return touches;
    }
    first.moveTo = 1;
    Instant previous = firstContact;
    Instant entered = firstContact.plus(MOVE_AFTER);
    boolean fewAttempts = slot.has(Plan.LOST_FEW_ATTEMPTS);
    for (int stage = 1; stage <= slot.stage(); stage++) {
      Department.Stage current = funnel.stage(stage);
      boolean last = stage == slot.stage();
      if (last && slot.outcome() == Outcome.OPEN) {
        // Keep working the deal until the next touch falls after now.
        for (int guard = 0; guard < 400; guard++) {
          Touch touch = new Touch(nextTouch(actor, current, 2, previous, random), stage, actor);
          touches.add(touch);
          previous = touch.at;
          if (touch.end().isAfter(now)) {
            break;
          }
        }
        break;
      }
      int count = fewAttempts ? 1 : 1 + random.nextInt(3);
      if (slot.outcome() == Outcome.LOST && slot.stage() == 1 && !fewAttempts) {
        count = Math.max(count, 2); // three contact attempts before a loss, first contact included
      }
      Touch move = null;
      for (int i = 0; i < count; i++) {
        Instant at = nextTouch(actor, current, count, previous, random);
        // Before a long break the stage must still be left in time: the touch is pulled back to
        // the last moment the manager can make it (the pre-holiday rush), never past the limit.
        Instant limit =
            entered.plus(context.maxStay(current)).minus(TOUCH_LENGTH.multipliedBy(count - i + 1L));
        if (at.isAfter(limit)) {
          at = availability.latestAtOrBefore(actor, limit).minusSeconds(random.nextInt(300));
          if (!at.isAfter(previous.plus(TOUCH_LENGTH))) {
            throw new Reject("schedule", null);
          }
        }
        move = new Touch(at, stage, actor);
        touches.add(move);
        previous = move.at;
      }
      move.moveTo = !last ? stage + 1 : slot.outcome() == Outcome.WON ? TO_WON : TO_LOST;
      Instant left = move.at.plus(move.moveTo == TO_LOST ? LOSS_AFTER : MOVE_AFTER);
      if (Duration.between(entered, left).compareTo(context.maxStay(current)) > 0) {
        throw new Reject("schedule", null);
      }
      entered = left;
    }
    return touches;
  }

  /** The next touch: some working time later, when the manager can act. */
  private Instant nextTouch(
      long actor, Department.Stage stage, int touchesInStage, Instant previous, Random random) {
    // About 70 % of the days the stage allows beyond a long weekend, in working minutes.
    double budget = Math.max(300, (stage.maxDays() - 3) * 0.7 * 540);
    long gap = Math.max(45, (long) ((0.15 + 0.85 * random.nextDouble()) * budget / touchesInStage));
    Instant candidate = calendar.plusWorkingMinutes(previous.plus(TOUCH_LENGTH), gap);
    return availability.place(actor, candidate, random, 90).plusSeconds(random.nextInt(50));
  }

  /**
   * Marks which touches happen by now and rejects a life that does not fit: a closed deal must end
   * before now, an open one must have entered its stage within the allowed window.
   */
  void checkTiming(Story story, Department.Funnel funnel, List<Touch> touches) {
    DealSlot slot = story.slot;
    for (Touch touch : touches) {
      touch.emitted = !touch.end().isAfter(now);
      if (!availability.canAct(touch.actor, touch.at)) {
        throw new Reject("checkTiming", null);
      }
    }
    if (slot.outcome() != Outcome.OPEN) {
      Instant end = touches.get(touches.size() - 1).end();
      Instant latest = now.minus(Duration.ofHours(2));
      if (end.isAfter(now.minus(NEAR_NOW))) {
        Duration over = Duration.between(latest, end);
        throw new Reject("checkTiming", story.createdAt.minus(over).minus(Duration.ofHours(6)));
      }
      return;
    }
    if (slot.stage() == 0) {
      return;
    }
    Instant entry = entryInto(touches, slot.stage());
    Department.Stage stage = funnel.stage(slot.stage());
    Instant low = arrival.entryLow(slot, stage);
    Instant high = arrival.entryHigh(slot, stage);
    if (entry.isBefore(low) || entry.isAfter(high)) {
      Instant target = between(low, high, new Random(entry.getEpochSecond()));
      throw new Reject("checkTiming", story.createdAt.plus(Duration.between(entry, target)));
    }
  }
}
