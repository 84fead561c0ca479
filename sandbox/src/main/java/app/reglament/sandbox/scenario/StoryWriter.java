package app.reglament.sandbox.scenario;

import static app.reglament.sandbox.scenario.LifeContext.NEAR_NOW;
import static app.reglament.sandbox.scenario.Touch.CLOSING_COMMENT_AFTER;
import static app.reglament.sandbox.scenario.Touch.LOSS_AFTER;
import static app.reglament.sandbox.scenario.Touch.MOVE_AFTER;
import static app.reglament.sandbox.scenario.Touch.NOTE_AFTER;
import static app.reglament.sandbox.scenario.Touch.RESULT_AFTER;
import static app.reglament.sandbox.scenario.Touch.TOUCH_LENGTH;
import static app.reglament.sandbox.scenario.Touch.TO_LOST;
import static app.reglament.sandbox.scenario.Touch.TO_WON;
import static app.reglament.sandbox.scenario.Touch.entryInto;
import static app.reglament.sandbox.scenario.Touch.indexOfMoveInto;

import app.reglament.sandbox.scenario.DealSlot.Outcome;
import app.reglament.sandbox.scenario.Story.ResultKind;
import app.reglament.sandbox.scenario.Story.TaskDraft;
import app.reglament.sandbox.scenario.Touch.Incoming;
import app.reglament.sandbox.scenario.Touch.Out;
import app.reglament.sandbox.scenario.Words.Channel;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes a planned life into the story's drafts: the lead and its contact task, the client's
 * messages, each touch (the outgoing call or message, the task closed with its result, the stage
 * move with the fields it needs, the next task and its deadline), the loss or the win, and the
 * description of every mistake planted on the way.
 */
final class StoryWriter {

  private static final double WORK_NOTE_SHARE = 0.08;
  private static final double EXTRA_FIELD_SHARE = 0.15;
  private static final double DAY_END_DEADLINE_SHARE = 0.6;

  private final LifeContext context;
  private final Department department;
  private final Availability availability;
  private final WorkCalendar calendar;
  private final Instant now;

  private final Story story;
  private final Department.Funnel funnel;
  private final List<Touch> touches;
  private final Random random;
  private final StoryRecorder record;
  private TaskDraft openTask;

  /** The required field left empty or junk by a planted mistake. */
  private LeadField plantedField;

  StoryWriter(
      LifeContext context,
      Story story,
      Department.Funnel funnel,
      List<Touch> touches,
      Random random) {
    this.context = context;
    this.department = context.department();
    this.availability = context.availability();
    this.calendar = context.calendar();
    this.now = context.now();
    this.story = story;
    this.funnel = funnel;
    this.touches = touches;
    this.random = random;
    this.record = new StoryRecorder(story, department, random);
  }

  void write() {
    DealSlot slot = story.slot;
    Instant arrival = story.createdAt;
    story.statusId = funnel.stage(0).id();
    story.stageIndex = 0;
    story.contactUpdatedAt = arrival;
    record.leadAdded(funnel, arrival);
    openTask =
        record.task(
            Regulations.CONTACT_TASK_TEXT,
            Department.TASK_TYPE_FOLLOW_UP,
            Department.ROBOT,
            story.responsible,
            arrival,
            calendar.plusWorkingMinutes(arrival, Regulations.SLA_MINUTES),
            0);
    if (story.channel == Channel.CHAT) {
      record.chat(true, Department.ROBOT, arrival);
    } else if (story.channel == Channel.CALL) {
      record.incomingCall(arrival, true, Department.ROBOT);
    }
    if (slot.has(Plan.FIRST_CONTACT_NONE)) {
      plantNoContact();
      takeIntoWorkUncontacted();
    }
    if (slot.has(Plan.REASSIGNED)) {
      writeReassignment();
    }
    for (int i = 0; i < touches.size(); i++) {
      Touch touch = touches.get(i);
      if (touch.incoming != null && !touch.incomingAt.isAfter(now)) {
        writeIncoming(touch);
      }
      if (touch.emitted) {
        writeTouch(touch, i == 0, nextPlanned(i));
      }
    }
    if (slot.has(Plan.DELETED_AND_RESTORED)) {
      writeDeletion();
    }
    plantAfterwards();
    if (slot.plan() == null
        && slot.outcome() != Outcome.LOST
        && !touches.isEmpty()
        && touches.get(0).emitted) {
      story.fillerFrom = touches.get(0).end().plus(Duration.ofMinutes(10));
      story.fillerUntil = story.closedAt != null ? story.closedAt.minus(NEAR_NOW) : now;
    }
  }

