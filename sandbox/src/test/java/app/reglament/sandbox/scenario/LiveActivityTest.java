package app.reglament.sandbox.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.reglament.sandbox.scenario.LiveActivity.Action;
import app.reglament.sandbox.scenario.LiveActivity.ActiveDeal;
import app.reglament.sandbox.scenario.LiveActivity.NewLead;
import app.reglament.sandbox.scenario.LiveActivity.OpenTask;
import app.reglament.sandbox.scenario.LiveActivity.Pace;
import app.reglament.sandbox.scenario.Scenario.FieldValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Live mode drives a store through its sink: deterministic, varied, and only legal moves. */
class LiveActivityTest {
  private final Scenario scenario = Scenarios.defaults(5L);
  private final Instant start = scenario.account().now();

  @Test
  void theSameSeedAndTheSameStoreGiveTheSameActions() {
    assertThat(run(9L, Pace.defaults(), 60, new MemoryStore(scenario)))
        .isEqualTo(run(9L, Pace.defaults(), 60, new MemoryStore(scenario)));
    assertThat(run(9L, Pace.defaults(), 60, new MemoryStore(scenario)))
        .isNotEqualTo(run(10L, Pace.defaults(), 60, new MemoryStore(scenario)));
  }

  @Test
  void theDepartmentKeepsWorking() {
    MemoryStore store = new MemoryStore(scenario);
    List<Action> actions = run(3L, new Pace(4, 0.1), 150, store);

    Set<String> kinds = new HashSet<>(actions.stream().map(Action::kind).toList());
    assertThat(kinds)
        .contains("new_lead", "client_message", "reply", "task_closed", "moved", "won", "lost");
    assertThat(actions).hasSize(600);
    assertThat(store.created).isNotEmpty();
    assertThat(store.messages).anySatisfy(m -> assertThat(m).startsWith("in:"));
    assertThat(store.messages).anySatisfy(m -> assertThat(m).startsWith("out:"));
  }

  @Test
  void dealsMoveOnlyOneStageForwardInTheirOwnPipelineOrClose() {
    MemoryStore store = new MemoryStore(scenario);
    run(4L, Pace.defaults(), 120, store);
    for (String move : store.moves) {
      String[] parts = move.split(" ");
      long pipeline = Long.parseLong(parts[0]);
      long from = Long.parseLong(parts[1]);
      long to = Long.parseLong(parts[2]);
      List<Long> order = boardOrder(pipeline);
      assertThat(to == 142 || to == 143 || order.indexOf(to) == order.indexOf(from) + 1)
          .as(move)
          .isTrue();
    }
  }

  @Test
  void mistakesAppearOnlyAsOftenAsThePaceSays() {
    MemoryStore careful = new MemoryStore(scenario);
    run(6L, new Pace(5, 0.0), 100, careful);
    assertThat(careful.results).allSatisfy(r -> assertThat(r.length()).isGreaterThan(20));
    assertThat(careful.created).allSatisfy(l -> assertThat(l.name()).contains(" / "));

    MemoryStore sloppy = new MemoryStore(scenario);
    run(6L, new Pace(5, 1.0), 100, sloppy);
    assertThat(sloppy.results).anySatisfy(r -> assertThat(r.length()).isLessThan(4));
    assertThat(sloppy.created).allSatisfy(l -> assertThat(l.name()).isEqualTo("Заявка с сайта"));
  }

  @Test
  void aPaceOutsideItsRangeIsRefused() {
    assertThatThrownBy(() -> new Pace(0, 0.1)).hasMessageContaining("actionsPerTick");
    assertThatThrownBy(() -> new Pace(3, 1.5)).hasMessageContaining("mistakeShare");
  }

  private List<Action> run(long seed, Pace pace, int ticks, MemoryStore store) {
    LiveActivity live = new LiveActivity(scenario, seed, pace);
    List<Action> actions = new ArrayList<>();
    for (int i = 0; i < ticks; i++) {
      actions.addAll(live.tick(start.plus(Duration.ofMinutes(i)), store));
    }
    return actions;
  }

