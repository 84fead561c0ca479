package app.reglament.sandbox.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TemplatesTest {
  record Deal(long id, String name, List<String> tags, Optional<String> contact, boolean hot) {}

  record Board(String title, List<Deal> deals) {}

  private static String render(Map<String, String> sources, String name, Object model) {
    return new Templates(sources::get).render(name, model);
  }

  private static String render(String source, Object model) {
    return render(Map.of("t", source), "t", model);
  }

  @Test
  void valuesAreEscapedForTextAndAttributes() {
    assertThat(
            render(
                "<a title=\"{{name}}\">{{name}}</a>", Map.of("name", "<b>\"Окна\" & 'Двери'</b>")))
        .isEqualTo(
            "<a title=\"&lt;b&gt;&quot;Окна&quot; &amp; &#39;Двери&#39;&lt;/b&gt;\">"
                + "&lt;b&gt;&quot;Окна&quot; &amp; &#39;Двери&#39;&lt;/b&gt;</a>");
  }

  @Test
  void sectionsRepeatForListsAndSeeTheOuterValues() {
    Board board =
        new Board(
            "Воронка",
            List.of(
                new Deal(1, "А", List.of("x", "y"), Optional.empty(), true),
                new Deal(2, "Б", List.of(), Optional.of("Олег"), false)));

    String html =
        render(
            "{{#deals}}[{{id}} {{name}} {{title}}{{#tags}} {{.}}{{/tags}}"
                + "{{#contact}} c={{.}}{{/contact}}{{^contact}} no contact{{/contact}}"
                + "{{#hot}} hot{{/hot}}{{^tags}} no tags{{/tags}}]{{/deals}}",
            board);

    assertThat(html).isEqualTo("[1 А Воронка x y no contact hot][2 Б Воронка c=Олег no tags]");
  }

  @Test
  void nullsRenderEmptyAndHideSections() {
    assertThat(
            render(
                "<{{a}}>{{#a}}shown{{/a}}{{^a}}hidden{{/a}}", Collections.singletonMap("a", null)))
        .isEqualTo("<>hidden");
  }

  @Test
  void dottedNamesReachIntoAModel() {
    assertThat(
            render(
                "{{deal.name}}",
                Map.of("deal", new Deal(1, "Окна", List.of(), Optional.empty(), false))))
        .isEqualTo("Окна");
  }

  @Test
  void includedTemplatesShareTheScope() {
    assertThat(
            render(
                Map.of(
                    "page",
                    "<h1>{{title}}</h1>{{#deals}}{{> item}}{{/deals}}",
                    "item",
                    "<i>{{name}}</i>"),
                "page",
                new Board("Б", List.of(new Deal(1, "Окна", List.of(), Optional.empty(), false)))))
        .isEqualTo("<h1>Б</h1><i>Окна</i>");
  }

  @Test
  void commentsAreDropped() {
    assertThat(render("a{{! the contract lives in the README }}b", Map.of())).isEqualTo("ab");
  }

  @Test
  void anUnknownNameFailsInsteadOfRenderingNothing() {
    assertThatThrownBy(() -> render("{{nmae}}", new Board("x", List.of())))
        .hasMessageContaining("Template t: no value named 'nmae'");
  }

  @Test
  void malformedTemplatesFailWhenParsed() {
    assertThatThrownBy(() -> TemplateParser.parse("t", "{{#deals}}\n{{name}}"))
        .hasMessageContaining("section {{#deals}} is never closed");
    assertThatThrownBy(() -> TemplateParser.parse("t", "a\n{{/deals}}"))
        .hasMessageContaining("line 2: {{/deals}} closes nothing open");
    assertThatThrownBy(() -> TemplateParser.parse("t", "{{{raw}}}"))
        .hasMessageContaining("not supported");
    assertThatThrownBy(() -> TemplateParser.parse("t", "{{name"))
        .hasMessageContaining("not closed");
  }

  @Test
  void everyPageTemplateOfTheSandboxParses() {
    Templates templates = new Templates();
    for (String name :
        List.of("layout-top", "layout-bottom", "board", "board-item", "card", "problem")) {
      assertThat(templates.template(name).nodes()).as(name).isNotEmpty();
    }
  }
}
