package app.reglament.sandbox.scenario;

import app.reglament.sandbox.scenario.DealSlot.Outcome;
import app.reglament.sandbox.scenario.Story.ResultKind;
import app.reglament.sandbox.scenario.Story.TaskDraft;
import app.reglament.sandbox.scenario.Words.Channel;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Lives one deal: when it arrives, when its manager first reaches the client, the touches that
 * follow (a call or message, the task closed with a result, the next task set, a stage move), the
 * client's own messages and calls, and how it ends. Timing is planned first and checked against the
 * regulations (a touch that would break a rule makes the attempt start over); only then are the
 * drafts written. A planted mistake is the one place where a rule is broken.
 */
final class DealSimulator {
  private static final int MAX_ATTEMPTS = 120;

  // A touch is a few minutes of work: the call, then the result, then the stage move.
  private static final Duration RESULT_AFTER = Duration.ofSeconds(90);
  private static final Duration NOTE_AFTER = Duration.ofSeconds(60);
  private static final Duration MOVE_AFTER = Duration.ofSeconds(150);
  private static final Duration LOSS_AFTER = Duration.ofSeconds(210);
  // The closing comment is written as the deal is closed, right after the move to lost: it is
  // a closing comment whether one reads "from an hour before the loss" or "from the loss on".
  private static final Duration CLOSING_COMMENT_AFTER = Duration.ofSeconds(270);
  private static final Duration TOUCH_LENGTH = Duration.ofMinutes(5);

  // First contact, in working minutes after arrival. The SLA is 15: on time stays well inside,
  // late stays well outside, so no reading of a boundary decides.
  private static final int ON_TIME_MIN = 2;
  private static final int ON_TIME_MAX = 11;
  private static final int LATE_MIN = 19;
  private static final int LATE_MAX = 27;
  private static final int CRITICAL_MIN = 35;
  private static final int CRITICAL_MAX = 55;
  private static final int FRIDAY_LATE = 40;
  private static final int FRIDAY_ON_TIME = 8;

  // Replies to the client, in working minutes (limits 60 for messages, 30 for missed calls).
  private static final int REPLY_MIN = 2;
  private static final int REPLY_MAX = 45;
  private static final int CALLBACK_MAX = 22;
  private static final int LATE_BEYOND_LIMIT = 25;
  private static final int LATE_SPREAD = 120;

  /** A compliant deal leaves a stage at least this long before its maxDays. */
  private static final Duration DWELL_MARGIN = Duration.ofHours(12);

  /** A stuck deal is at least a day past its maxDays, in calendar and in working days alike. */
  private static final Duration STUCK_BEYOND = Duration.ofDays(1);

  private static final int WORKING_DAY_MINUTES = 540;

  /** Nothing that matters happens within this of now, so "at now" is never a boundary. */
  private static final Duration NEAR_NOW = Duration.ofMinutes(30);

  private static final double INCOMING_SHARE = 0.3;
  private static final double NIGHT_CALL_SHARE = 0.35;
  private static final double WORK_NOTE_SHARE = 0.08;
  private static final double EXTRA_FIELD_SHARE = 0.15;
  private static final double DAY_END_DEADLINE_SHARE = 0.6;
  private static final double PRODUCT_KNOWN_SHARE = 0.6;
  private static final double CITY_KNOWN_SHARE = 0.5;

  /** Where a touch moves the deal: a stage index, or won / lost. */
  private static final int TO_WON = -1;

  private static final int TO_LOST = -2;

  /** What the manager does at a touch. */
  enum Out {
    CALL,
    CALL_NOT_REACHED,
    CHAT,
    MAIL,
    SMS,
    CONTACT_SMS,
    INCOMING_CALL,
    NONE
  }

  /** A client's message or call that a touch answers. */
  enum Incoming {
    CHAT,
    MAIL,
    MISSED_CALL
  }

  private static final class Touch {
    Instant at;
    final int stage;
    Integer moveTo;
    Out out = Out.CALL;
    long actor;
    Incoming incoming;
    Instant incomingAt;
    Junk junk;
    boolean noNextTask;
    Instant tillOverride;
    boolean emitted;

