package app.reglament.sandbox.scenario;

import app.reglament.sandbox.scenario.DealSlot.Outcome;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Decides, before anything is lived, how every deal ends and what is planted where. Outcomes are
 * exact quotas per manager, so the team's loss figures are what the regulations expect and the
 * lead-dumping manager stands out by construction, not by luck.
 */
final class Planner {
  /** Retail managers win 38 % and lose 24 % of their deals; the rest are still open at now. */
  private static final double WON_SHARE = 0.38;

  private static final double LOST_SHARE = 0.24;

  /** The dumper closes most of his deals as lost, and in the middle of the funnel. */
  private static final double DUMPER_WON_SHARE = 0.18;

  private static final double DUMPER_LOST_SHARE = 0.52;

  /** Where losses happen, per 20 losses: first regular stage, a middle stage, the last stage. */
  private static final int[] LOSS_PATTERN = {15, 3, 2};

  private static final int[] DUMPER_LOSS_PATTERN = {5, 13, 2};
  private static final int EARLY_DEALS_PER_MANAGER = 3;
  private static final int SHORT_DAYS = 6;
  private static final int FULL_SIZE = 2_000;
  // Stages whose maxDays leave room for a stuck deal inside a 30-day history.
  private static final int STUCKABLE_MAX_DAYS = 10;

  /** A weekend with a holiday next to it. */
  private static final int LONGEST_ORDINARY_BREAK_DAYS = 3;

  /** The fixed moments edge cases happen at. */
  record Landmarks(
      Instant fridayNight, Instant holidayNoon, Instant tonightFrom, Instant tonightTo) {}

  /** Everything decided up front. */
  record Blueprint(
      List<DealSlot> slots,
      long dumperId,
      Map<Long, Set<LocalDate>> shortDays,
      Landmarks landmarks) {}

  private final ScenarioSettings settings;
  private final Department department;
  private final WorkCalendar calendar;
  private final Random random;

  Planner(ScenarioSettings settings, Department department, WorkCalendar calendar) {
    this.settings = settings;
    this.department = department;
    this.calendar = calendar;
    this.random = new Random(settings.seed() * 31 + 7);
  }

  Blueprint plan() {
    long dumperId = department.managers.get(Math.min(2, department.managers.size() / 2)).id();
    List<DealSlot> slots = outcomes(dumperId);
    Landmarks landmarks = landmarks();
    slots = assignPlans(slots, dumperId, landmarks);
    return new Blueprint(slots, dumperId, shortDays(), landmarks);
  }

  private List<DealSlot> outcomes(long dumperId) {
    List<DealSlot> slots = new ArrayList<>();
    int managers = department.managers.size();
    for (int m = 0; m < managers; m++) {
      Department.Manager manager = department.managers.get(m);
      Department.Funnel funnel = department.funnel(manager.pipelineId());
      int deals = settings.deals() / managers + (m < settings.deals() % managers ? 1 : 0);
      boolean dumper = manager.id() == dumperId;
      int won = (int) Math.round(deals * (dumper ? DUMPER_WON_SHARE : WON_SHARE));
      int lost = (int) Math.round(deals * (dumper ? DUMPER_LOST_SHARE : LOST_SHARE));
      int[] pattern = dumper ? DUMPER_LOSS_PATTERN : LOSS_PATTERN;
      List<DealSlot> own = new ArrayList<>();
      for (int i = 0; i < deals; i++) {
        Outcome outcome = i < won ? Outcome.WON : i < won + lost ? Outcome.LOST : Outcome.OPEN;
        int stage =
            switch (outcome) {
              case WON -> funnel.lastIndex();
              case LOST -> lossStage(funnel, pattern, i - won);
              case OPEN -> 1 + (i - won - lost) % funnel.lastIndex();
            };
        boolean early = i < EARLY_DEALS_PER_MANAGER;
        own.add(new DealSlot(0, manager.id(), funnel.id(), outcome, stage, null, 0, early));
      }
      // One deal per manager waits in the incoming stage at now (if now allows it).
      own.set(won + lost, own.get(won + lost).withStage(0));
      Collections.shuffle(own.subList(EARLY_DEALS_PER_MANAGER, own.size()), random);
      slots.addAll(own);
    }
    List<DealSlot> indexed = new ArrayList<>();
    for (int i = 0; i < slots.size(); i++) {
      DealSlot s = slots.get(i);
      indexed.add(
          new DealSlot(
              i, s.managerId(), s.pipelineId(), s.outcome(), s.stage(), null, 0, s.early()));
    }
    return indexed;
  }

