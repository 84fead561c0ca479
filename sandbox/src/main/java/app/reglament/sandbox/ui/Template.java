package app.reglament.sandbox.ui;

import java.util.List;

/**
 * A parsed page template: text and tags in a small subset of Mustache. {@code {{name}}} writes a
 * value escaped for HTML; {@code {{#name}}…{{/name}}} repeats its body for each item of a list or
 * shows it when the value is present and true; {@code {{^name}}…{{/name}}} shows its body when the
 * value is absent, false or empty; {@code {{> other}}} includes another template; {@code {{! …}}}
 * is a comment. There is deliberately no tag that writes unescaped text: every value that reaches a
 * page is escaped, so a deal named {@code <script>} cannot run.
 */
record Template(String name, List<Node> nodes) {

  Template {
    nodes = List.copyOf(nodes);
  }

  sealed interface Node permits Text, Value, Section, Include {}

  /** Markup written as it is. */
  record Text(String text) implements Node {}

  /** {@code {{name}}}: a value, escaped. */
  record Value(String name) implements Node {}

  /** {@code {{#name}}} or, inverted, {@code {{^name}}}. */
  record Section(String name, boolean inverted, List<Node> body) implements Node {
    Section {
      body = List.copyOf(body);
    }
  }

  /** {@code {{> name}}}: another template rendered in the same scope. */
  record Include(String template) implements Node {}
}