    Touch(Instant at, int stage, long actor) {
      this.at = at;
      this.stage = stage;
      this.actor = actor;
    }

    Instant end() {
      return at.plus(TOUCH_LENGTH);
    }
  }

  /** The attempt broke a rule; {@code retryAt} is a better arrival time, or null. */
  private static final class Reject extends RuntimeException {
    final transient Instant retryAt;

    Reject(String why, Instant retryAt) {
      super(why, null, false, false);
      this.retryAt = retryAt;
    }
  }

  private final Department department;
  private final Availability availability;
  private final WorkCalendar calendar;
  private final Instant now;
  private final Instant windowStart;
  private final Planner.Landmarks landmarks;
  private final long seed;
  private final long dumperId;

  DealSimulator(
      Department department,
      Availability availability,
      ScenarioSettings settings,
      Planner.Landmarks landmarks,
      long dumperId) {
    this.department = department;
    this.availability = availability;
    this.calendar = availability.calendar();
    this.now = settings.now();
    this.windowStart = settings.windowStart();
    this.landmarks = landmarks;
    this.seed = settings.seed();
    this.dumperId = dumperId;
  }

  Story live(DealSlot slot) {
    if (hasFixedArrival(slot.plan())) {
      // The moment is the point (Friday 23:40, a holiday): keep it, and let the deal take the
      // shape that fits the time left until now.
      for (DealSlot shape : shapes(slot)) {
        Story story = tryToLive(shape, true, MAX_ATTEMPTS);
        if (story != null) {
          return story;
        }
      }
      return withoutPlan(slot);
    }
    for (DealSlot shape : alternatives(slot)) {
      if (hasRoom(shape)) {
        Story story = tryToLive(shape, false, shape == slot ? MAX_ATTEMPTS : MAX_ATTEMPTS / 4);
        if (story != null) {
          return story;
        }
      }
    }
    if (slot.plan() != null) {
      return withoutPlan(slot);
    }
    throw new IllegalStateException("could not live deal " + slot);
  }

  /**
   * Some nows make a plan impossible under the rules themselves (on the first morning after the New
   * Year holidays no lead can be "never contacted, deadline passed" without having been stuck for a
   * week). The deal is then lived as an ordinary one: the ground truth lists only what was planted,
   * so it stays exact; it is just a little poorer.
   */
  private Story withoutPlan(DealSlot slot) {
    int stage = slot.has(Plan.FIRST_CONTACT_NONE) ? 1 : slot.stage();
    return live(slot.withPlan(null, stage, slot.variant()));
  }

  /**
   * The slot as planned, then, for an open deal, the other stages that can carry its plan (the
   * longest first), then, for an open deal with no plan, a won one. Some nows leave no room in a
   * stage: right after the New Year holidays only the long stages hold a deal entered before them,
   * and "waiting in the incoming stage" is impossible mid-morning.
   */
  private List<DealSlot> alternatives(DealSlot slot) {
    List<DealSlot> shapes = new ArrayList<>(List.of(slot));
    if (slot.outcome() != Outcome.OPEN || slot.has(Plan.FIRST_CONTACT_NONE)) {
      return shapes;
    }
    Department.Funnel funnel = department.funnel(slot.pipelineId());
    for (int stage = funnel.lastIndex(); stage >= 1; stage--) {
      boolean fits = slot.plan() == null || Planner.fitsOpen(slot.plan().need, funnel, stage);
      if (stage != slot.stage() && fits) {
        shapes.add(slot.withStage(stage));
      }
    }
    if (slot.plan() == null) {
      shapes.add(
          new DealSlot(
              slot.index(),
              slot.managerId(),
              slot.pipelineId(),
              Outcome.WON,
              funnel.lastIndex(),
              null,
              slot.variant(),
              slot.early()));
    }
    return shapes;
  }

  /** An open deal needs some working time in which it could have entered its stage. */
  private boolean hasRoom(DealSlot slot) {
    if (slot.outcome() != Outcome.OPEN || slot.stage() < 1) {
      return true;
    }
    Department.Stage stage = department.funnel(slot.pipelineId()).stage(slot.stage());
    return calendar.workingSecondsBetween(entryLow(slot, stage), entryHigh(slot, stage)) > 0;
  }