  /** The time the touch after {@code index} is planned for (emitted or not). */
  private Instant nextPlanned(int index) {
    for (int i = index + 1; i < touches.size(); i++) {
      if (touches.get(i).out != Out.NONE || touches.get(i).incoming == null) {
        return touches.get(i).at;
      }
    }
    return null;
  }

  private void writeIncoming(Touch touch) {
    switch (touch.incoming) {
      case CHAT -> record.chat(true, Department.ROBOT, touch.incomingAt);
      case MAIL -> record.mail(true, Department.ROBOT, touch.incomingAt);
      case MISSED_CALL -> record.incomingCall(touch.incomingAt, true, Department.ROBOT);
    }
  }

  private void writeTouch(Touch touch, boolean first, Instant nextAt) {
    long actor = touch.actor;
    Instant at = touch.at;
    writeOutgoing(touch.out, actor, at);
    // The task closed at this touch.
    Instant done = at.plus(RESULT_AFTER);
    openTask.completedAt = done;
    openTask.responsible = actor;
    openTask.facts = facts(done);
    openTask.resultKind = ResultKind.VALID;
    boolean closing = touch.moveTo != null && touch.moveTo < 0;
    openTask.resultStage =
        closing && touch.moveTo == TO_WON ? Texts.WON_RESULTS : openTask.stageIndex;
    if (touch.junk != null) {
      plantJunkResult(touch.junk);
    } else if (closing && touch.moveTo == TO_LOST) {
      openTask.resultKind = ResultKind.LOSS;
    } else if (!first && !closing && story.slot.has(Plan.RESULT_PREVIOUS)) {
      // Spare candidates, in case the planted one's predecessor is itself junk.
      story.previousResultCandidates.add(openTask);
    }
    record.taskCompleted(openTask, actor, done);
    if (touch.moveTo != null) {
      move(touch, actor);
    } else if (random.nextDouble() < EXTRA_FIELD_SHARE) {
      fillExtraField();
    }
    if (!closing && !touch.noNextTask) {
      int stage = story.stageIndex;
      String text = Texts.taskText(!funnel.main(), stage, random);
      long type =
          Texts.isMeeting(text) ? Department.TASK_TYPE_MEETING : Department.TASK_TYPE_FOLLOW_UP;
      Instant till = touch.tillOverride != null ? touch.tillOverride : deadlineFor(nextAt);
      openTask = record.task(text, type, actor, actor, done, till, stage);
    }
    if (touch.noNextTask) {
      String stageName = funnel.stage(story.stageIndex).name();
      plant(
          "no_task",
          null,
          null,
          "no_open_task: in «"
              + stageName
              + "», the last task was closed "
              + local(done)
              + " and no next task was set");
    }
    Plan plan = story.slot.plan();
    if (touch.tillOverride != null && (plan == Plan.OVERDUE || plan == Plan.OVERDUE_OFF_HOURS)) {
      plantDeadline(touch.tillOverride);
    }
    if (!closing && story.slot.outcome() != Outcome.LOST && random.nextDouble() < WORK_NOTE_SHARE) {
      record.commonNote(Texts.workNote(random), actor, at.plus(NOTE_AFTER));
    }
  }

  private Instant deadlineFor(Instant nextAt) {
    if (nextAt == null) {
      throw new IllegalStateException("a next task needs a next touch");
    }
    if (random.nextDouble() < DAY_END_DEADLINE_SHARE) {
      // "До конца дня": amoCRM's all-day tasks are due at 23:59, outside working hours.
      return calendar.at(calendar.date(nextAt), LocalTime.of(23, 59));
    }
    return nextAt
        .plus(Duration.ofMinutes(30 + random.nextInt(211)))
        .truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
  }

