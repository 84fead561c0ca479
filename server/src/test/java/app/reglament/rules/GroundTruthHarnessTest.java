package app.reglament.rules;

import static org.assertj.core.api.Assertions.assertThat;

import app.reglament.rules.GroundTruthHarness.Comparison;
import app.reglament.rules.GroundTruthHarness.Key;
import app.reglament.rules.facts.DealFacts;
import app.reglament.rules.facts.ManagerActivity;
import app.reglament.rules.facts.TaskFacts;
import app.reglament.rules.facts.Touch;
import app.reglament.sandbox.scenario.Scenario;
import app.reglament.sandbox.store.Event;
import app.reglament.sandbox.store.EventTypes;
import app.reglament.sandbox.store.Store;
import app.reglament.sandbox.store.Task;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The harness itself: the facts mirror the sandbox's store, and the comparison is fair. */
class GroundTruthHarnessTest {
  private final GroundTruthHarness truth = GroundTruthHarness.standard();
  private final Store store = truth.facts().store();

  @Test
  void holdsEveryDealAndTaskOfTheAccount() {
    assertThat(truth.deals()).hasSize(2_000).noneMatch(DealFacts::deleted);
    assertThat(truth.deals()).extracting(DealFacts::leadId).doesNotHaveDuplicates();
    int tasks = truth.deals().stream().mapToInt(d -> d.tasks().size()).sum();
    assertThat(tasks)
        .isEqualTo(store.tasks(t -> t.entityType().equals(Task.ON_LEADS)).size())
        .isBetween(14_000, 18_000);
    assertThat(truth.deals()).allMatch(d -> d.contactName() != null && !d.fields().isEmpty());
  }

  @Test
  void touchesAndStageMovesAreTheStoresEvents() {
    Set<String> touchKeys =
        truth.deals().stream()
            .flatMap(d -> d.touches().stream())
            .map(Touch::key)
            .collect(Collectors.toSet());
    List<Event> communications = store.events(e -> EventTypes.COMMUNICATIONS.contains(e.type()));
    assertThat(touchKeys)
        .hasSize(communications.size())
        .isEqualTo(communications.stream().map(e -> "event:" + e.id()).collect(Collectors.toSet()));
    assertThat(communications).anyMatch(e -> e.entityType().equals(EventTypes.ENTITY_CONTACT));

    long moves = truth.deals().stream().mapToLong(d -> d.stages().size()).sum();
    assertThat(moves)
        .isEqualTo(store.events(e -> e.type().equals(EventTypes.LEAD_STATUS_CHANGED)).size());
    // Every closed deal's last move is into its closing stage.
    assertThat(truth.deals())
        .filteredOn(d -> !d.active())
        .allMatch(d -> d.stages().get(d.stages().size() - 1).statusId() == d.statusId());
  }

  @Test
  void missedCallsAreIncomingCallsWhoseNoteLastedNothing() {
    long missed =
        truth.deals().stream().flatMap(d -> d.touches().stream()).filter(Touch::missed).count();
    long silentCallNotes =
        store
            .notes(n -> n.noteType().equals("call_in") && n.params().get("duration").equals(0))
            .size();
    assertThat(missed).isPositive().isEqualTo(silentCallNotes);
    assertThat(truth.deals().stream().flatMap(d -> d.touches().stream()))
        .filteredOn(Touch::missed)
        .allMatch(t -> t.isCall() && !t.outgoing() && t.userId() == null);
  }

  @Test
  void completedTasksKnowWhenAndTheManagersPreviousResult() {
    List<TaskFacts> tasks = truth.deals().stream().flatMap(d -> d.tasks().stream()).toList();
    assertThat(tasks).filteredOn(TaskFacts::completed).allMatch(t -> t.completedAt() != null);
    assertThat(tasks).filteredOn(t -> !t.completed()).allMatch(t -> t.completedAt() == null);
    // The planted "previous_result" items repeat exactly the previous result the facts carry.
    Set<Long> repeats =
        truth.plantedItems(Indicator.TASK_RESULT).stream()
            .filter(p -> p.description().startsWith("previous_result:"))
            .map(Scenario.Planted::taskId)
            .collect(Collectors.toSet());
    assertThat(repeats).isNotEmpty();
    assertThat(tasks)
        .filteredOn(t -> repeats.contains(t.taskId()))
        .hasSize(repeats.size())
        .allMatch(t -> t.result().equals(t.previousResult()));
  }

  @Test
  void activityIsEveryEventEachUserMade() {
    Map<Long, ManagerActivity> activity = truth.activity();
    assertThat(activity.keySet())
        .containsExactlyInAnyOrderElementsOf(truth.context().account().users().keySet());
    long made = activity.values().stream().mapToLong(a -> a.eventTimes().size()).sum();
    assertThat(made).isEqualTo(store.events(e -> e.createdBy() != 0).size());
    assertThat(activity.values())
        .allMatch(a -> a.historyFrom().equals(truth.facts().historyFrom()));
  }

  @Test
  void readsTheGroundTruthsRules() {
    RuleContext context = truth.context();
    assertThat(context.now()).isEqualTo(truth.scenario().groundTruth().now());
    assertThat(context.managers()).hasSize(8);
    assertThat(context.rules().heads()).hasSize(1).doesNotContainAnyElementsOf(context.managers());
    assertThat(context.calendar().isWorkingDay(LocalDate.of(2025, 6, 12))).isFalse();
    assertThat(context.rules().firstContact().slaMinutes()).isEqualTo(15);
    assertThat(context.rules().naming().covers(truth.deals().get(0).pipelineId())).isTrue();
    assertThat(context.rules().stages()).isNotEmpty().allMatch(s -> s.maxDays() != null);
  }

