package app.reglament.sandbox.ui;

import static app.reglament.sandbox.testing.TinyScenario.ANNA;
import static app.reglament.sandbox.testing.TinyScenario.CITY;
import static app.reglament.sandbox.testing.TinyScenario.DOORS;
import static app.reglament.sandbox.testing.TinyScenario.HEAD;
import static app.reglament.sandbox.testing.TinyScenario.LEAD_A;
import static app.reglament.sandbox.testing.TinyScenario.NEW;
import static app.reglament.sandbox.testing.TinyScenario.PAVEL;
import static app.reglament.sandbox.testing.TinyScenario.PIPELINE;
import static app.reglament.sandbox.testing.TinyScenario.PRODUCT;
import static app.reglament.sandbox.testing.TinyScenario.TALKS;
import static app.reglament.sandbox.testing.TinyScenario.TASK;
import static org.assertj.core.api.Assertions.assertThat;

import app.reglament.sandbox.store.Event;
import app.reglament.sandbox.store.EventTypes;
import app.reglament.sandbox.store.FieldValue;
import app.reglament.sandbox.store.Lead;
import app.reglament.sandbox.store.Status;
import app.reglament.sandbox.store.Task;
import app.reglament.sandbox.store.WebhookCodes;
import app.reglament.sandbox.testing.Receiver;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The card's forms change the account through the store, so each change leaves amoCRM's event and
 * reaches a subscribed integration as a webhook, exactly like the same change made through the API.
 */
class CardFormsTest extends UiTestBase {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String CARD = "/leads/detail/" + LEAD_A;

  private Receiver receiver;

  @BeforeEach
  void subscribe() {
    receiver = new Receiver();
    store()
        .subscribe(
            receiver.url(),
            List.of(
                WebhookCodes.ADD_LEAD,
                WebhookCodes.UPDATE_LEAD,
                WebhookCodes.STATUS_LEAD,
                WebhookCodes.RESPONSIBLE_LEAD,
                WebhookCodes.NOTE_LEAD,
                WebhookCodes.ADD_TASK,
                WebhookCodes.UPDATE_TASK),
            0,
            HEAD);
  }

  @AfterEach
  void stopReceiver() {
    receiver.close();
  }

  @Test
  void movingADealLogsTheStatusChangeAndPostsTheWebhook() throws InterruptedException {
    Browser.Page moved = browser.post(CARD + "/move", "lead[STATUS]", Long.toString(NEW));

    assertThat(moved.status()).isEqualTo(303);
    assertThat(moved.location()).isEqualTo(CARD);
    assertThat(store().lead(LEAD_A).orElseThrow().statusId()).isEqualTo(NEW);
    Event logged = lastEventOfLead(EventTypes.LEAD_STATUS_CHANGED);
    assertThat(logged.createdBy()).isEqualTo(HEAD);
    assertThat(logged.valueAfter())
        .containsExactly(Map.of("lead_status", Map.of("id", NEW, "pipeline_id", PIPELINE)));
    assertThat(receiver.next(WAIT))
        .containsEntry("leads[status][0][id]", Long.toString(LEAD_A))
        .containsEntry("leads[status][0][status_id]", Long.toString(NEW))
        .containsEntry("leads[status][0][old_status_id]", Long.toString(TALKS))
        .containsEntry("leads[status][0][modified_user_id]", Long.toString(HEAD));
    assertThat(Dom.element(browser.get(CARD).html(), "name=\"lead[STATUS]\""))
        .contains("value=\"" + NEW + "\" data-pipeline-id=\"" + PIPELINE + "\" selected>");
  }

  @Test
  void losingADealRecordsTheChosenReason() throws InterruptedException {
    browser.post(CARD + "/move", "lead[STATUS]", "143", "loss_reason_id", "9");

    Lead lead = store().lead(LEAD_A).orElseThrow();
    assertThat(lead.statusId()).isEqualTo(Status.LOST);
    assertThat(lead.lossReasonId()).isEqualTo(9L);
    assertThat(receiver.next(WAIT)).containsEntry("leads[status][0][loss_reason_id]", "9");
  }