  private void writeOutgoing(Out out, long actor, Instant at) {
    switch (out) {
      case CALL -> record.outgoingCall(actor, at, true);
      case CALL_NOT_REACHED -> {
        record.outgoingCall(actor, at, false);
        record.sms(actor, at.plusSeconds(40), false);
      }
      case CHAT -> record.chat(false, actor, at);
      case MAIL -> record.mail(false, actor, at);
      case SMS -> record.sms(actor, at, false);
      case CONTACT_SMS -> record.sms(actor, at, true);
      case INCOMING_CALL -> record.incomingCall(at, false, actor);
      case NONE -> {}
    }
  }

  private Texts.Facts facts(Instant at) {
    return new Texts.Facts(
        story.clientFirstName,
        story.values.get(LeadField.PRODUCT),
        story.values.get(LeadField.CITY),
        story.lossReasonName,
        at);
  }

  private void move(Touch touch, long actor) {
    int to = touch.moveTo;
    if (to == TO_WON) {
      Instant at = touch.at.plus(MOVE_AFTER);
      fillAll();
      record.statusChanged(funnel.id(), story.statusId, Department.WON, actor, at);
      story.statusId = Department.WON;
      story.stageIndex = -1;
      story.closedAt = at;
      return;
    }
    if (to == TO_LOST) {
      writeLoss(touch, actor);
      return;
    }
    Department.Stage target = funnel.stage(to);
    for (LeadField field : target.required()) {
      if (!plantedMissing(field)) {
        story.filled.put(field, story.values.get(field));
      }
    }
    if (story.slot.outcome() == Outcome.OPEN
        && to == story.slot.stage()
        && (story.slot.has(Plan.REQUIRED_EMPTY) || story.slot.has(Plan.REQUIRED_JUNK))) {
      plantRequiredField(target);
    }
    Instant at = touch.at.plus(MOVE_AFTER);
    record.statusChanged(funnel.id(), story.statusId, target.id(), actor, at);
    story.statusId = target.id();
    story.stageIndex = to;
  }

  private boolean plantedMissing(LeadField field) {
    return field == plantedField;
  }

  private void fillAll() {
    for (LeadField field : LeadField.values()) {
      if (story.values.containsKey(field)
          && !story.filled.containsKey(field)
          && random.nextDouble() < 0.5) {
        story.filled.put(field, story.values.get(field));
      }
    }
    for (LeadField field : funnel.stage(funnel.lastIndex()).required()) {
      story.filled.put(field, story.values.get(field));
    }
  }

  private void fillExtraField() {
    LeadField field =
        Words.pick(
            random, List.of(LeadField.AREA, LeadField.BUDGET, LeadField.NEED, LeadField.CITY));
    if (story.values.containsKey(field) && field != plantedField) {
      story.filled.put(field, story.values.get(field));
    }
  }

  private void writeLoss(Touch touch, long actor) {
    DealSlot slot = story.slot;
    var reason = Words.pick(random, department.lossReasons);
    story.lossReasonName = reason.name();
    openTask.facts = facts(openTask.completedAt);
    if (!slot.has(Plan.LOST_NO_COMMENT)) {
      record.commonNote(
          Texts.closingComment(facts(touch.at), random),
          actor,
          touch.at.plus(CLOSING_COMMENT_AFTER));
    }
    Instant at = touch.at.plus(LOSS_AFTER);
    record.statusChanged(funnel.id(), story.statusId, Department.LOST, actor, at);
    String from = funnel.stage(story.stageIndex).name();
    story.lostFrom = story.stageIndex;
    story.statusId = Department.LOST;
    story.stageIndex = -2;
    story.closedAt = at;
    story.lossReasonId = slot.has(Plan.LOST_NO_REASON) ? null : reason.id();
    String day = calendar.date(at).toString();
    if (slot.has(Plan.LOST_NO_REASON)) {
      plant(
          "lost_deal",
          null,
          day,
          "no_reason: lost from «" + from + "» " + local(at) + " without a loss reason");
    } else if (slot.has(Plan.LOST_NO_COMMENT)) {
      plant(
          "lost_deal",
          null,
          day,
          "no_comment: lost from «"
              + from
              + "» "
              + local(at)
              + " ("
              + reason.name()
              + ") without a closing comment");
    } else if (slot.has(Plan.LOST_FEW_ATTEMPTS)) {
      plant(
          "lost_deal",
          null,
          day,
          "few_attempts: lost from «"
              + from
              + "» "
              + local(at)
              + " after 1 outgoing contact (3 required)");
    }
  }

