package app.reglament.rules.config;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The token syntax of naming templates (DESIGN.md): {@code {field:<name or id>}}, {@code
 * {contact}}, {@code {company}}, {@code {responsible}}, {@code {pipeline}}, {@code {status}},
 * {@code {created:<date pattern>}}, {@code {id}}; everything outside braces is literal text.
 */
final class NamingTemplate {
  static final List<String> PLAIN_TOKENS =
      List.of("contact", "company", "responsible", "pipeline", "status", "id");
  private static final String FIELD = "field:";
  private static final String CREATED = "created:";

  private NamingTemplate() {}

  /** Why the template cannot be rendered, if it cannot. */
  static Optional<String> problem(String template) {
    int at = 0;
    while (at < template.length()) {
      int open = template.indexOf('{', at);
      int close = template.indexOf('}', at);
      if (close >= 0 && (open < 0 || close < open)) {
        return Optional.of("has a } without an opening {");
      }
      if (open < 0) {
        return Optional.empty();
      }
      if (close < 0) {
        return Optional.of("has a { without a closing }");
      }
      String token = template.substring(open + 1, close);
      if (token.indexOf('{') >= 0) {
        return Optional.of("has a { inside the token {" + token + "}");
      }
      Optional<String> wrong = tokenProblem(token);
      if (wrong.isPresent()) {
        return wrong;
      }
      at = close + 1;
    }
    return Optional.empty();
  }

  /** The names or ids of the fields a (valid) template uses, in order. */
  static List<String> fields(String template) {
    List<String> fields = new ArrayList<>();
    int at = 0;
    while (true) {
      int open = template.indexOf('{', at);
      int close = open < 0 ? -1 : template.indexOf('}', open);
      if (close < 0) {
        return fields;
      }
      String token = template.substring(open + 1, close);
      if (token.startsWith(FIELD)) {
        fields.add(token.substring(FIELD.length()));
      }
      at = close + 1;
    }
  }

  private static Optional<String> tokenProblem(String token) {
    if (PLAIN_TOKENS.contains(token)) {
      return Optional.empty();
    }
    if (token.startsWith(FIELD)) {
      return token.substring(FIELD.length()).isBlank()
          ? Optional.of("has {field:} without a field name or id")
          : Optional.empty();
    }
    if (token.startsWith(CREATED)) {
      try {
        DateTimeFormatter.ofPattern(token.substring(CREATED.length()));
        return token.length() == CREATED.length()
            ? Optional.of("has {created:} without a date pattern such as yyyy-MM-dd")
            : Optional.empty();
      } catch (IllegalArgumentException e) {
        return Optional.of("has {" + token + "}, whose date pattern is not valid");
      }
    }
    return Optional.of(
        "has an unknown token {"
            + token
            + "}; known tokens are {field:<name or id>}, {"
            + String.join("}, {", PLAIN_TOKENS)
            + "}, {created:<date pattern>}");
  }
}
