package app.reglament.sandbox.ui;

import static app.reglament.sandbox.testing.TinyScenario.ANNA;
import static app.reglament.sandbox.testing.TinyScenario.CITY;
import static app.reglament.sandbox.testing.TinyScenario.CONTACT;
import static app.reglament.sandbox.testing.TinyScenario.LEAD_A;
import static app.reglament.sandbox.testing.TinyScenario.LEAD_B;
import static app.reglament.sandbox.testing.TinyScenario.NOTE;
import static app.reglament.sandbox.testing.TinyScenario.PIPELINE;
import static app.reglament.sandbox.testing.TinyScenario.PRODUCT;
import static app.reglament.sandbox.testing.TinyScenario.TALKS;
import static app.reglament.sandbox.testing.TinyScenario.TASK;
import static app.reglament.sandbox.testing.TinyScenario.WINDOWS;
import static org.assertj.core.api.Assertions.assertThat;

import app.reglament.sandbox.store.Lead;
import app.reglament.sandbox.store.NewLead;
import org.junit.jupiter.api.Test;

class CardPageTest extends UiTestBase {

  @Test
  void theCardCarriesTheDealsIdsForScripts() {
    Browser.Page card = browser.get("/leads/detail/" + LEAD_A);

    assertThat(card.status()).isEqualTo(200);
    assertThat(card.html())
        .contains("data-page=\"leads-card\"")
        .contains(
            "<div id=\"card_holder\" class=\"card-holder\" data-id=\""
                + LEAD_A
                + "\" data-entity=\"leads\" data-pipeline-id=\""
                + PIPELINE
                + "\" data-status-id=\""
                + TALKS
                + "\" data-responsible-user-id=\""
                + ANNA
                + "\">");
  }

  @Test
  void theNameStageResponsibleAndPriceAreEditable() {
    String html = browser.get("/leads/detail/" + LEAD_A).html();

    assertThat(html)
        .contains(
            "id=\"person_name\" class=\"card-fields__name-input\" name=\"lead[NAME]\" value=\"Окна / Казань\"")
        .contains("action=\"/leads/detail/" + LEAD_A + "/rename\"")
        .contains("name=\"lead[PRICE]\" value=\"150000\"");
    String stages = Dom.element(html, "name=\"lead[STATUS]\"");
    assertThat(stages)
        .contains(
            "<option value=\""
                + TALKS
                + "\" data-pipeline-id=\""
                + PIPELINE
                + "\" selected>Переговоры</option>")
        .contains(">Успешно реализовано<", ">Закрыто и не реализовано<")
        // amoCRM offers no way back into the incoming stage.
        .doesNotContain("Неразобранное");
    assertThat(Dom.element(html, "name=\"lead[MAIN_USER]\""))
        .contains("<option value=\"" + ANNA + "\" selected>Анна Кузнецова</option>");
  }

  @Test
  void customFieldsShowTheirValuesWithAmoCrmControlNames() {
    String html = browser.get("/leads/detail/" + LEAD_A).html();

    String city = Dom.element(html, "data-id=\"" + CITY + "\"");
    assertThat(city)
        .contains("title=\"Город\"")
        .contains("<input type=\"text\" name=\"CFV[" + CITY + "]\" value=\"Казань\">");
    // Required in "Переговоры", where the deal is, by amoCRM's own settings.
    String product = Dom.element(html, "data-id=\"" + PRODUCT + "\"");
    assertThat(product)
        .contains("linked-form__field_required", "data-required=\"true\"")
        .contains("<select name=\"CFV[" + PRODUCT + "]\">")
        .contains("<option value=\"" + WINDOWS + "\" selected>Окна</option>");
  }

  @Test
  void contactsTasksAndHistoryAreShown() {
    String html = browser.get("/leads/detail/" + LEAD_A).html();

    assertThat(Dom.element(html, "id=\"card_contacts\""))
        .contains("data-id=\"" + CONTACT + "\"", "Олег Иванов", "+79001234567");
    String task = Dom.element(html, "class=\"card-task\" data-id=\"" + TASK + "\"");
    assertThat(task)
        .contains("Связаться с клиентом", "30.11.2026 15:00", "для Анна Кузнецова")
        .contains("action=\"/leads/detail/" + LEAD_A + "/tasks/" + TASK + "/complete\"")
        .contains("name=\"result\"");
    assertThat(Dom.element(html, "id=\"add_task_form\""))
        .contains("name=\"text\"", "name=\"complete_till\"", "name=\"task_type_id\"");
    String feed = Dom.element(html, "id=\"card_notes\"");
    assertThat(Dom.element(feed, "data-id=\"" + NOTE + "\""))
        .contains("data-type=\"call_out\"", "Исходящий звонок · +79001234567 · 1:35");
    assertThat(Dom.element(feed, "data-type=\"lead_status_changed\""))
        .contains("Этап изменён: «Новая заявка» → «Переговоры»", "Анна Кузнецова");
    // The call's event would repeat the call note, so it is not listed on its own.
    assertThat(feed).doesNotContain("data-type=\"outgoing_call\"");
    assertThat(feed).contains("id=\"feed_compose\"");
  }

  @Test
  void theRightHandWidgetAreaIsThereAndEmpty() {
    String html = browser.get("/leads/detail/" + LEAD_A).html();

    assertThat(html)
        .contains(
            "<div id=\"widgets_block\" class=\"card-widgets\" data-id=\"" + LEAD_A + "\"></div>");
  }

  @Test
  void aDealWithoutContactsOrTasksSaysSo() {
    String html = browser.get("/leads/detail/" + LEAD_B).html();

    assertThat(html).contains("Нет контактов", "Нет открытых задач");
  }

  @Test
  void aMissingOrDeletedDealIsANotFoundPage() {
    Lead gone = store().createLead(NewLead.named("Удалённая"), ANNA);
    store().deleteLead(gone.id(), ANNA);

    assertThat(browser.get("/leads/detail/999").status()).isEqualTo(404);
    assertThat(browser.get("/leads/detail/abc").status()).isEqualTo(404);
    Browser.Page deleted = browser.get("/leads/detail/" + gone.id());
    assertThat(deleted.status()).isEqualTo(404);
    assertThat(deleted.html()).contains("id=\"sandbox_problem\"", "Сделки " + gone.id() + " нет");
  }
}
