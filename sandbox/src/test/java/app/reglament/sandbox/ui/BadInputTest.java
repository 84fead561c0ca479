package app.reglament.sandbox.ui;

import static app.reglament.sandbox.testing.TinyScenario.ANNA;
import static app.reglament.sandbox.testing.TinyScenario.LEAD_A;
import static app.reglament.sandbox.testing.TinyScenario.NEW;
import static app.reglament.sandbox.testing.TinyScenario.PIPELINE;
import static app.reglament.sandbox.testing.TinyScenario.PRODUCT;
import static app.reglament.sandbox.testing.TinyScenario.TALKS;
import static app.reglament.sandbox.testing.TinyScenario.TASK;
import static org.assertj.core.api.Assertions.assertThat;

import app.reglament.sandbox.store.Lead;
import app.reglament.sandbox.store.NewLead;
import app.reglament.sandbox.store.Store;
import app.reglament.sandbox.testing.TinyScenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A form with a bad value is answered 400 with its page again and the reason on top; nothing is
 * written, so no event is logged and no webhook leaves.
 */
class BadInputTest extends UiTestBase {
  private static final String CARD = "/leads/detail/" + LEAD_A;

  private Store.Counts before;
  private int eventsBefore;

  @BeforeEach
  void remember() {
    before = store().counts();
    eventsBefore = store().eventCount();
  }

  @Test
  void anUnknownStage() {
    Browser.Page page = browser.post(CARD + "/move", "lead[STATUS]", "999");

    assertRefused(page, "Нет такого этапа: «999»");
    assertThat(page.html()).contains("id=\"card_holder\"");
    // Shown at the POST address, the page still switches users on the card's own address.
    assertThat(Dom.element(page.html(), "id=\"sandbox_user_switch\""))
        .contains("method=\"get\" action=\"" + CARD + "\"");
    assertThat(store().lead(LEAD_A).orElseThrow().statusId()).isEqualTo(TALKS);
  }

  @Test
  void aStageThatIsNotANumberOrIsMissing() {
    assertRefused(
        browser.post(CARD + "/move", "lead[STATUS]", "Переговоры"),
        "«Переговоры» не подходит для поля «Этап»");
    assertRefused(browser.post(CARD + "/move"), "Выберите значение поля «Этап»");
  }

  @Test
  void aStageWhoseRequiredFieldIsEmpty() {
    Lead fresh = store().createLead(NewLead.named("Без продукта").inStage(PIPELINE, NEW), ANNA);
    int events = store().eventCount();

    Browser.Page page =
        browser.post("/leads/detail/" + fresh.id() + "/move", "lead[STATUS]", Long.toString(TALKS));

    assertThat(page.status()).isEqualTo(400);
    assertThat(page.html())
        .contains("Чтобы перевести сделку в этап «Переговоры», заполните поля: Продукт");
    assertThat(store().lead(fresh.id()).orElseThrow().statusId()).isEqualTo(NEW);
    assertThat(store().eventCount()).isEqualTo(events);
  }

  @Test
  void anEmptyTaskResult() {
    Browser.Page page = browser.post(CARD + "/tasks/" + TASK + "/complete", "result", "   ");

    assertRefused(page, "Напишите результат: что сделано по задаче «Связаться с клиентом»");
    assertThat(store().task(TASK).orElseThrow().completed()).isFalse();
  }

  @Test
  void aTaskCompletedTwiceOrOfAnotherDeal() {
    browser.post(CARD + "/tasks/" + TASK + "/complete", "result", "Позвонил, договорились");
    int events = store().eventCount();

    Browser.Page again = browser.post(CARD + "/tasks/" + TASK + "/complete", "result", "Ещё раз");
    Browser.Page elsewhere =
        browser.post(
            "/leads/detail/" + TinyScenario.LEAD_B + "/tasks/" + TASK + "/complete", "result", "x");

    assertThat(again.status()).isEqualTo(400);
    assertThat(again.html()).contains("уже выполнена");
    assertThat(elsewhere.status()).isEqualTo(404);
    assertThat(store().eventCount()).isEqualTo(events);
  }