  private Story tryToLive(DealSlot slot, boolean fixedArrival, int attempts) {
    Instant retryAt = null;
    for (int attempt = 0; attempt < attempts; attempt++) {
      Random random = new Random(seed * 1_000_003L + slot.index() * 7_919L + attempt);
      try {
        Instant arrival =
            retryAt != null && !fixedArrival
                ? clampArrival(retryAt, random)
                : firstGuess(slot, random);
        return attempt(slot, arrival, random);
      } catch (Reject reject) {
        retryAt = reject.retryAt;
      }
    }
    return null;
  }

  private static boolean hasFixedArrival(Plan plan) {
    return plan == Plan.FRIDAY_NIGHT_LATE
        || plan == Plan.FRIDAY_NIGHT_ON_TIME
        || plan == Plan.HOLIDAY_ON_TIME;
  }

  /** Won if there is time to win it; otherwise still open, in the first stage that fits. */
  private List<DealSlot> shapes(DealSlot slot) {
    List<DealSlot> shapes = new ArrayList<>(List.of(slot));
    int last = department.funnel(slot.pipelineId()).lastIndex();
    for (int stage = 1; stage <= last; stage++) {
      shapes.add(
          new DealSlot(
              slot.index(),
              slot.managerId(),
              slot.pipelineId(),
              Outcome.OPEN,
              stage,
              slot.plan(),
              slot.variant(),
              slot.early()));
    }
    return shapes;
  }

  // ---------------------------------------------------------------- arrival

