package app.reglament.rules;

import app.reglament.rules.facts.AccountFacts;
import app.reglament.rules.facts.DealFacts;
import app.reglament.rules.facts.FieldValue;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The regulations' deal-name template (DESIGN.md, "naming"): text with the tokens {@code
 * {field:<name or id>}}, {@code {contact}}, {@code {company}}, {@code {responsible}}, {@code
 * {pipeline}}, {@code {status}}, {@code {created:<DateTimeFormatter pattern>}} (in the account's
 * timezone) and {@code {id}}, written exactly so: "{Contact}", "{ contact }" and "{created}" are
 * unknown tokens, as the rules document's validation reads them.
 *
 * <p>The text between two tokens is a separator. A token whose value is empty disappears with one
 * separator next to it, so "{field:Продукт} / {contact} / {field:Город}" with no contact gives
 * "Окна / Казань", and with no product "Иван / Казань": a separator never leads, trails or doubles.
 * When tokens between two values are dropped, the separator right after the left value is kept.
 * Text before the first token and after the last one is kept; values and the whole name are
 * trimmed.
 *
 * <p>This is the only reader of the syntax: the rules document reports a bad template by the
 * message of {@link #parse}'s exception under the key {@code naming.template}, so those messages
 * are worded to follow that key ("has a { without a closing }").
 */
public final class NamingTemplate {
  private static final Locale RUSSIAN = Locale.forLanguageTag("ru");
  private static final List<String> SIMPLE_TOKENS =
      List.of("contact", "company", "responsible", "pipeline", "status", "id");

  private final String source;
  private final List<String> literals;
  private final List<Token> tokens;

  private NamingTemplate(String source, List<String> literals, List<Token> tokens) {
    this.source = source;
    this.literals = List.copyOf(literals);
    this.tokens = List.copyOf(tokens);
  }

  /**
   * Parses a template.
   *
   * @throws IllegalArgumentException whose message says what is wrong, worded to follow the key
   *     {@code naming.template}
   */
  public static NamingTemplate parse(String template) {
    if (template == null) {
      throw new IllegalArgumentException("is missing");
    }
    List<String> literals = new ArrayList<>();
    List<Token> tokens = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c == '}') {
        throw new IllegalArgumentException("has a } without an opening {");
      }
      if (c != '{') {
        literal.append(c);
        i++;
        continue;
      }
      int end = template.indexOf('}', i);
      int nested = template.indexOf('{', i + 1);
      if (end < 0) {
        throw new IllegalArgumentException("has a { without a closing }");
      }
      if (nested >= 0 && nested < end) {
        throw new IllegalArgumentException(
            "has a { inside the token {" + template.substring(i + 1, end) + "}");
      }
      tokens.add(Token.parse(template.substring(i + 1, end)));
      literals.add(literal.toString());
      literal.setLength(0);
      i = end + 1;
    }
    literals.add(literal.toString());
    return new NamingTemplate(template, literals, tokens);
  }

  public String source() {
    return source;
  }

  /**
   * The fields the {@code {field:...}} tokens refer to, in order and as written but trimmed: a name
   * ("Город" for {@code {field: Город }}) or an id in digits ("500").
   */
  public List<String> fieldReferences() {
    return tokens.stream()
        .filter(Field.class::isInstance)
        .map(t -> ((Field) t).reference())
        .toList();
  }

  /** The deal's name by this template; "" when every part is empty. */
  public String render(DealFacts deal, AccountFacts account, ZoneId zone) {
    List<String> values = tokens.stream().map(t -> t.value(deal, account, zone)).toList();
    StringBuilder name = new StringBuilder(literals.get(0));
    int lastKept = -1;
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i).isEmpty()) {
        continue;
      }
      if (lastKept >= 0) {
        name.append(literals.get(lastKept + 1));
      }
      name.append(values.get(i));
      lastKept = i;
    }
    name.append(literals.get(literals.size() - 1));
    return name.toString().strip();
  }

  @Override
  public String toString() {
    return source;
  }

  private sealed interface Token {
    String value(DealFacts deal, AccountFacts account, ZoneId zone);

    static Token parse(String body) {
      int colon = body.indexOf(':');
      String name = colon < 0 ? body : body.substring(0, colon);
      String argument = colon < 0 ? null : body.substring(colon + 1);
      if (argument != null && name.equals("field")) {
        if (argument.isBlank()) {
          throw new IllegalArgumentException("has {field:} without a field name or id");
        }
        return new Field(argument.strip());
      }
      if (argument != null && name.equals("created")) {
        if (argument.isBlank()) {
          throw new IllegalArgumentException(
              "has {created:} without a date pattern such as yyyy-MM-dd");
        }
        return Created.of(argument, body);
      }
      if (argument == null && SIMPLE_TOKENS.contains(name)) {
        return new Simple(name);
      }
      throw new IllegalArgumentException(
          "has an unknown token {"
              + body
              + "}; known tokens are {field:<name or id>}, {"
              + String.join("}, {", SIMPLE_TOKENS)
              + "}, {created:<date pattern>}");
    }
  }

  private record Simple(String name) implements Token {
    @Override
    public String value(DealFacts deal, AccountFacts account, ZoneId zone) {
      Optional<String> value =
          switch (name) {
            case "contact" -> Optional.ofNullable(deal.contactName());
            case "company" -> Optional.ofNullable(deal.companyName());
            case "responsible" -> account.userName(deal.responsibleUserId());
            case "pipeline" -> account.pipelineName(deal.pipelineId());
            case "status" ->
                account
                    .status(deal.pipelineId(), deal.statusId())
                    .map(AccountFacts.StatusFacts::name);
            case "id" -> Optional.of(Long.toString(deal.leadId()));
            default -> throw new IllegalStateException(name);
          };
      return value.map(String::strip).orElse("");
    }
  }

  /** A field by its amoCRM id (all digits) or its name. */
  private record Field(String reference) implements Token {
    @Override
    public String value(DealFacts deal, AccountFacts account, ZoneId zone) {
      return find(deal, account).map(FieldValue::text).map(String::strip).orElse("");
    }

    private Optional<FieldValue> find(DealFacts deal, AccountFacts account) {
      if (reference.chars().allMatch(Character::isDigit)) {
        return deal.field(Long.parseLong(reference));
      }
      Optional<Long> defined =
          account.fields().values().stream()
              .filter(f -> reference.equals(f.name()))
              .map(AccountFacts.FieldDefinition::fieldId)
              .findFirst();
      if (defined.isPresent()) {
        return deal.field(defined.get());
      }
      return deal.fields().stream().filter(f -> reference.equals(f.name())).findFirst();
    }
  }

  private record Created(DateTimeFormatter format) implements Token {
    static Created of(String pattern, String body) {
      try {
        return new Created(DateTimeFormatter.ofPattern(pattern, RUSSIAN));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "has {" + body + "}, whose date pattern is not valid", e);
      }
    }

    @Override
    public String value(DealFacts deal, AccountFacts account, ZoneId zone) {
      return deal.createdAt() == null ? "" : format.format(deal.createdAt().atZone(zone)).strip();
    }
  }
}