  /** The n-th loss goes to the first, a middle or the last regular stage by the pattern. */
  private static int lossStage(Department.Funnel funnel, int[] pattern, int n) {
    int slot = n % 20;
    if (slot < pattern[0]) {
      return 1;
    }
    if (slot < pattern[0] + pattern[1]) {
      int middles = funnel.lastIndex() - 2;
      return 2 + (n / 20 + slot) % middles;
    }
    return funnel.lastIndex();
  }

  private List<DealSlot> assignPlans(List<DealSlot> slots, long dumperId, Landmarks landmarks) {
    List<DealSlot> result = new ArrayList<>(slots);
    int managers = department.managers.size();
    int turn = random.nextInt(managers);
    for (Plan plan : Plan.values()) {
      int count = count(plan, landmarks);
      for (int k = 0; k < count; k++) {
        boolean placed = false;
        for (int tries = 0; tries < managers && !placed; tries++) {
          long managerId = department.managers.get(turn % managers).id();
          turn++;
          placed = place(result, plan, k, managerId, dumperId);
        }
        if (!placed) {
          throw new IllegalStateException("no deal can carry " + plan);
        }
      }
    }
    return result;
  }

  private int count(Plan plan, Landmarks landmarks) {
    if (plan == Plan.DEADLINE_TONIGHT && landmarks.tonightFrom() == null) {
      return 0;
    }
    if (plan.fixedCount) {
      return plan.baseCount;
    }
    return Math.max(1, (int) Math.round(plan.baseCount * (double) settings.deals() / FULL_SIZE));
  }

  private boolean place(
      List<DealSlot> slots, Plan plan, int variant, long managerId, long dumperId) {
    boolean lossPlan = plan.need == Plan.Need.LOST;
    if (lossPlan && managerId == dumperId) {
      // The dumper's individual losses are formally in order; his mistake is the pattern.
      return false;
    }
    for (int i = 0; i < slots.size(); i++) {
      DealSlot slot = slots.get(i);
      if (slot.managerId() != managerId || slot.plan() != null || slot.early()) {
        continue;
      }
      Integer stage = stageFor(plan.need, slot);
      if (stage != null) {
        slots.set(i, slot.withPlan(plan, stage, variant));
        return true;
      }
    }
    return false;
  }

  /** The stage the slot will be in for that need, or null when it cannot carry it. */
  private Integer stageFor(Plan.Need need, DealSlot slot) {
    Department.Funnel funnel = department.funnel(slot.pipelineId());
    return switch (need) {
      case WON -> slot.outcome() == Outcome.WON ? slot.stage() : null;
      case LOST -> slot.outcome() == Outcome.LOST ? slot.stage() : null;
      case OPEN_INCOMING -> slot.outcome() == Outcome.OPEN && slot.stage() >= 1 ? 0 : null;
      default ->
          slot.outcome() == Outcome.OPEN && fitsOpen(need, funnel, slot.stage())
              ? slot.stage()
              : null;
    };
  }

  /** Whether an open deal in that stage can carry a plan with that need. */
  static boolean fitsOpen(Plan.Need need, Department.Funnel funnel, int stage) {
    if (stage < 1) {
      return false;
    }
    Department.Stage at = funnel.stage(stage);
    return switch (need) {
      case OPEN_REGULAR -> true;
      case OPEN_STUCKABLE -> at.maxDays() <= STUCKABLE_MAX_DAYS;
      case OPEN_REQUIRED -> !at.required().isEmpty();
      case OPEN_REQUIRED_TEXT -> at.required().stream().anyMatch(LeadField::isText);
      case OPEN_LATE -> stage >= 2 && funnel.main();
      default -> false;
    };
  }