  @Test
  void aManagerChosenWithAsIsTheOneWhoMakesTheChange() throws InterruptedException {
    Browser.Page board = browser.get("/leads?as=" + ANNA);
    assertThat(board.status()).isEqualTo(302);
    assertThat(browser.get("/leads/pipeline/" + PIPELINE).html())
        .contains("data-user-id=\"" + ANNA + "\"", "<option value=\"" + ANNA + "\" selected>");

    browser.post(CARD + "/move", "lead[STATUS]", Long.toString(NEW));

    assertThat(lastEventOfLead(EventTypes.LEAD_STATUS_CHANGED).createdBy()).isEqualTo(ANNA);
    assertThat(receiver.next(WAIT)).containsEntry("leads[status][0][modified_user_id]", "501");
  }

  @Test
  void completingATaskStoresTheResultAndPostsTheWebhook() throws InterruptedException {
    Browser.Page done =
        browser.post(
            CARD + "/tasks/" + TASK + "/complete", "result", "Договорились о замере в пятницу");

    assertThat(done.status()).isEqualTo(303);
    Task task = store().task(TASK).orElseThrow();
    assertThat(task.completed()).isTrue();
    assertThat(task.resultText()).isEqualTo("Договорились о замере в пятницу");
    assertThat(store().events(e -> e.entityId() == TASK).stream().map(Event::type))
        .contains(EventTypes.TASK_COMPLETED, EventTypes.TASK_RESULT_ADDED);
    assertThat(receiver.next(WAIT))
        .containsEntry("tasks[update][0][id]", Long.toString(TASK))
        .containsEntry("tasks[update][0][status]", "1")
        .containsEntry("tasks[update][0][result][text]", "Договорились о замере в пятницу");
    String card = browser.get(CARD).html();
    assertThat(card).doesNotContain("/tasks/" + TASK + "/complete").contains("Нет открытых задач");
    assertThat(Dom.element(card, "data-kind=\"task\" data-id=\"" + TASK + "\""))
        .contains("Результат: Договорились о замере в пятницу");
  }

  @Test
  void editingATextFieldChangesTheDealAndPostsTheWebhook() throws InterruptedException {
    browser.post(CARD + "/field", "field_id", Long.toString(CITY), "CFV[" + CITY + "]", "Москва");

    assertThat(store().lead(LEAD_A).orElseThrow().field(CITY).flatMap(FieldValue::firstText))
        .contains("Москва");
    assertThat(lastEventOfLead(EventTypes.CUSTOM_FIELD_VALUE_CHANGED).createdBy()).isEqualTo(HEAD);
    assertThat(receiver.next(WAIT))
        .containsEntry("leads[update][0][id]", Long.toString(LEAD_A))
        .containsEntry("leads[update][0][custom_fields][0][id]", Long.toString(CITY))
        .containsEntry("leads[update][0][custom_fields][0][values][0][value]", "Москва");
    assertThat(Dom.element(browser.get(CARD).html(), "id=\"card_notes\""))
        .contains("Поле «Город»: «Казань» → «Москва»");
  }

  @Test
  void choosingAnOptionOfASelectFieldStoresItsIdAndText() throws InterruptedException {
    browser.post(
        CARD + "/field",
        "field_id",
        Long.toString(PRODUCT),
        "CFV[" + PRODUCT + "]",
        Long.toString(DOORS));

    FieldValue product = store().lead(LEAD_A).orElseThrow().field(PRODUCT).orElseThrow();
    assertThat(product.values()).containsExactly(new FieldValue.Value("Двери", DOORS));
    assertThat(receiver.next(WAIT))
        .containsEntry("leads[update][0][custom_fields][1][values][0][enum]", Long.toString(DOORS));
  }