  private void plantRequiredField(Department.Stage target) {
    List<LeadField> candidates = new ArrayList<>(target.required());
    Department.Stage before = funnel.stage(target.index() - 1);
    if (story.slot.has(Plan.REQUIRED_JUNK)) {
      candidates.removeIf(f -> !f.isText());
    } else if (candidates.size() > before.required().size()) {
      candidates.removeAll(before.required());
    }
    LeadField field = Words.pick(random, candidates);
    plantedField = field;
    String title = field.title;
    if (story.slot.has(Plan.REQUIRED_JUNK)) {
      String junk =
          Junk.FIELD_VALUES.get(Math.floorMod(story.slot.variant(), Junk.FIELD_VALUES.size()));
      story.filled.put(field, junk);
      plant(
          "required_fields",
          null,
          null,
          "junk: «" + title + "» is «" + junk + "» in «" + target.name() + "»");
    } else {
      story.filled.remove(field);
      plant(
          "required_fields",
          null,
          null,
          "empty: «" + title + "» is empty in «" + target.name() + "»");
    }
  }

  private void plantJunkResult(Junk junk) {
    openTask.junk = junk;
    openTask.junkVariant = story.slot.variant();
    openTask.resultKind =
        switch (junk) {
          case COPY_OF_TASK_TEXT -> ResultKind.COPY_OF_TASK;
          case PREVIOUS_RESULT -> ResultKind.PREVIOUS_RESULT;
          default -> ResultKind.JUNK;
        };
    if (junk == Junk.PREVIOUS_RESULT) {
      story.previousResultCandidates.add(0, openTask);
      return; // planted by the assembler, who knows the manager's previous result
    }
    plant(
        "task_result",
        openTask,
        calendar.date(openTask.completedAt).toString(),
        junk.code + ": result of «" + openTask.text + "»");
  }

  private void plantDeadline(Instant till) {
    Instant effective = calendar.nextOpening(till);
    String counted = effective.equals(till) ? "" : ", counted from " + local(effective);
    plant(
        "overdue_task",
        openTask,
        null,
        "deadline_passed: «" + openTask.text + "» due " + local(till) + counted + ", still open");
  }

  /**
   * A lead older than the incoming stage allows has been taken into work, without a call: in the
   * incoming stage it would also be stuck, and the mistake planted here is the silence.
   */
  private void takeIntoWorkUncontacted() {
    Duration incomingStay = context.maxStay(funnel.stage(0));
    if (Duration.between(story.createdAt, now).compareTo(incomingStay) <= 0) {
      return;
    }
    long manager = story.responsible;
    Instant at =
        availability.place(manager, story.createdAt.plus(Duration.ofMinutes(20)), random, 60);
    Department.Stage first = funnel.stage(1);
    boolean inTime = Duration.between(story.createdAt, at).compareTo(incomingStay) < 0;
    if (!inTime || Duration.between(at, now).compareTo(context.maxStay(first)) > 0) {
      throw new Reject("takeIntoWorkUncontacted", null);
    }
    for (LeadField field : first.required()) {
      story.filled.put(field, story.values.get(field));
    }
    record.statusChanged(funnel.id(), story.statusId, first.id(), manager, at);
    story.statusId = first.id();
    story.stageIndex = 1;
  }

  private void plantNoContact() {
    Instant deadline = openTask.completeTill;
    String day = calendar.date(deadline).toString();
    plant(
        "first_contact",
        null,
        day,
        "none: arrived "
            + local(story.createdAt)
            + ", SLA deadline "
            + local(deadline)
            + ", nobody has contacted the client");
    plant(
        "overdue_task",
        openTask,
        null,
        "deadline_passed: «" + openTask.text + "» due " + local(deadline) + ", still open");
  }

