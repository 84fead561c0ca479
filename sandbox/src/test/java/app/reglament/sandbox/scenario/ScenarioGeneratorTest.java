package app.reglament.sandbox.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import app.reglament.sandbox.scenario.Scenario.Event;
import app.reglament.sandbox.scenario.Scenario.Lead;
import app.reglament.sandbox.scenario.Scenario.Pipeline;
import app.reglament.sandbox.scenario.Scenario.Status;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The generated account looks like a real department and is consistent with itself. */
class ScenarioGeneratorTest {
  private static final long SEED = 7L;
  private final Scenario scenario = Scenarios.defaults(SEED);

  @Test
  void theSameSeedGivesByteIdenticalOutputAndAnotherSeedDoesNot() throws JsonProcessingException {
    // One copy was generated earlier in this run (shared), the other now.
    byte[] first = json(scenario);
    byte[] second = json(ScenarioGenerator.generate(ScenarioSettings.defaults(SEED)));
    byte[] other = json(Scenarios.defaults(SEED + 1));

    assertThat(second).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
  }

  private static byte[] json(Scenario scenario) throws JsonProcessingException {
    return GroundTruthFile.mapper()
        .writer()
        .without(SerializationFeature.INDENT_OUTPUT)
        .writeValueAsBytes(scenario);
  }

  @Test
  void defaultSizeGenerationTimeIsPrinted() {
    long started = System.nanoTime();
    Scenario generated = ScenarioGenerator.generate(ScenarioSettings.defaults(99L));
    long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
    System.out.printf(
        "Scenario generation, default size: %d ms for %d deals, %d tasks, %d notes, %d events%n",
        millis,
        generated.leads().size(),
        generated.tasks().size(),
        generated.notes().size(),
        generated.events().size());
  }

  @Test
  void theDepartmentHasAHeadEightManagersAndTwoPipelines() {
    var admins = scenario.users().stream().filter(Scenario.User::admin).toList();
    var managers = scenario.users().stream().filter(u -> !u.admin()).toList();
    assertThat(admins).hasSize(1);
    assertThat(managers).hasSize(ScenarioSettings.DEFAULT_MANAGERS);
    assertThat(scenario.groups()).hasSizeBetween(1, 2);
    assertThat(scenario.users())
        .allSatisfy(u -> assertThat(u.name()).matches("[А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+"));
    assertThat(scenario.leads()).hasSize(ScenarioSettings.DEFAULT_DEALS);
    assertThat(scenario.pipelines()).hasSize(2);
    for (Pipeline pipeline : scenario.pipelines()) {
      List<Status> statuses = pipeline.statuses();
      assertThat(statuses).hasSizeBetween(6, 8);
      assertThat(statuses.get(0).type()).as("incoming stage first").isEqualTo(1);
      assertThat(statuses.subList(1, statuses.size()))
          .allSatisfy(s -> assertThat(s.type()).isZero());
      assertThat(statuses.get(statuses.size() - 2).id()).isEqualTo(142);
      assertThat(statuses.get(statuses.size() - 1).id()).isEqualTo(143);
    }
  }

  @Test
  void fieldsAreTextSelectAndNumericAndSomeAreRequiredAtSomeStages() {
    Set<String> types = new HashSet<>();
    scenario.leadFields().forEach(f -> types.add(f.type()));
    assertThat(types).contains("text", "select", "numeric");
    assertThat(scenario.leadFields())
        .anySatisfy(f -> assertThat(f.requiredStatuses()).isNotEmpty());
    assertThat(scenario.leadFields())
        .filteredOn(f -> f.type().equals("select"))
        .allSatisfy(f -> assertThat(f.enums()).isNotEmpty());
    Map<Long, Set<Long>> enumsByField = new HashMap<>();
    scenario
        .leadFields()
        .forEach(
            f ->
                enumsByField.put(
                    f.id(), new HashSet<>(f.enums().stream().map(e -> e.id()).toList())));
    for (Lead lead : scenario.leads()) {
      for (var value : lead.customFields()) {
        assertThat(enumsByField).containsKey(value.fieldId());
        assertThat(enumsByField.get(value.fieldId())).containsAll(value.enumIds());
      }
    }
    assertThat(scenario.lossReasons()).isNotEmpty();
    assertThat(scenario.contacts())
        .allSatisfy(c -> assertThat(c.name()).matches("[А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё-]+"));
    assertThat(
            scenario.contacts().stream()
                .map(c -> c.customFields().get(0).values().get(0))
                .distinct())
        .hasSize(scenario.contacts().size());
  }

  @Test
  void idsAreUniquePerKindAndEventIdsAreStrings() {
    assertUnique(scenario.leads(), Lead::id);
    assertUnique(scenario.contacts(), Scenario.Contact::id);
    assertUnique(scenario.tasks(), Scenario.Task::id);
    assertUnique(scenario.notes(), Scenario.Note::id);
    assertUnique(scenario.events(), Event::id);
    assertThat(scenario.events()).allSatisfy(e -> assertThat(e.id()).matches("e-\\d{6}"));
  }

