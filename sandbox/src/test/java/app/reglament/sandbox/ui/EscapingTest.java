package app.reglament.sandbox.ui;

import static app.reglament.sandbox.testing.TinyScenario.ANNA;
import static app.reglament.sandbox.testing.TinyScenario.NEW;
import static app.reglament.sandbox.testing.TinyScenario.PIPELINE;
import static org.assertj.core.api.Assertions.assertThat;

import app.reglament.sandbox.store.Lead;
import app.reglament.sandbox.store.NewLead;
import app.reglament.sandbox.store.NewNote;
import org.junit.jupiter.api.Test;

/** Whatever a deal is named or a note says, the pages show it as text. */
class EscapingTest extends UiTestBase {
  private static final String SCRIPT = "<script>alert(1)</script>";
  private static final String SHOWN = "&lt;script&gt;alert(1)&lt;/script&gt;";

  @Test
  void aScriptInADealsNameIsShownAsTextOnTheBoardAndTheCard() {
    Lead lead = store().createLead(NewLead.named(SCRIPT).inStage(PIPELINE, NEW), ANNA);

    String board = browser.get("/leads/pipeline/" + PIPELINE).html();
    String card = browser.get("/leads/detail/" + lead.id()).html();

    assertThat(board).doesNotContain(SCRIPT).contains(">" + SHOWN + "</a>");
    assertThat(card)
        .doesNotContain(SCRIPT)
        .contains("name=\"lead[NAME]\" value=\"" + SHOWN + "\"")
        .contains("<title>" + SHOWN + " — Сделка #" + lead.id());
  }

  @Test
  void quotesCannotLeaveAnAttributeAndRussianTextStaysAsItIs() {
    Lead lead =
        store()
            .createLead(
                NewLead.named("Ёлки \"Зелёные\" & 'Сосны' onclick=alert(1)").inStage(PIPELINE, NEW),
                ANNA);

    String card = browser.get("/leads/detail/" + lead.id()).html();

    assertThat(card)
        .contains("value=\"Ёлки &quot;Зелёные&quot; &amp; &#39;Сосны&#39; onclick=alert(1)\"")
        .doesNotContain("\"Зелёные\"");
  }

  @Test
  void notesAndRenamesInTheFeedAreEscapedToo() {
    Lead lead = store().createLead(NewLead.named("Окна").inStage(PIPELINE, NEW), ANNA);
    store().addNote(NewNote.common(lead.id(), "<img src=x onerror=alert(2)>"), ANNA);
    browser.post("/leads/detail/" + lead.id() + "/rename", "lead[NAME]", SCRIPT);

    String feed =
        Dom.element(browser.get("/leads/detail/" + lead.id()).html(), "id=\"card_notes\"");

    assertThat(feed)
        .doesNotContain("<img", SCRIPT)
        .contains("&lt;img src=x onerror=alert(2)&gt;")
        .contains("Название: «Окна» → «" + SHOWN + "»");
  }
}
