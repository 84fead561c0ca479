package app.reglament.sandbox.scenario;

import static app.reglament.sandbox.scenario.LifeContext.between;
import static app.reglament.sandbox.scenario.Touch.TOUCH_LENGTH;
import static app.reglament.sandbox.scenario.Touch.indexOfMoveInto;

import app.reglament.sandbox.scenario.DealSlot.Outcome;
import app.reglament.sandbox.scenario.Touch.Incoming;
import app.reglament.sandbox.scenario.Touch.Out;
import app.reglament.sandbox.scenario.Words.Channel;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Random;

/**
 * What happens at each touch: how the manager reaches the client, which client messages and missed
 * calls the touch answers, and where a planted mistake bends the life (the deal stops being worked,
 * a message goes unanswered or is answered late, a result is junk, the deal changes hands).
 */
final class TouchPlanner {

  // Replies to the client, in working minutes (limits 60 for messages, 30 for missed calls).
  private static final int REPLY_MIN = 2;
  private static final int REPLY_MAX = 45;
  private static final int CALLBACK_MAX = 22;
  private static final int LATE_BEYOND_LIMIT = 25;
  private static final int LATE_SPREAD = 120;
  private static final double INCOMING_SHARE = 0.3;
  private static final double NIGHT_CALL_SHARE = 0.35;

  private final Department department;
  private final Availability availability;
  private final WorkCalendar calendar;
  private final Instant now;
  private final Planner.Landmarks landmarks;
  private final long dumperId;

  TouchPlanner(LifeContext context) {
    this.department = context.department();
    this.availability = context.availability();
    this.calendar = context.calendar();
    this.now = context.now();
    this.landmarks = context.landmarks();
    this.dumperId = context.dumperId();
  }

  /** Decides what each touch does, then bends the life where the deal's plan says so. */
  void planTouches(Story story, Department.Funnel funnel, List<Touch> touches, Random random) {
    DealSlot slot = story.slot;
    Plan plan = slot.plan();
    if (plan == Plan.FIRST_CONTACT_BY_TASK && !touches.isEmpty()) {
      touches.get(0).out = Out.NONE;
    } else if (plan == Plan.FIRST_CONTACT_BY_CONTACT_SMS && !touches.isEmpty()) {
      touches.get(0).out = Out.CONTACT_SMS;
    } else if (!touches.isEmpty()) {
      touches.get(0).out = story.channel == Channel.CHAT ? Out.CHAT : Out.CALL;
    }
    boolean quiet = plan == Plan.LOST_FEW_ATTEMPTS;
    boolean cleanCommunication = plan != null && plan.indicator != null;
    boolean lost = slot.outcome() == Outcome.LOST;
    for (int i = 1; i < touches.size(); i++) {
      Touch touch = touches.get(i);
      touch.out = quiet ? Out.NONE : ordinaryOut(slot, random);
      if (!quiet && !cleanCommunication && !lost && random.nextDouble() < INCOMING_SHARE) {
        attachIncoming(touches, i, random);
      }
    }
    if (plan == null) {
      return;
    }
    switch (plan) {
      case NO_TASK, OVERDUE, OVERDUE_OFF_HOURS, DEADLINE_TONIGHT ->
          stopWorking(story, touches, random);
      case CHAT_UNANSWERED, MAIL_UNANSWERED, MISSED_CALL_NO_CALLBACK ->
          leaveUnanswered(story, touches, random);
      case CHAT_LATE_REPLY, MAIL_LATE_REPLY, MISSED_CALL_LATE_CALLBACK ->
          answerLate(story, touches, random);
      case RESULT_EMPTY,
          RESULT_PLACEHOLDER,
          RESULT_PUNCTUATION,
          RESULT_TOO_SHORT,
          RESULT_REPEATED,
          RESULT_MASH_RU,
          RESULT_MASH_EN,
          RESULT_COPY_OF_TASK,
          RESULT_PREVIOUS -> {
        // A task in the middle of the deal's life: not the first contact, not the closing one.
        int at = 1 + random.nextInt(Math.max(1, touches.size() - 2));
        if (at >= touches.size() - 1) {
          throw new Reject("answerLate", null);
        }
        touches.get(at).junk = plan.junk;
      }
      case REASSIGNED -> reassign(story, funnel, touches, random);
      default -> {}
    }
  }