  @Test
  void renamingRepricingAndReassigningEachLogTheirEvent() throws InterruptedException {
    browser.post(CARD + "/rename", "lead[NAME]", "Окна ПВХ / Казань");
    browser.post(CARD + "/price", "lead[PRICE]", "175 000");
    browser.post(CARD + "/responsible", "lead[MAIN_USER]", Long.toString(PAVEL));

    Lead lead = store().lead(LEAD_A).orElseThrow();
    assertThat(lead.name()).isEqualTo("Окна ПВХ / Казань");
    assertThat(lead.price()).isEqualTo(175_000);
    assertThat(lead.responsibleUserId()).isEqualTo(PAVEL);
    assertThat(store().eventsOfLead(LEAD_A).stream().map(Event::type))
        .contains(
            EventTypes.NAME_FIELD_CHANGED,
            EventTypes.SALE_FIELD_CHANGED,
            EventTypes.RESPONSIBLE_CHANGED);
    assertThat(receiver.next(WAIT)).containsEntry("leads[update][0][name]", "Окна ПВХ / Казань");
    assertThat(receiver.next(WAIT)).containsEntry("leads[update][0][price]", "175000");
    assertThat(receiver.next(WAIT))
        .containsEntry("leads[responsible][0][responsible_user_id]", Long.toString(PAVEL));
  }

  @Test
  void aFormThatChangesNothingWritesNothing() throws InterruptedException {
    int events = store().eventCount();

    browser.post(CARD + "/rename", "lead[NAME]", "Окна / Казань");
    browser.post(CARD + "/price", "lead[PRICE]", "150000");
    browser.post(CARD + "/move", "lead[STATUS]", Long.toString(TALKS));
    browser.post(CARD + "/field", "field_id", Long.toString(CITY), "CFV[" + CITY + "]", "Казань");
    browser.post(CARD + "/rename", "lead[NAME]", "Окна / Казань / замер");

    assertThat(store().eventCount()).isEqualTo(events + 1);
    // Webhooks go out in order, so the first to arrive being the real rename proves the no-op
    // saves sent none.
    assertThat(receiver.next(WAIT))
        .containsEntry("leads[update][0][name]", "Окна / Казань / замер");
  }

  @Test
  void addingATaskAndANoteFromTheCard() throws InterruptedException {
    Browser.Page task =
        browser.post(
            CARD + "/tasks",
            "text",
            "Отправить КП",
            "complete_till",
            "2026-12-01T10:30",
            "task_type_id",
            "2",
            "responsible_user_id",
            Long.toString(PAVEL));
    Browser.Page note = browser.post(CARD + "/notes", "text", "Клиент просит скидку 5 %");

    assertThat(task.status()).isEqualTo(303);
    assertThat(note.status()).isEqualTo(303);
    Task created =
        store().tasksOfLead(LEAD_A).stream()
            .filter(t -> t.text().equals("Отправить КП"))
            .findFirst()
            .orElseThrow();
    assertThat(created.responsibleUserId()).isEqualTo(PAVEL);
    assertThat(created.taskTypeId()).isEqualTo(2);
    // 10:30 in Moscow is 07:30 UTC.
    assertThat(created.completeTill()).isEqualTo(java.time.Instant.parse("2026-12-01T07:30:00Z"));
    assertThat(receiver.next(WAIT)).containsEntry("tasks[add][0][text]", "Отправить КП");
    assertThat(receiver.next(WAIT))
        .containsEntry("leads[note][0][note][text]", "Клиент просит скидку 5 %");
    assertThat(lastEventOfLead(EventTypes.COMMON_NOTE_ADDED).createdBy()).isEqualTo(HEAD);
  }

  private Event lastEventOfLead(String type) {
    List<Event> events = store().events(e -> e.entityId() == LEAD_A && e.type().equals(type));
    assertThat(events).as("%s events of deal %s", type, LEAD_A).isNotEmpty();
    return events.get(events.size() - 1);
  }
}