  /** Mistakes judged on the finished life: first contact timing, late or missing replies. */
  private void plantAfterwards() {
    Plan plan = story.slot.plan();
    if (plan == null || touches.isEmpty()) {
      return;
    }
    Touch first = touches.get(0);
    Instant deadline = calendar.plusWorkingMinutes(story.createdAt, Regulations.SLA_MINUTES);
    if (plan == Plan.FIRST_CONTACT_LATE
        || plan == Plan.FIRST_CONTACT_CRITICAL
        || plan == Plan.FRIDAY_NIGHT_LATE) {
      long minutes = Math.round(calendar.workingMinutesBetween(story.createdAt, first.at));
      String grade = minutes > 2 * Regulations.SLA_MINUTES ? "critical" : "warning";
      plant(
          "first_contact",
          null,
          calendar.date(deadline).toString(),
          "late_"
              + grade
              + ": arrived "
              + local(story.createdAt)
              + ", SLA deadline "
              + local(deadline)
              + ", first contact "
              + local(first.at)
              + " after "
              + minutes
              + " working minutes");
    }
    for (Touch touch : touches) {
      if (touch.incoming == null || touch.incomingAt.isAfter(now)) {
        continue;
      }
      boolean missed = touch.incoming == Incoming.MISSED_CALL;
      String what =
          switch (touch.incoming) {
            case CHAT -> "chat";
            case MAIL -> "mail";
            case MISSED_CALL -> "missed_call";
          };
      int limit = missed ? Regulations.CALLBACK_MINUTES : Regulations.REPLY_MINUTES;
      String day = calendar.date(touch.incomingAt).toString();
      if (!touch.emitted
          && (plan == Plan.CHAT_UNANSWERED
              || plan == Plan.MAIL_UNANSWERED
              || plan == Plan.MISSED_CALL_NO_CALLBACK)) {
        plant(
            "communication",
            null,
            day,
            what
                + (missed ? "_no_callback" : "_unanswered")
                + ": "
                + (missed ? "missed call " : "incoming " + what + " ")
                + local(touch.incomingAt)
                + ", due by "
                + local(calendar.plusWorkingMinutes(touch.incomingAt, limit))
                + ", nobody answered");
      } else if (touch.emitted
          && (plan == Plan.CHAT_LATE_REPLY
              || plan == Plan.MAIL_LATE_REPLY
              || plan == Plan.MISSED_CALL_LATE_CALLBACK)) {
        long minutes = Math.round(calendar.workingMinutesBetween(touch.incomingAt, touch.at));
        plant(
            "communication",
            null,
            day,
            what
                + (missed ? "_late_callback" : "_late_reply")
                + ": "
                + (missed ? "missed call " : "incoming " + what + " ")
                + local(touch.incomingAt)
                + ", answered "
                + local(touch.at)
                + " after "
                + minutes
                + " working minutes (limit "
                + limit
                + ")");
      }
    }
    if (plan == Plan.STUCK) {
      Instant entry = entryInto(touches, story.slot.stage());
      Department.Stage stage = funnel.stage(story.slot.stage());
      long days = Duration.between(entry, now).toDays();
      plant(
          "stuck_deal",
          null,
          null,
          "stuck: in «"
              + stage.name()
              + "» since "
              + local(entry)
              + ", "
              + days
              + " full days (maxDays "
              + stage.maxDays()
              + ")");
    }
  }

  private void writeReassignment() {
    int from = indexOfMoveInto(touches, story.slot.stage()) + 1;
    Touch touch = touches.get(from);
    Instant at = touch.at.minus(Duration.ofMinutes(20 + random.nextInt(40)));
    Instant previousEnd = touches.get(from - 1).end();
    if (!calendar.isWorking(at) || !at.isAfter(previousEnd)) {
      throw new Reject("writeReassignment", null);
    }
    long before = story.responsible;
    long after = touch.actor;
    record.responsibleChanged(before, after, department.head.id(), at);
    story.responsible = after;
    story.contactUpdatedAt = at;
  }

  private void writeDeletion() {
    for (int i = touches.size() - 2; i >= 1; i--) {
      Touch touch = touches.get(i);
      Touch next = touches.get(i + 1);
      if (!touch.emitted || !next.emitted) {
        continue;
      }
      Instant deleted = touch.end().plus(Duration.ofMinutes(5));
      Instant restored = deleted.plus(Duration.ofMinutes(25));
      if (availability.canAct(touch.actor, deleted)
          && calendar.isWorking(restored)
          && restored.isBefore(next.at.minus(TOUCH_LENGTH))) {
        record.deletedAndRestored(touch.actor, department.head.id(), deleted, restored);
        return;
      }
    }
    throw new Reject("writeDeletion", null);
  }

  private void plant(String indicator, TaskDraft task, String day, String description) {
    story.planted.add(new Story.PlantedDraft(indicator, task, day, description));
  }

  private String local(Instant t) {
    return context.local(t);
  }
}
