package app.reglament.sandbox.ui;

import static app.reglament.sandbox.testing.TinyScenario.ANNA;
import static app.reglament.sandbox.testing.TinyScenario.LEAD_A;
import static app.reglament.sandbox.testing.TinyScenario.LEAD_B;
import static app.reglament.sandbox.testing.TinyScenario.NEW;
import static app.reglament.sandbox.testing.TinyScenario.PIPELINE;
import static app.reglament.sandbox.testing.TinyScenario.TALKS;
import static org.assertj.core.api.Assertions.assertThat;

import app.reglament.sandbox.store.Lead;
import app.reglament.sandbox.store.NewLead;
import app.reglament.sandbox.store.Status;
import app.reglament.sandbox.testing.Sandboxes;
import app.reglament.sandbox.testing.TinyScenario;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BoardPageTest extends UiTestBase {

  @Test
  void theBoardShowsEveryStageInOrderWithItsDealsAndCounts() {
    Browser.Page board = browser.get("/leads/pipeline/" + PIPELINE);

    assertThat(board.status()).isEqualTo(200);
    assertThat(board.contentType()).startsWith("text/html");
    assertThat(Dom.columnIds(board.html()))
        .containsExactly(70L, NEW, TALKS, Status.WON, Status.LOST);

    String talks = Dom.column(board.html(), TALKS);
    assertThat(talks)
        .contains("data-count=\"1\"", "1 сделка", "150\u00a0000\u00a0₽", "title=\"Переговоры\"");
    assertThat(Dom.itemIds(talks)).containsExactly(LEAD_A);
    String card = Dom.element(talks, "data-id=\"" + LEAD_A + "\"");
    assertThat(card)
        .contains("href=\"/leads/detail/" + LEAD_A + "\"", ">Окна / Казань</a>")
        .contains("data-responsible-user-id=\"" + ANNA + "\"", "Анна Кузнецова")
        .contains("Олег Иванов")
        // The task is due at T0 + 3 h, 12:00 UTC: 15:00 in Moscow, the account's zone.
        .contains(
            "data-closest-task-at=\""
                + Sandboxes.T0.plus(Duration.ofHours(3)).getEpochSecond()
                + "\"")
        .contains("30.11.2026 15:00")
        .doesNotContain("pipeline_leads__task_overdue", "Нет задач");

    assertThat(Dom.itemIds(Dom.column(board.html(), Status.LOST))).containsExactly(LEAD_B);
    assertThat(Dom.column(board.html(), Status.LOST)).contains("Павел Смирнов", "1 сделка");
    assertThat(Dom.column(board.html(), NEW)).contains("data-count=\"0\"", "0 сделок");
    assertThat(Dom.itemIds(Dom.column(board.html(), NEW))).isEmpty();
  }

  @Test
  void newDealsComeFirstAndAnActiveDealWithoutATaskIsMarked() {
    Lead older = store().createLead(NewLead.named("Старая").inStage(PIPELINE, NEW), ANNA);
    clock.advance(Duration.ofMinutes(5));
    Lead newer = store().createLead(NewLead.named("Новая").inStage(PIPELINE, NEW), ANNA);

    String column = Dom.column(browser.get("/leads/pipeline/" + PIPELINE).html(), NEW);

    assertThat(Dom.itemIds(column)).containsExactly(newer.id(), older.id());
    assertThat(column).contains("2 сделки");
    assertThat(Dom.element(column, "data-id=\"" + newer.id() + "\""))
        .contains("pipeline_leads__task_none", "Нет задач")
        .doesNotContain("data-closest-task-at");
  }

  @Test
  void anOverdueTaskIsMarkedOnItsDeal() {
    clock.advance(Duration.ofHours(4));

    String board = browser.get("/leads/pipeline/" + PIPELINE).html();

    assertThat(Dom.element(board, "data-id=\"" + LEAD_A + "\""))
        .contains("pipeline_leads__task pipeline_leads__task_overdue");
  }

  @Test
  void leadsOpensTheMainPipeline() {
    Browser.Page leads = browser.get("/leads");

    assertThat(leads.status()).isEqualTo(302);
    assertThat(leads.location()).isEqualTo("/leads/pipeline/" + PIPELINE);
  }

  @Test
  void theSwitcherListsThePipelinesAndMarksTheOpenOne() {
    String switcher =
        Dom.element(browser.get("/leads/pipeline/" + PIPELINE).html(), "id=\"pipeline_switcher\"");

    assertThat(switcher)
        .contains(
            "pipeline-switcher__item pipeline-switcher__item_active\" data-pipeline-id=\""
                + PIPELINE
                + "\" href=\"/leads/pipeline/"
                + PIPELINE
                + "\">Продажи</a>");
  }

  @Test
  void anUnknownPipelineIsANotFoundPage() {
    Browser.Page missing = browser.get("/leads/pipeline/999");
    Browser.Page garbage = browser.get("/leads/pipeline/abc");

    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.html()).contains("Воронки 999 нет в аккаунте", "id=\"sandbox_problem\"");
    assertThat(garbage.status()).isEqualTo(404);
  }

  @Test
  void theBodyNamesTheAccountAndTheActingUser() {
    String html = browser.get("/leads/pipeline/" + PIPELINE).html();

    assertThat(html)
        .contains(
            "<body class=\"sandbox\" data-page=\"leads-pipeline\" data-account-id=\""
                + TinyScenario.ACCOUNT
                + "\" data-subdomain=\"okna\" data-user-id=\""
                + TinyScenario.HEAD
                + "\">");
  }
}