  private Instant firstGuess(DealSlot slot, Random random) {
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
              ? now.minus(Duration.ofMinutes(ON_TIME_MIN))
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

  private Instant clampArrival(Instant at, Random random) {
    if (at.isBefore(windowStart.plusSeconds(60))) {
      return windowStart.plusSeconds(60 + random.nextInt(6 * 3600));
    }
    if (at.isAfter(now.minusSeconds(60))) {
      return now.minusSeconds(60 + random.nextInt(3600));
    }
    return at;
  }

  /** The earliest allowed entry into the final stage of an open deal. */
  private Instant entryLow(DealSlot slot, Department.Stage stage) {
    if (slot.has(Plan.STUCK)) {
      return windowStart.plus(Duration.ofDays(1));
    }
    return now.minus(Duration.ofDays(stage.maxDays())).plus(DWELL_MARGIN).plus(NEAR_NOW);
  }

  /** The latest allowed entry into the final stage of an open deal. */
  private Instant entryHigh(DealSlot slot, Department.Stage stage) {
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

  // ---------------------------------------------------------------- one attempt

  private Story attempt(DealSlot slot, Instant arrival, Random random) {
    Department.Funnel funnel = department.funnel(slot.pipelineId());
    Story story = new Story(slot, arrival.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    story.responsible = slot.managerId();
    decideClient(story, funnel, random);
    Instant firstContact = firstContact(story, random);
    settleChannel(story, firstContact, random);
    List<Touch> touches = schedule(story, funnel, firstContact, random);
    checkTiming(story, funnel, touches);
    planTouches(story, funnel, touches, random);
    new Writer(story, funnel, touches, random).write();
    return story;
  }

  private void decideClient(Story story, Department.Funnel funnel, Random random) {
    DealSlot slot = story.slot;
    story.contactName = Words.clientName(random);
    story.clientFirstName = story.contactName.substring(0, story.contactName.indexOf(' '));
    story.phone = phone(slot.index(), random);
    Channel channel = channelFor(slot, random);
    List<String> sources =
        Words.SOURCES.entrySet().stream()
            .filter(e -> e.getValue() == channel)
            .map(java.util.Map.Entry::getKey)
            .toList();
    story.channel = channel;
    story.values.put(LeadField.SOURCE, Words.pick(random, sources));
    story.values.put(LeadField.PRODUCT, Words.pick(random, Words.PRODUCTS));
    story.values.put(LeadField.CITY, Words.pick(random, Words.CITIES));
    story.values.put(LeadField.BUDGET, Long.toString(40_000 + 1_000L * random.nextInt(1_400)));
    story.values.put(LeadField.AREA, Integer.toString(3 + random.nextInt(58)));
    story.values.put(
        LeadField.ADDRESS, address(story.values.get(LeadField.CITY), funnel.main(), random));
    story.values.put(LeadField.NEED, Words.pick(random, Words.NEEDS));
    if (!funnel.main()) {
      story.values.put(LeadField.INN, inn(random));
    }
    story.filled.put(LeadField.SOURCE, story.values.get(LeadField.SOURCE));
    // A wrong name needs something to be wrong about: the product is known from the start.
    boolean productFirst =
        slot.has(Plan.NAMING_STALE_PRODUCT) || slot.has(Plan.NAMING_NO_SEPARATORS);
    if (productFirst || random.nextDouble() < PRODUCT_KNOWN_SHARE) {
      story.filled.put(LeadField.PRODUCT, story.values.get(LeadField.PRODUCT));
    }
    if (random.nextDouble() < CITY_KNOWN_SHARE) {
      story.filled.put(LeadField.CITY, story.values.get(LeadField.CITY));
    }
  }

  /**
   * Leads planted with a mistake or a first-contact edge case arrive by form, so no message clouds
   * the picture. A lost deal is worked by phone from the start: its contact attempts are calls on
   * the deal, three or more under any reading of "attempt".
   */
  private static Channel channelFor(DealSlot slot, Random random) {
    Plan plan = slot.plan();
    boolean firstContactEdge =
        plan == Plan.HOLIDAY_ON_TIME
            || plan == Plan.FIRST_CONTACT_BY_TASK
            || plan == Plan.FIRST_CONTACT_BY_CONTACT_SMS
            || plan == Plan.FRIDAY_NIGHT_ON_TIME;
    if (plan != null && (plan.isMistake() || firstContactEdge)) {
      return Channel.FORM;
    }
    double roll = random.nextDouble();
    if (slot.outcome() == Outcome.LOST) {
      return roll < 0.75 ? Channel.FORM : Channel.CALL;
    }
    return roll < 0.55 ? Channel.FORM : roll < 0.8 ? Channel.CHAT : Channel.CALL;
  }

  /**
   * A chat that opens a deal is answered within the same working day, or the lead came by form: a
   * message is then on time whether replies are counted in working or in clock minutes.
   */
  private void settleChannel(Story story, Instant firstContact, Random random) {
    boolean sameDay =
        firstContact != null
            && calendar.isWorking(story.createdAt)
            && calendar.date(story.createdAt).equals(calendar.date(firstContact));
    if (story.channel == Channel.CHAT && !sameDay) {
      story.channel = Channel.FORM;
      List<String> forms =
          Words.SOURCES.entrySet().stream()
              .filter(e -> e.getValue() == Channel.FORM)
              .map(java.util.Map.Entry::getKey)
              .toList();
      String source = Words.pick(random, forms);
      story.values.put(LeadField.SOURCE, source);
      story.filled.put(LeadField.SOURCE, source);
    }
  }

  private static String phone(int index, Random random) {
    // The deal index makes the number unique; the operator code makes it look real.
    int operator = 900 + random.nextInt(99);
    int number = 1_000_000 + index * 37 % 9_000_000;
    String digits = Integer.toString(number);
    return "+7 "
        + operator
        + " "
        + digits.substring(0, 3)
        + "-"
        + digits.substring(3, 5)
        + "-"
        + digits.substring(5, 7);
  }

  /** With the city first: at least ten letters, so no reading of "too short" touches it. */
  private static String address(String city, boolean retail, Random random) {
    String street =
        "г. "
            + city
            + ", "
            + Words.pick(random, Words.STREETS)
            + ", д. "
            + (1 + random.nextInt(120));
    return retail
        ? street + ", кв. " + (1 + random.nextInt(300))
        : street + ", стр. " + (1 + random.nextInt(6));
  }

  private static String inn(Random random) {
    String[] regions = {"77", "78", "16", "52", "66", "63"};
    StringBuilder digits = new StringBuilder(regions[random.nextInt(regions.length)]);
    while (digits.length() < 10) {
      digits.append(random.nextInt(10));
    }
    return digits.toString();
  }

  /** The first contact's moment, or null when it never happens (or happens after now). */
  private Instant firstContact(Story story, Random random) {
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

  // ---------------------------------------------------------------- schedule

  private List<Touch> schedule(
      Story story, Department.Funnel funnel, Instant firstContact, Random random) {
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
            entered.plus(maxStay(current)).minus(TOUCH_LENGTH.multipliedBy(count - i + 1L));
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
      if (Duration.between(entered, left).compareTo(maxStay(current)) > 0) {
        throw new Reject("schedule", null);
      }
      entered = left;
    }
    return touches;
  }

  private Duration maxStay(Department.Stage stage) {
    return Duration.ofDays(stage.maxDays()).minus(DWELL_MARGIN);
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

  private void checkTiming(Story story, Department.Funnel funnel, List<Touch> touches) {
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
    Instant low = entryLow(slot, stage);
    Instant high = entryHigh(slot, stage);
    if (entry.isBefore(low) || entry.isAfter(high)) {
      Instant target = between(low, high, new Random(entry.getEpochSecond()));
      throw new Reject("checkTiming", story.createdAt.plus(Duration.between(entry, target)));
    }
  }

  /** When the deal entered a stage: the stage move of the touch that moved it there. */
  private static Instant entryInto(List<Touch> touches, int stage) {
    for (Touch touch : touches) {
      if (touch.moveTo != null && touch.moveTo == stage) {
        return touch.at.plus(MOVE_AFTER);
      }
    }
    throw new IllegalStateException("never entered stage " + stage);
  }

  // ---------------------------------------------------------------- plans on touches

  private void planTouches(
      Story story, Department.Funnel funnel, List<Touch> touches, Random random) {
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

  private static int indexOfMoveInto(List<Touch> touches, int stage) {
    for (int i = 0; i < touches.size(); i++) {
      Integer moveTo = touches.get(i).moveTo;
      if (moveTo != null && moveTo == stage) {
        return i;
      }
    }
    throw new IllegalStateException("never entered stage " + stage);
  }

  // ---------------------------------------------------------------- helpers

  static Instant between(Instant from, Instant to, Random random) {
    long span = Duration.between(from, to).getSeconds();
    return span <= 0 ? from : from.plusSeconds(random.nextLong(span));
  }

  private static Duration days(double days) {
    return Duration.ofSeconds((long) (days * 86_400));
  }

  // ---------------------------------------------------------------- writing the drafts

  /** Writes a planned life into the story's drafts. */
  private final class Writer {
    private final Story story;
    private final Department.Funnel funnel;
    private final List<Touch> touches;
    private final Random random;
    private final StoryRecorder record;
    private TaskDraft openTask;

    /** The required field left empty or junk by a planted mistake. */
    private LeadField plantedField;

    Writer(Story story, Department.Funnel funnel, List<Touch> touches, Random random) {
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
      if (!closing
          && story.slot.outcome() != Outcome.LOST
          && random.nextDouble() < WORK_NOTE_SHARE) {
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
      Duration incomingStay = maxStay(funnel.stage(0));
      if (Duration.between(story.createdAt, now).compareTo(incomingStay) <= 0) {
        return;
      }
      long manager = story.responsible;
      Instant at =
          availability.place(manager, story.createdAt.plus(Duration.ofMinutes(20)), random, 60);
      Department.Stage first = funnel.stage(1);
      boolean inTime = Duration.between(story.createdAt, at).compareTo(incomingStay) < 0;
      if (!inTime || Duration.between(at, now).compareTo(maxStay(first)) > 0) {
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
  }

  String local(Instant t) {
    return java.time.LocalDateTime.ofInstant(t, calendar.zone())
        .format(
            java.time.format.DateTimeFormatter.ofPattern(
                "EEE dd.MM HH:mm", java.util.Locale.ENGLISH));
  }
}
