package app.reglament.sandbox.ui;

import static app.reglament.sandbox.testing.TinyScenario.HEAD;
import static app.reglament.sandbox.testing.TinyScenario.NEW;
import static app.reglament.sandbox.testing.TinyScenario.PAVEL;
import static app.reglament.sandbox.testing.TinyScenario.PIPELINE;
import static org.assertj.core.api.Assertions.assertThat;

import app.reglament.sandbox.store.Event;
import app.reglament.sandbox.store.EventTypes;
import app.reglament.sandbox.store.Lead;
import app.reglament.sandbox.store.WebhookCodes;
import app.reglament.sandbox.testing.Receiver;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The board's "new deal" form creates the deal through the store, as amoCRM's does. */
class NewLeadFormTest extends UiTestBase {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @Test
  void aDealCreatedOnTheBoardIsLoggedPostedAndShownInItsColumn() throws InterruptedException {
    try (Receiver receiver = new Receiver()) {
      store().subscribe(receiver.url(), List.of(WebhookCodes.ADD_LEAD), 0, HEAD);

      Browser.Page created =
          browser.post(
              "/leads/new",
              "lead[PIPELINE_ID]",
              Long.toString(PIPELINE),
              "lead[NAME]",
              "Двери / Самара",
              "lead[PRICE]",
              "25 000",
              "lead[MAIN_USER]",
              Long.toString(PAVEL),
              "lead[STATUS]",
              Long.toString(NEW));

      assertThat(created.status()).isEqualTo(303);
      Lead lead =
          store().leads(l -> l.name().equals("Двери / Самара")).stream().findFirst().orElseThrow();
      assertThat(created.location()).isEqualTo("/leads/detail/" + lead.id());
      assertThat(lead.price()).isEqualTo(25_000);
      assertThat(lead.responsibleUserId()).isEqualTo(PAVEL);
      assertThat(lead.createdBy()).isEqualTo(HEAD);
      assertThat(lead.statusId()).isEqualTo(NEW);
      Event added = store().eventsOfLead(lead.id()).get(0);
      assertThat(added.type()).isEqualTo(EventTypes.LEAD_ADDED);
      assertThat(added.valueAfter())
          .containsExactly(Map.of("lead_status", Map.of("id", NEW, "pipeline_id", PIPELINE)));
      assertThat(receiver.next(WAIT))
          .containsEntry("leads[add][0][id]", Long.toString(lead.id()))
          .containsEntry("leads[add][0][name]", "Двери / Самара")
          .containsEntry("leads[add][0][responsible_user_id]", Long.toString(PAVEL));

      String column = Dom.column(browser.get("/leads/pipeline/" + PIPELINE).html(), NEW);
      assertThat(Dom.itemIds(column)).containsExactly(lead.id());
      assertThat(column).contains("data-count=\"1\"", "25\u00a0000\u00a0₽");
    }
  }

  @Test
  void aDealWithoutANameGetsAmoCrmsDefaultName() {
    Browser.Page created =
        browser.post(
            "/leads/new",
            "lead[PIPELINE_ID]",
            Long.toString(PIPELINE),
            "lead[NAME]",
            "",
            "lead[PRICE]",
            "",
            "lead[STATUS]",
            Long.toString(NEW));

    long id = Long.parseLong(created.location().substring("/leads/detail/".length()));
    Lead lead = store().lead(id).orElseThrow();
    assertThat(lead.name()).isEqualTo("Сделка #" + id);
    assertThat(lead.price()).isZero();
    assertThat(lead.responsibleUserId()).isEqualTo(HEAD);
  }
}