  /**
   * Low-activity manager-days: one manager a day, never in the first days of the history (there
   * must be work to compare with), each a half day that ends at {@link Availability#SHORT_DAY_END}.
   */
  private Map<Long, Set<LocalDate>> shortDays() {
    List<LocalDate> days =
        new ArrayList<>(
            ActivityEstimate.judgedDays(calendar, settings.windowStart(), settings.now()));
    days = new ArrayList<>(days.subList(Math.min(2, days.size()), days.size()));
    Collections.shuffle(days, random);
    int count =
        Math.min(
            days.size(),
            Math.max(1, (int) Math.round(SHORT_DAYS * (double) settings.deals() / FULL_SIZE)));
    Map<Long, Set<LocalDate>> shortDays = new TreeMap<>();
    int turn = random.nextInt(department.managers.size());
    for (int i = 0; i < count; i++) {
      long managerId = department.managers.get((turn + i) % department.managers.size()).id();
      shortDays.computeIfAbsent(managerId, id -> new TreeSet<>()).add(days.get(i));
    }
    return shortDays;
  }

  /**
   * The latest Friday 23:40 whose next working day is a Monday well before now, preferably with no
   * long break (the New Year holidays) between that Monday and now, so the deal has working days to
   * live in.
   */
  private Instant fridayNight(boolean avoidLongBreaks) {
    LocalDate earliest = calendar.date(settings.windowStart()).plusDays(7);
    for (LocalDate day = calendar.date(settings.now()).minusDays(3);
        day.isAfter(earliest);
        day = day.minusDays(1)) {
      if (day.getDayOfWeek() != DayOfWeek.FRIDAY) {
        continue;
      }
      LocalDate monday = calendar.nextWorkingDay(day);
      boolean answerable = calendar.open(monday).plus(Duration.ofHours(3)).isBefore(settings.now());
      boolean clear = !avoidLongBreaks || !hasLongBreak(monday, calendar.date(settings.now()));
      if (answerable && clear && monday.getDayOfWeek() == DayOfWeek.MONDAY) {
        return calendar.at(day, LocalTime.of(23, 40));
      }
    }
    return null;
  }

  /** More than a weekend and a day off in a row between the two days. */
  private boolean hasLongBreak(LocalDate from, LocalDate to) {
    int offInARow = 0;
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      offInARow = calendar.isWorkingDay(day) ? 0 : offInARow + 1;
      if (offInARow > LONGEST_ORDINARY_BREAK_DAYS) {
        return true;
      }
    }
    return false;
  }

  private Landmarks landmarks() {
    Instant now = settings.now();
    Instant fridayNight = fridayNight(true);
    if (fridayNight == null) {
      fridayNight = fridayNight(false);
    }
    if (fridayNight == null) {
      throw new IllegalStateException("no Friday followed by a working Monday in the history");
    }
    LocalDate holiday =
        Regulations.usableHoliday(
            new TreeSet<>(Regulations.holidays(settings.windowStart(), now)),
            calendar.date(settings.windowStart()),
            calendar.date(now));
    Instant holidayNoon = holiday == null ? null : calendar.at(holiday, LocalTime.of(12, 0));
    Instant tonightFrom = null;
    Instant tonightTo = null;
    if (!calendar.isWorking(now)) {
      Instant closing = calendar.lastClosingAtOrBefore(now);
      boolean sameEvening = calendar.date(closing).equals(calendar.date(now));
      if (sameEvening && Duration.between(closing, now).toMinutes() >= 45) {
        tonightFrom = closing.plus(Duration.ofMinutes(15));
        tonightTo = now.minus(Duration.ofMinutes(15));
      }
    }
    return new Landmarks(fridayNight, holidayNoon, tonightFrom, tonightTo);
  }
}