  private List<Long> boardOrder(long pipelineId) {
    return scenario.pipelines().stream()
        .filter(p -> p.id() == pipelineId)
        .flatMap(p -> p.statuses().stream())
        .sorted(java.util.Comparator.comparingInt(Scenario.Status::sort))
        .map(Scenario.Status::id)
        .toList();
  }

  /** The smallest store that can take live mode's changes, started from the scenario. */
  private static final class MemoryStore implements LiveActivity.Sink {
    private record Deal(long pipelineId, long statusId, long userId) {}

    private record StoredTask(long leadId, String text, Instant till, boolean open) {}

    private final Map<Long, Deal> deals = new LinkedHashMap<>();
    private final Map<Long, StoredTask> tasks = new LinkedHashMap<>();
    private final Map<Long, List<Long>> tasksByLead = new LinkedHashMap<>();
    private final List<NewLead> created = new ArrayList<>();
    private final List<String> moves = new ArrayList<>();
    private final List<String> results = new ArrayList<>();
    private final List<String> messages = new ArrayList<>();
    private long nextId = 900_000_000L;

    MemoryStore(Scenario scenario) {
      for (var lead : scenario.leads()) {
        if (lead.statusId() != 142 && lead.statusId() != 143) {
          deals.put(
              lead.id(), new Deal(lead.pipelineId(), lead.statusId(), lead.responsibleUserId()));
        }
      }
      for (var task : scenario.tasks()) {
        if (!task.completed() && deals.containsKey(task.leadId())) {
          store(task.id(), new StoredTask(task.leadId(), task.text(), task.completeTill(), true));
        }
      }
    }

    @Override
    public List<ActiveDeal> activeDeals() {
      List<ActiveDeal> active = new ArrayList<>();
      deals.forEach(
          (id, deal) -> {
            List<OpenTask> open = new ArrayList<>();
            for (long taskId : tasksByLead.getOrDefault(id, List.of())) {
              StoredTask task = tasks.get(taskId);
              if (task.open()) {
                open.add(new OpenTask(taskId, task.text(), task.till()));
              }
            }
            active.add(new ActiveDeal(id, deal.pipelineId(), deal.statusId(), deal.userId(), open));
          });
      return active;
    }

    @Override
    public long createLead(NewLead lead) {
      long id = nextId++;
      created.add(lead);
      deals.put(id, new Deal(lead.pipelineId(), lead.statusId(), lead.responsibleUserId()));
      return id;
    }

    @Override
    public void moveLead(long leadId, long statusId, Long lossReasonId, List<FieldValue> fields) {
      Deal deal = deals.get(leadId);
      moves.add(deal.pipelineId() + " " + deal.statusId() + " " + statusId);
      if (statusId == 142 || statusId == 143) {
        deals.remove(leadId);
      } else {
        deals.put(leadId, new Deal(deal.pipelineId(), statusId, deal.userId()));
      }
    }

    @Override
    public long createTask(long leadId, long responsibleUserId, String text, Instant completeTill) {
      long id = nextId++;
      store(id, new StoredTask(leadId, text, completeTill, true));
      return id;
    }

    private void store(long id, StoredTask task) {
      tasks.put(id, task);
      tasksByLead.computeIfAbsent(task.leadId(), lead -> new ArrayList<>()).add(id);
    }

    @Override
    public void completeTask(long taskId, String resultText) {
      StoredTask task = tasks.get(taskId);
      tasks.put(taskId, new StoredTask(task.leadId(), task.text(), task.till(), false));
      results.add(resultText);
    }

    @Override
    public void addChatMessage(long leadId, boolean incoming, String text, long userId) {
      messages.add((incoming ? "in:" : "out:") + leadId);
    }

    @Override
    public void addCall(long leadId, boolean incoming, int durationSeconds, long userId) {
      messages.add((incoming ? "in-call:" : "out-call:") + leadId);
    }
  }
}