  @Test
  void plantsWhatTheGroundTruthSays() {
    Map<Indicator, Integer> counts = new EnumMap<>(Indicator.class);
    for (Indicator indicator : Indicator.values()) {
      counts.put(indicator, truth.planted(indicator).size());
    }
    assertThat(counts)
        .isEqualTo(
            Map.of(
                Indicator.TASK_RESULT, 19,
                Indicator.LOST_DEAL, 13,
                Indicator.COMMUNICATION, 12,
                Indicator.FIRST_CONTACT, 10,
                Indicator.OVERDUE_TASK, 10,
                Indicator.NAMING, 9,
                Indicator.REQUIRED_FIELDS, 9,
                Indicator.STUCK_DEAL, 8,
                Indicator.NO_TASK, 8,
                Indicator.WORKTIME, 6));
    assertThat(counts.values().stream().mapToInt(Integer::intValue).sum())
        .isEqualTo(truth.scenario().groundTruth().planted().size())
        .isEqualTo(104);
  }

  @Test
  void theGroundTruthItselfComparesExactly() {
    for (Indicator indicator : Indicator.values()) {
      List<Finding> findings = truth.planted(indicator).stream().map(this::violation).toList();
      Comparison comparison = truth.compare(indicator, findings);
      assertThat(comparison.exact()).as(comparison.report()).isTrue();
      assertThat(comparison.precision()).isEqualTo(1.0);
      assertThat(comparison.recall()).isEqualTo(1.0);
    }
  }

  @Test
  void aWrongDayIsOneMissingAndOneExtra() {
    List<Key> planted = truth.planted(Indicator.FIRST_CONTACT);
    Key moved = planted.get(0);
    List<Finding> findings =
        planted.stream()
            .map(k -> k == moved ? violation(withDay(k, k.day().plusDays(1))) : violation(k))
            .toList();
    Comparison comparison = truth.compare(Indicator.FIRST_CONTACT, findings);
    assertThat(comparison.missing())
        .extracting(GroundTruthHarness.Missing::key)
        .containsExactly(moved);
    assertThat(comparison.extra()).hasSize(1);
    assertThat(comparison.recall()).isEqualTo(0.9);
    assertThat(comparison.precision()).isEqualTo(0.9);
  }

  @Test
  void stateItemsMatchWhateverDayTheyAreEvaluatedOn() {
    List<Finding> findings =
        truth.planted(Indicator.STUCK_DEAL).stream()
            .map(k -> violation(withDay(k, truth.context().today())))
            .toList();
    assertThat(truth.compare(Indicator.STUCK_DEAL, findings).exact()).isTrue();
  }

  /** A naive lost-deal check: lost with no loss reason. It finds some planted items, not all. */
  @Test
  void aNaiveCheckGetsASensibleDiff() {
    Comparison comparison = truth.check(new LostWithoutReason());

    long noReason =
        truth.plantedItems(Indicator.LOST_DEAL).stream()
            .filter(p -> p.description().startsWith("no_reason:"))
            .count();
    assertThat(noReason).isPositive();
    assertThat(comparison.matched()).isEqualTo(noReason);
    assertThat(comparison.extra()).isEmpty();
    assertThat(comparison.precision()).isEqualTo(1.0);
    assertThat(comparison.recall()).isEqualTo((double) noReason / 13);
    assertThat(comparison.missing())
        .hasSize(13 - (int) noReason)
        .noneMatch(m -> m.description().startsWith("no_reason:"))
        .anyMatch(m -> m.description().startsWith("lead_dumping:") && m.key().leadId() == null);
    assertThat(comparison.report())
        .startsWith("lost_deal: planted 13, found " + noReason)
        .contains("missing (planted, not found): " + (13 - noReason))
        .contains("few_attempts:");
  }

  private static final class LostWithoutReason implements DealIndicator {
    @Override
    public Indicator indicator() {
      return Indicator.LOST_DEAL;
    }

    @Override
    public void evaluate(DealFacts deal, RuleContext context, Findings out) {
      if (!deal.lost()) {
        return;
      }
      LocalDate day = context.day(deal.closedAt());
      String key = "lead:" + deal.leadId();
      if (deal.lossReasonId() != null) {
        out.add(
            Finding.compliant(
                Indicator.LOST_DEAL, key, deal.leadId(), null, deal.responsibleUserId(), day));
        return;
      }
      out.add(
          Finding.violated(
              Indicator.LOST_DEAL,
              key,
              deal.leadId(),
              null,
              deal.responsibleUserId(),
              day,
              Severity.WARNING,
              deal.closedAt(),
              "no_reason",
              new Explanation("Нет причины отказа", "No loss reason"),
              Map.of()));
    }
  }

  private Finding violation(Key key) {
    LocalDate day = key.day() != null ? key.day() : truth.context().today();
    return Finding.violated(
        key.indicator(),
        "test:" + key,
        key.leadId(),
        key.taskId(),
        key.userId(),
        day,
        Severity.WARNING,
        truth.now(),
        "planted",
        new Explanation("тест", "test"),
        Map.of());
  }

  private static Key withDay(Key key, LocalDate day) {
    return new Key(key.indicator(), key.leadId(), key.taskId(), key.userId(), day);
  }
}
