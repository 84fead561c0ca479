package app.reglament.sandbox.store;

import static app.reglament.sandbox.testing.TinyScenario.*;
import static org.assertj.core.api.Assertions.assertThat;

import app.reglament.sandbox.scenario.Scenario;
import app.reglament.sandbox.testing.MutableClock;
import app.reglament.sandbox.testing.TinyScenario;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoreLoadTest {
  private final MutableClock clock = new MutableClock(T0);

  @Test
  void loadsAHandMadeScenario() {
    Store store = Store.of(TinyScenario.build(T0), clock);

    assertThat(store.account().id()).isEqualTo(ACCOUNT);
    assertThat(store.account().subdomain()).isEqualTo("okna");
    assertThat(store.users()).extracting(User::id).containsExactly(HEAD, ANNA, PAVEL);
    assertThat(store.groups()).extracting(Group::name).containsExactly("Отдел продаж", "Казань");
    assertThat(store.leads(l -> true)).extracting(Lead::id).containsExactly(LEAD_A, LEAD_B);
    assertThat(store.contactsOf(LEAD_A)).extracting(Contact::name).containsExactly("Олег Иванов");
    assertThat(store.tasksOfLead(LEAD_A)).extracting(Task::id).containsExactly(TASK);
    assertThat(store.closestTaskAt(LEAD_A)).contains(T0.plusSeconds(3 * 3600));
    assertThat(store.notesOfLead(LEAD_A)).extracting(Note::noteType).containsExactly("call_out");
    assertThat(store.lead(LEAD_B).orElseThrow().lossReasonId()).isEqualTo(9L);
  }

  @Test
  void everyPipelineGetsWonAndLostEvenIfTheScenarioForgotThem() {
    Store store = Store.of(TinyScenario.build(T0), clock);

    Pipeline pipeline = store.pipeline(PIPELINE).orElseThrow();
    assertThat(pipeline.statuses())
        .extracting(Status::id)
        .containsExactly(70L, NEW, TALKS, Status.WON, Status.LOST);
    assertThat(pipeline.firstStage().id()).isEqualTo(NEW);
  }

  @Test
  void selectValuesCarryTheirOptionsIdAndText() {
    Store store = Store.of(TinyScenario.build(T0), clock);

    FieldValue product = store.lead(LEAD_A).orElseThrow().field(PRODUCT).orElseThrow();
    assertThat(product.values()).containsExactly(new FieldValue.Value("Окна", WINDOWS));
    assertThat(store.leadField(PRODUCT).orElseThrow().requiredIn(PIPELINE, TALKS)).isTrue();
  }

  @Test
  void historyIsKeptOldestFirstAndNewEventsFollowIt() {
    Store store = Store.of(TinyScenario.build(T0), clock);

    store.renameLead(LEAD_A, "Окна / ПВХ / Казань", ANNA);

    List<Event> events = store.eventsOfLead(LEAD_A);
    assertThat(events)
        .extracting(Event::type)
        .containsExactly("outgoing_call", "lead_status_changed", "name_field_changed");
    assertThat(events.get(2).createdAt()).isEqualTo(T0);
  }

  @Test
  void newEntitiesGetIdsAboveTheLoadedOnes() {
    Store store = Store.of(TinyScenario.build(T0), clock);

    Lead lead = store.createLead(NewLead.named("Новая"), ANNA);
    Task task = store.createTask(NewTask.onLead(lead.id(), "Позвонить", T0), ANNA);

    assertThat(lead.id()).isGreaterThan(LEAD_B);
    assertThat(task.id()).isGreaterThan(TASK);
    assertThat(lead.pipelineId()).isEqualTo(PIPELINE);
    assertThat(lead.statusId()).isEqualTo(NEW);
  }

  @Test
  void withoutAScenarioTheAccountIsMinimalButValid() {
    Store store = Store.empty(clock);

    assertThat(store.users()).singleElement().satisfies(u -> assertThat(u.admin()).isTrue());
    assertThat(store.account().currentUserId()).isEqualTo(store.users().get(0).id());
    assertThat(store.pipelines()).singleElement();
    assertThat(store.pipelines().get(0).statuses())
        .extracting(Status::id)
        .contains(Status.WON, Status.LOST);
    assertThat(store.leads(l -> true)).isEmpty();
    assertThat(store.taskTypes()).extracting(TaskType::id).containsExactly(1L, 2L);
  }

  @Test
  void aTaskTypeTheScenarioUsesBecomesTheAccountsOwn() {
    var scenario = TinyScenario.build(T0);
    var task = scenario.tasks().get(0);
    var meeting =
        new Scenario.Task(
            task.id(),
            task.leadId(),
            task.responsibleUserId(),
            7,
            task.text(),
            task.completeTill(),
            false,
            null,
            task.createdBy(),
            task.createdAt(),
            task.updatedAt());
    var withOwnType =
        new Scenario(
            scenario.account(),
            scenario.groups(),
            scenario.users(),
            scenario.pipelines(),
            scenario.leadFields(),
            scenario.lossReasons(),
            scenario.contacts(),
            scenario.leads(),
            List.of(meeting),
            scenario.notes(),
            scenario.events(),
            scenario.groundTruth());

    Store store = Store.of(withOwnType, clock);

    assertThat(store.taskTypes()).extracting(TaskType::id).containsExactly(1L, 2L, 7L);
    assertThat(store.completeTask(TASK, "Встретились, договорились о замере", ANNA).completed())
        .isTrue();
  }

  @Test
  void loadingAnotherScenarioKeepsTheWebhookSubscriptions() {
    Store store = Store.empty(clock);
    store.subscribe("http://localhost:8080/hooks/amo/x", List.of("add_lead"), 0, 0);

    store.load(TinyScenario.build(T0));

    assertThat(store.webhooks())
        .extracting(Webhook::destination)
        .containsExactly("http://localhost:8080/hooks/amo/x");
    assertThat(store.account().id()).isEqualTo(ACCOUNT);
  }
}