  private Out ordinaryOut(DealSlot slot, Random random) {
    double roll = random.nextDouble();
    if (roll < 0.52) {
      return Out.CALL;
    }
    if (roll < 0.62 || slot.outcome() == Outcome.LOST) {
      return Out.CALL_NOT_REACHED;
    }
    if (roll < 0.77) {
      return Out.CHAT;
    }
    if (roll < 0.87) {
      return Out.MAIL;
    }
    if (roll < 0.92 || slot.outcome() == Outcome.LOST) {
      return Out.SMS;
    }
    return Out.INCOMING_CALL;
  }

  /** A client's message or missed call shortly before a touch, which the touch answers. */
  private void attachIncoming(List<Touch> touches, int index, Random random) {
    Touch touch = touches.get(index);
    double roll = random.nextDouble();
    Incoming kind = roll < 0.55 ? Incoming.CHAT : roll < 0.7 ? Incoming.MAIL : Incoming.MISSED_CALL;
    int limit = kind == Incoming.MISSED_CALL ? CALLBACK_MAX : REPLY_MAX;
    Instant notBefore = touches.get(index - 1).end().plus(TOUCH_LENGTH);
    LocalDate day = calendar.date(touch.at);
    Instant opening = calendar.open(day);
    Instant at;
    boolean call = kind == Incoming.MISSED_CALL;
    if (call
        && random.nextDouble() < NIGHT_CALL_SHARE
        && calendar.workingMinutesBetween(opening, touch.at) <= limit - 3) {
      // Called at night, called back in the morning: on time in working minutes, which is how
      // DESIGN.md counts call-backs.
      at = opening.minusSeconds(3600 + random.nextInt(8 * 3600));
    } else {
      int minutes = REPLY_MIN + random.nextInt(limit - REPLY_MIN + 1);
      at = calendar.minusWorkingMinutes(touch.at, minutes).minusSeconds(random.nextInt(30));
    }
    // A message is answered the same working day, so clock minutes and working minutes agree.
    boolean sameDay = calendar.isWorking(at) && calendar.date(at).equals(day);
    if (!at.isAfter(notBefore) || !call && !sameDay) {
      return;
    }
    touch.incoming = kind;
    touch.incomingAt = at;
    touch.out =
        switch (kind) {
          case CHAT -> Out.CHAT;
          case MAIL -> Out.MAIL;
          case MISSED_CALL -> Out.CALL;
        };
  }

  /**
   * The manager's last touch on a deal that stops being worked: the touches after it never happen,
   * and the task it leaves (or does not leave) is the planted mistake.
   */
  private void stopWorking(Story story, List<Touch> touches, Random random) {
    Plan plan = story.slot.plan();
    int entryIndex = indexOfMoveInto(touches, story.slot.stage());
    for (int i = touches.size() - 1; i >= entryIndex; i--) {
      Touch last = touches.get(i);
      if (!last.emitted) {
        continue;
      }
      Instant till = lastTaskDeadline(plan, last, random);
      if (till == null) {
        continue;
      }
      for (int j = i + 1; j < touches.size(); j++) {
        touches.get(j).emitted = false;
      }
      last.incoming = null;
      if (plan == Plan.NO_TASK) {
        last.noNextTask = true;
      } else {
        last.tillOverride = till;
      }
      return;
    }
    throw new Reject("stopWorking", null);
  }

  /** The deadline the last task gets, or null when this touch cannot be the last one. */
  private Instant lastTaskDeadline(Plan plan, Touch last, Random random) {
    Instant overdueBy = now.minus(Duration.ofHours(1));
    switch (plan) {
      case NO_TASK:
        return last.at.isBefore(now.minus(Duration.ofHours(2))) ? last.at : null;
      case OVERDUE:
        {
          Instant till = calendar.plusWorkingMinutes(last.at, 90 + random.nextInt(240));
          till = till.truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
          return calendar.isWorking(till) && till.isBefore(overdueBy) ? till : null;
        }
      case OVERDUE_OFF_HOURS:
        {
          // "Перезвонить вечером": 20:00 the same day, counted from the next morning.
          Instant till = calendar.at(calendar.date(last.at), LocalTime.of(20, 0));
          boolean passed = calendar.nextOpening(till).isBefore(overdueBy);
          return passed && till.isAfter(last.at) ? till : null;
        }
      case DEADLINE_TONIGHT:
        {
          Instant till = between(landmarks.tonightFrom(), landmarks.tonightTo(), random);
          till = till.truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
          return till.isAfter(last.end()) ? till : null;
        }
      default:
        throw new IllegalArgumentException(plan.name());
    }
  }

