package app.reglament.sandbox.scenario;

import app.reglament.sandbox.scenario.DealSlot.Outcome;
import java.time.Instant;
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

  private final LifeContext context;
  private final Arrival arrival;
  private final Client client;
  private final Schedule schedule;
  private final TouchPlanner planner;
  private final Department department;
  private final long seed;

  DealSimulator(LifeContext context) {
    this.context = context;
    this.arrival = new Arrival(context);
    this.client = new Client(context);
    this.schedule = new Schedule(context, arrival);
    this.planner = new TouchPlanner(context);
    this.department = context.department();
    this.seed = context.seed();
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
      if (arrival.hasRoom(shape)) {
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

  private Story tryToLive(DealSlot slot, boolean fixedArrival, int attempts) {
    Instant retryAt = null;
    for (int attempt = 0; attempt < attempts; attempt++) {
      Random random = new Random(seed * 1_000_003L + slot.index() * 7_919L + attempt);
      try {
        Instant arrivesAt =
            retryAt != null && !fixedArrival
                ? arrival.clampArrival(retryAt, random)
                : arrival.firstGuess(slot, random);
        return attempt(slot, arrivesAt, random);
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

  private Story attempt(DealSlot slot, Instant arrivesAt, Random random) {
    Department.Funnel funnel = department.funnel(slot.pipelineId());
    Story story = new Story(slot, arrivesAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    story.responsible = slot.managerId();
    client.decide(story, funnel, random);
    Instant firstContact = schedule.firstContact(story, random);
    client.settleChannel(story, firstContact, random);
    List<Touch> touches = schedule.schedule(story, funnel, firstContact, random);
    schedule.checkTiming(story, funnel, touches);
    planner.planTouches(story, funnel, touches, random);
    new StoryWriter(context, story, funnel, touches, random).write();
    return story;
  }
}