  @Test
  void everythingHappensWithinTheHistoryAndUpdatesFollowCreation() {
    Instant now = scenario.account().now();
    Instant start = now.minus(Duration.ofDays(ScenarioSettings.DEFAULT_HISTORY_DAYS));
    for (Lead lead : scenario.leads()) {
      assertWithin(lead.createdAt(), start, now);
      assertThat(lead.updatedAt()).isAfterOrEqualTo(lead.createdAt()).isBeforeOrEqualTo(now);
      if (lead.closedAt() != null) {
        assertWithin(lead.closedAt(), lead.createdAt(), now);
      }
    }
    scenario.contacts().forEach(c -> assertThat(c.updatedAt()).isAfterOrEqualTo(c.createdAt()));
    for (var task : scenario.tasks()) {
      assertWithin(task.createdAt(), start, now);
      assertThat(task.updatedAt()).isAfterOrEqualTo(task.createdAt()).isBeforeOrEqualTo(now);
      assertThat(task.completed()).isEqualTo(task.resultText() != null);
    }
    scenario.notes().forEach(n -> assertWithin(n.createdAt(), start, now));
    scenario.events().forEach(e -> assertWithin(e.createdAt(), start, now));
  }

  @Test
  void eachDealsStatusIsItsLastStatusChangeInItsOwnPipeline() {
    Map<Long, Event> lastMove = new HashMap<>();
    Map<Long, Event> added = new HashMap<>();
    for (Event event : scenario.events()) {
      if (event.type().equals("lead_status_changed")) {
        lastMove.put(event.entityId(), event);
      } else if (event.type().equals("lead_added")) {
        added.put(event.entityId(), event);
      }
    }
    for (Lead lead : scenario.leads()) {
      Event defining = lastMove.getOrDefault(lead.id(), added.get(lead.id()));
      @SuppressWarnings("unchecked")
      Map<String, Object> status =
          (Map<String, Object>) defining.valueAfter().get(0).get("lead_status");
      assertThat(((Number) status.get("id")).longValue())
          .as("lead %d", lead.id())
          .isEqualTo(lead.statusId());
      assertThat(((Number) status.get("pipeline_id")).longValue()).isEqualTo(lead.pipelineId());
      boolean closed = lead.statusId() == 142 || lead.statusId() == 143;
      assertThat(lead.closedAt() != null).isEqualTo(closed);
    }
  }

  @Test
  void eventsPointAtExistingEntitiesAndNotes() {
    Set<Long> leads = new HashSet<>(scenario.leads().stream().map(Lead::id).toList());
    Set<Long> contacts =
        new HashSet<>(scenario.contacts().stream().map(Scenario.Contact::id).toList());
    Set<Long> tasks = new HashSet<>(scenario.tasks().stream().map(Scenario.Task::id).toList());
    Set<Long> notes = new HashSet<>(scenario.notes().stream().map(Scenario.Note::id).toList());
    for (Event event : scenario.events()) {
      Set<Long> targets =
          switch (event.entityType()) {
            case "lead" -> leads;
            case "contact" -> contacts;
            case "task" -> tasks;
            default -> Set.of();
          };
      assertThat(targets).as(event.toString()).contains(event.entityId());
      for (Map<String, Object> value : event.valueAfter()) {
        if (value.get("note") instanceof Map<?, ?> note) {
          assertThat(notes).contains(((Number) note.get("id")).longValue());
        }
      }
    }
    scenario.tasks().forEach(t -> assertThat(leads).contains(t.leadId()));
    scenario.notes().forEach(n -> assertThat(leads).contains(n.leadId()));
  }

  @Test
  void managersActOnlyInWorkingHours() {
    WorkCalendar calendar = WorkCalendar.fromRules(scenario.groundTruth().rules());
    Set<Long> managers =
        new HashSet<>(
            scenario.users().stream().filter(u -> !u.admin()).map(Scenario.User::id).toList());
    assertThat(scenario.events())
        .filteredOn(e -> managers.contains(e.createdBy()))
        .allSatisfy(e -> assertThat(calendar.isWorking(e.createdAt())).as(e.toString()).isTrue());
  }

  @Test
  void dealsHaveALifeOfCallsChatsMailsTasksAndMoves() {
    Map<String, Integer> types = new HashMap<>();
    scenario.events().forEach(e -> types.merge(e.type(), 1, Integer::sum));
    assertThat(types)
        .containsKeys(
            "lead_added",
            "lead_status_changed",
            "task_added",
            "task_completed",
            "incoming_call",
            "outgoing_call",
            "incoming_chat_message",
            "outgoing_chat_message",
            "incoming_mail",
            "outgoing_mail",
            "outgoing_sms",
            "common_note_added",
            "entity_responsible_changed",
            "lead_deleted",
            "lead_restored");
    long won = scenario.leads().stream().filter(l -> l.statusId() == 142).count();
    long lost = scenario.leads().stream().filter(l -> l.statusId() == 143).count();
    assertThat(won).isGreaterThan(300);
    assertThat(lost).isGreaterThan(300);
    assertThat(scenario.notes()).anySatisfy(n -> assertThat(n.noteType()).isEqualTo("call_in"));
    assertThat(scenario.notes())
        .filteredOn(n -> n.noteType().startsWith("call_"))
        .allSatisfy(n -> assertThat(n.params()).containsKeys("duration", "call_status", "phone"));
  }

  private static <T> void assertUnique(List<T> items, Function<T, Object> id) {
    assertThat(items.stream().map(id).distinct().count()).isEqualTo(items.size());
  }

  private static void assertWithin(Instant t, Instant from, Instant to) {
    assertThat(t).isAfterOrEqualTo(from).isBeforeOrEqualTo(to);
  }
}