  /** The client writes (or calls) after the last touch and nobody answers. */
  private void leaveUnanswered(Story story, List<Touch> touches, Random random) {
    Plan plan = story.slot.plan();
    int limit =
        plan == Plan.MISSED_CALL_NO_CALLBACK
            ? Regulations.CALLBACK_MINUTES
            : Regulations.REPLY_MINUTES;
    Instant latest = calendar.minusWorkingMinutes(now.minus(Duration.ofHours(1)), limit + 10);
    int entryIndex = indexOfMoveInto(touches, story.slot.stage());
    for (int i = touches.size() - 1; i >= entryIndex; i--) {
      Touch last = touches.get(i);
      Instant earliest = last.end().plus(Duration.ofMinutes(10));
      if (!last.emitted || !earliest.isBefore(latest)) {
        continue;
      }
      for (int j = i + 1; j < touches.size(); j++) {
        touches.get(j).emitted = false;
      }
      // The task he left is due well after now: the silence is the only mistake here.
      last.tillOverride =
          calendar
              .plusWorkingMinutes(now, 540 + random.nextInt(540))
              .truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
      Touch silence = new Touch(latest, last.stage, last.actor);
      silence.incoming =
          plan == Plan.CHAT_UNANSWERED
              ? Incoming.CHAT
              : plan == Plan.MAIL_UNANSWERED ? Incoming.MAIL : Incoming.MISSED_CALL;
      long span = Duration.between(earliest, latest).getSeconds();
      silence.incomingAt = earliest.plusSeconds(random.nextLong(Math.min(span, 2 * 86_400)));
      silence.out = Out.NONE;
      silence.emitted = false;
      touches.add(i + 1, silence);
      return;
    }
    throw new Reject("leaveUnanswered", null);
  }

  /** A touch that answers the client, but long after the regulations allow. */
  private void answerLate(Story story, List<Touch> touches, Random random) {
    Plan plan = story.slot.plan();
    boolean call = plan == Plan.MISSED_CALL_LATE_CALLBACK;
    int limit = call ? Regulations.CALLBACK_MINUTES : Regulations.REPLY_MINUTES;
    int low = limit + LATE_BEYOND_LIMIT;
    for (int i = 1; i < touches.size() - 1; i++) {
      Touch touch = touches.get(i);
      Instant notBefore = touches.get(i - 1).end().plus(TOUCH_LENGTH);
      double room = calendar.workingMinutesBetween(notBefore, touch.at);
      if (room < low + 5) {
        continue;
      }
      int minutes = low + random.nextInt((int) Math.min(LATE_SPREAD, room - low - 3));
      touch.incoming =
          plan == Plan.CHAT_LATE_REPLY
              ? Incoming.CHAT
              : plan == Plan.MAIL_LATE_REPLY ? Incoming.MAIL : Incoming.MISSED_CALL;
      touch.incomingAt = calendar.minusWorkingMinutes(touch.at, minutes);
      touch.out = call ? Out.CALL : plan == Plan.CHAT_LATE_REPLY ? Out.CHAT : Out.MAIL;
      return;
    }
    throw new Reject("answerLate", null);
  }

  /** The head hands the deal to another manager before one of the touches in its last stage. */
  private void reassign(Story story, Department.Funnel funnel, List<Touch> touches, Random random) {
    int from = indexOfMoveInto(touches, story.slot.stage()) + 1;
    List<Department.Manager> others =
        department.managers.stream()
            .filter(m -> m.pipelineId() == funnel.id())
            .filter(m -> m.id() != story.responsible && m.id() != dumperId)
            .toList();
    if (from >= touches.size() || !touches.get(from).emitted || others.isEmpty()) {
      throw new Reject("reassign", null);
    }
    Department.Manager next = Words.pick(random, others);
    for (int i = from; i < touches.size(); i++) {
      Touch touch = touches.get(i);
      touch.actor = next.id();
      if (touch.emitted && !availability.canAct(next.id(), touch.at)) {
        throw new Reject("reassign", null);
      }
    }
  }
}