  @Test
  void aPriceThatIsNotANumber() {
    assertRefused(
        browser.post(CARD + "/price", "lead[PRICE]", "дорого"),
        "Поле «Бюджет» — целое число не меньше нуля, а не «дорого»");
    assertRefused(browser.post(CARD + "/price", "lead[PRICE]", "-5"), "целое число не меньше нуля");
    assertThat(store().lead(LEAD_A).orElseThrow().price()).isEqualTo(150_000);
  }

  @Test
  void aNewDealWithABadPriceKeepsWhatWasTyped() {
    Browser.Page page =
        browser.post(
            "/leads/new",
            "lead[PIPELINE_ID]",
            Long.toString(PIPELINE),
            "lead[NAME]",
            "Окна <б/у>",
            "lead[PRICE]",
            "сто тысяч",
            "lead[STATUS]",
            Long.toString(NEW));

    assertRefused(page, "Поле «Бюджет» — целое число не меньше нуля, а не «сто тысяч»");
    String form = Dom.element(page.html(), "id=\"new_lead\"");
    assertThat(form)
        .contains("class=\"new-lead\" open>")
        .contains("name=\"lead[NAME]\" value=\"Окна &lt;б/у&gt;\"")
        .contains("name=\"lead[PRICE]\" value=\"сто тысяч\"");
  }

  @Test
  void aNewDealInAStageOfNoPipeline() {
    assertRefused(
        browser.post(
            "/leads/new", "lead[PIPELINE_ID]", Long.toString(PIPELINE), "lead[STATUS]", "5"),
        "В воронке «Продажи» нет этапа «5»");
    assertRefused(
        browser.post("/leads/new", "lead[PIPELINE_ID]", "77", "lead[STATUS]", Long.toString(NEW)),
        "В аккаунте нет воронки «77»");
  }

  @Test
  void anOptionThatTheSelectFieldDoesNotHave() {
    assertRefused(
        browser.post(
            CARD + "/field", "field_id", Long.toString(PRODUCT), "CFV[" + PRODUCT + "]", "999"),
        "Поле «Продукт»: «999» — такого варианта нет");
    assertRefused(
        browser.post(CARD + "/field", "field_id", "12345", "CFV[12345]", "x"),
        "У сделок нет поля «12345»");
  }

  @Test
  void aTaskWithoutTextOrWithABadDeadline() {
    assertRefused(
        browser.post(CARD + "/tasks", "text", "", "complete_till", "2026-12-01T10:00"),
        "Заполните поле «Текст задачи»");
    assertRefused(
        browser.post(CARD + "/tasks", "text", "Позвонить", "complete_till", "завтра"),
        "Поле «Срок»: «завтра» — не дата и время");
  }

  @Test
  void anEmptyNameOrNote() {
    assertRefused(
        browser.post(CARD + "/rename", "lead[NAME]", " "), "Заполните поле «Название сделки»");
    assertRefused(browser.post(CARD + "/notes", "text", ""), "Заполните поле «Примечание»");
  }

  @Test
  void actingAsSomeoneWhoIsNotInTheAccount() {
    Browser.Page page = browser.get("/leads/pipeline/" + PIPELINE + "?as=42");

    assertThat(page.status()).isEqualTo(400);
    assertThat(page.html()).contains("В аккаунте нет пользователя «42»");
    assertThat(store().eventCount()).isEqualTo(eventsBefore);
    assertThat(browser.post(CARD + "/move?as=nobody", "lead[STATUS]", Long.toString(NEW)).status())
        .isEqualTo(400);
    assertThat(store().lead(LEAD_A).orElseThrow().statusId()).isEqualTo(TALKS);
  }

  @Test
  void aFormForAMissingDealIsANotFoundPage() {
    Browser.Page page = browser.post("/leads/detail/999/move", "lead[STATUS]", Long.toString(NEW));

    assertThat(page.status()).isEqualTo(404);
    assertThat(page.html()).contains("Сделки 999 нет");
  }

  /** 400, the card or board again with the message in the error banner, and nothing written. */
  private void assertRefused(Browser.Page page, String message) {
    assertThat(page.status()).isEqualTo(400);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(Dom.element(page.html(), "id=\"sandbox_error\"")).contains(message);
    assertThat(page.html()).doesNotContain("Exception", "at app.reglament");
    assertThat(store().counts()).isEqualTo(before);
    assertThat(store().eventCount()).isEqualTo(eventsBefore);
  }
}
