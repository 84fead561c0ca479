package app.reglament.sandbox.store;

import static app.reglament.sandbox.testing.TinyScenario.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.reglament.sandbox.testing.MutableClock;
import app.reglament.sandbox.testing.TinyScenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The writes the web UI makes, and what each leaves behind: times, events, change sets. */
class StoreWriteTest {
  private final MutableClock clock = new MutableClock(T0);
  private final List<ChangeSet> heard = new ArrayList<>();
  private Store store;

  @BeforeEach
  void load() {
    store = Store.of(TinyScenario.build(T0), clock);
    store.addListener((changes, s) -> heard.add(changes));
    clock.advance(Duration.ofMinutes(5));
  }

  @Test
  void movingADealLogsTheStatusChangeAndClosesIt() {
    Lead moved = store.moveLead(LEAD_A, PIPELINE, Status.WON, ANNA);

    assertThat(moved.statusId()).isEqualTo(Status.WON);
    assertThat(moved.updatedAt()).isEqualTo(T0.plusSeconds(300));
    assertThat(moved.closedAt()).isEqualTo(moved.updatedAt());
    assertThat(moved.updatedBy()).isEqualTo(ANNA);
    Event event = last(store.eventsOfLead(LEAD_A));
    assertThat(event.type()).isEqualTo(EventTypes.LEAD_STATUS_CHANGED);
    assertThat(event.valueBefore())
        .containsExactly(Map.of("lead_status", Map.of("id", TALKS, "pipeline_id", PIPELINE)));
    assertThat(event.valueAfter())
        .containsExactly(Map.of("lead_status", Map.of("id", Status.WON, "pipeline_id", PIPELINE)));
    assertThat(heard)
        .singleElement()
        .satisfies(
            set -> {
              assertThat(set.userId()).isEqualTo(ANNA);
              assertThat(set.changes()).singleElement().isInstanceOf(Change.LeadUpdated.class);
            });
  }

  @Test
  void reopeningAWonDealClearsClosedAt() {
    store.moveLead(LEAD_A, PIPELINE, Status.WON, ANNA);
    Lead reopened = store.moveLead(LEAD_A, PIPELINE, TALKS, ANNA);
    assertThat(reopened.closedAt()).isNull();
  }

  @Test
  void completingATaskLogsCompletionAndResult() {
    Task done = store.completeTask(TASK, "Дозвонился, ждёт КП до пятницы", ANNA);

    assertThat(done.completed()).isTrue();
    assertThat(done.resultText()).isEqualTo("Дозвонился, ждёт КП до пятницы");
    assertThat(store.closestTaskAt(LEAD_A)).isEmpty();
    assertThat(store.events(e -> e.entityId() == TASK))
        .extracting(Event::type)
        .containsExactly(EventTypes.TASK_COMPLETED, EventTypes.TASK_RESULT_ADDED);
  }

  @Test
  void editingAFieldLogsItsOldAndNewValue() {
    Lead lead = store.setLeadField(LEAD_A, PRODUCT, List.of("Двери"), ANNA);

    assertThat(lead.field(PRODUCT).orElseThrow().values())
        .containsExactly(new FieldValue.Value("Двери", DOORS));
    Event event = last(store.eventsOfLead(LEAD_A));
    assertThat(event.type()).isEqualTo(EventTypes.CUSTOM_FIELD_VALUE_CHANGED);
    assertThat(event.valueAfter().get(0).get("custom_field_value"))
        .isEqualTo(Map.of("field_id", PRODUCT, "field_type", 4, "enum_id", DOORS, "text", "Двери"));
  }

  @Test
  void clearingAFieldRemovesIt() {
    Lead lead = store.setLeadField(LEAD_A, CITY, List.of(), ANNA);
    assertThat(lead.field(CITY)).isEmpty();
    assertThat(store.missingRequiredFields(LEAD_A, PIPELINE, TALKS)).isEmpty();
    store.setLeadField(LEAD_A, PRODUCT, List.of(), ANNA);
    assertThat(store.missingRequiredFields(LEAD_A, PIPELINE, TALKS))
        .extracting(CustomField::id)
        .containsExactly(PRODUCT);
  }

  @Test
  void anUnknownOptionIsRefusedAndNothingChanges() {
    Lead before = store.lead(LEAD_A).orElseThrow();

    assertThatThrownBy(() -> store.setLeadField(LEAD_A, PRODUCT, List.of("Крыши"), ANNA))
        .isInstanceOf(InvalidChangeException.class)
        .satisfies(
            e ->
                assertThat(((InvalidChangeException) e).violations())
                    .singleElement()
                    .satisfies(
                        v ->
                            assertThat(v.path())
                                .isEqualTo("custom_fields_values.0.values.0.value")));
    assertThat(store.lead(LEAD_A)).contains(before);
    assertThat(heard).isEmpty();
  }

  @Test
  void aBatchWithOneBadDealChangesNoDeal() {
    assertThatThrownBy(
            () ->
                store.updateLeads(
                    List.of(
                        LeadPatch.of(LEAD_A).withName("Годное имя"),
                        LeadPatch.of(LEAD_B).withStage(PIPELINE, 999)),
                    HEAD))
        .isInstanceOf(InvalidChangeException.class);
    assertThat(store.lead(LEAD_A).orElseThrow().name()).isEqualTo("Окна / Казань");
  }

  @Test
  void handingADealOverLogsTheResponsibleChange() {
    store.assignLead(LEAD_A, PAVEL, HEAD);
    Event event = last(store.eventsOfLead(LEAD_A));
    assertThat(event.type()).isEqualTo(EventTypes.RESPONSIBLE_CHANGED);
    assertThat(event.createdBy()).isEqualTo(HEAD);
    assertThat(event.valueAfter()).containsExactly(Map.of("responsible_user", Map.of("id", PAVEL)));
  }

  @Test
  void aCallIsANoteAndAnEvent() {
    Event call = store.recordCommunication(LEAD_A, EventTypes.INCOMING_CALL, ANNA);
    assertThat(call.type()).isEqualTo(EventTypes.INCOMING_CALL);
    assertThat(store.notesOfLead(LEAD_A)).extracting(Note::noteType).contains(NoteTypes.CALL_IN);
    Event chat = store.recordCommunication(LEAD_A, EventTypes.OUTGOING_CHAT_MESSAGE, ANNA);
    assertThat(chat.entityId()).isEqualTo(LEAD_A);
    assertThat(heard).hasSize(1); // a chat message is only an event: no webhook of its own
  }

  @Test
  void aNewDealTakesAmoCrmsDefaults() {
    Lead lead =
        store.createLead(new NewLead(null, null, null, null, null, null, null, null), PAVEL);
    assertThat(lead.name()).isEqualTo("Сделка #" + lead.id());
    assertThat(lead.responsibleUserId()).isEqualTo(PAVEL);
    assertThat(lead.statusId()).isEqualTo(NEW);
    assertThat(store.eventsOfLead(lead.id())).extracting(Event::type).containsExactly("lead_added");
  }

  @Test
  void deletedDealsLeaveTheListsAndComeBack() {
    store.deleteLead(LEAD_B, HEAD);
    assertThat(store.leads(l -> true)).extracting(Lead::id).containsExactly(LEAD_A);
    assertThat(store.deletedLeads()).extracting(Lead::id).containsExactly(LEAD_B);
    store.restoreLead(LEAD_B, HEAD);
    assertThat(store.leads(l -> true)).extracting(Lead::id).containsExactly(LEAD_A, LEAD_B);
  }

  private static <T> T last(List<T> list) {
    return list.get(list.size() - 1);
  }
}
