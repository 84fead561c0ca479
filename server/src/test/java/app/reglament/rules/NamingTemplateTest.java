package app.reglament.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.reglament.rules.facts.AccountFacts;
import app.reglament.rules.facts.AccountFacts.FieldDefinition;
import app.reglament.rules.facts.AccountFacts.StatusFacts;
import app.reglament.rules.facts.AccountFacts.UserFacts;
import app.reglament.rules.facts.DealFacts;
import app.reglament.rules.facts.FieldValue;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NamingTemplateTest {
  private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
  private static final long PRODUCT = 501;
  private static final long CITY = 502;
  private static final long AREA = 503;
  private static final AccountFacts ACCOUNT =
      new AccountFacts(
          1,
          Map.of(101L, new UserFacts(101, "Иван Петров", false, true)),
          Map.of(7001L, List.of(new StatusFacts(7001, 11, "Квалификация", 20, 0))),
          Map.of(
              PRODUCT, new FieldDefinition(PRODUCT, "Продукт", "select"),
              CITY, new FieldDefinition(CITY, "Город", "select"),
              AREA, new FieldDefinition(AREA, "Площадь", "numeric")),
          Map.of(7001L, "Частные клиенты"));

  /**
   * The deal: product, contact and city as given (null = absent), company ООО Ромашка, Иван
   * Петров's, «Квалификация» of «Частные клиенты», created 2025-06-02 00:30 Moscow (still the 1st
   * in UTC).
   */
  private static DealFacts deal(String product, String contact, String city) {
    List<FieldValue> fields = new ArrayList<>();
    if (product != null) {
      fields.add(new FieldValue(PRODUCT, "Продукт", "select", List.of(product)));
    }
    if (city != null) {
      fields.add(new FieldValue(CITY, "Город", "select", List.of(city)));
    }
    fields.add(new FieldValue(AREA, "Площадь", "numeric", List.of("12")));
    return new DealFacts(
        24100001,
        "Сделка",
        101L,
        7001,
        11,
        null,
        Instant.parse("2025-06-01T21:30:00Z"),
        null,
        null,
        false,
        fields,
        contact,
        "ООО Ромашка",
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }

  @ParameterizedTest(name = "{0} with {1}|{2}|{3} = {4}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "{field:Продукт} / {contact} / {field:Город}|Окна|Иван|Казань|Окна / Иван / Казань",
        // An empty part takes one separator with it, wherever it stands.
        "{field:Продукт} / {contact} / {field:Город}|Окна||Казань|Окна / Казань",
        "{field:Продукт} / {contact} / {field:Город}||Иван|Казань|Иван / Казань",
        "{field:Продукт} / {contact} / {field:Город}|Окна|Иван||Окна / Иван",
        "{field:Продукт} / {contact} / {field:Город}|||Казань|Казань",
        "{field:Продукт} / {contact} / {field:Город}||||\"\"",
        // Values are trimmed; a blank value is empty.
        "{field:Продукт} / {contact} / {field:Город}|Окна|\"  \"|\" Казань \"|Окна / Казань",
        // Two dropped in a row: the separator after the kept left value stays.
        "{id}. {field:Продукт}, {contact} — {field:Город}|||Казань|24100001. Казань",
        // Text before the first token and after the last one is kept.
        "Заявка: {contact} ({field:Город})|Окна|Иван|Казань|Заявка: Иван (Казань)",
        "{field:501}-{field:503}|Окна|Иван|Казань|Окна-12",
        "{company} / {responsible} / {pipeline} / {status}|||| ООО Ромашка / Иван Петров /"
            + " Частные клиенты / Квалификация",
        // In the account's timezone, where it is already the 2nd.
        "{created:dd.MM.yyyy HH:mm} {contact}|Окна|Иван|Казань|02.06.2025 00:30 Иван",
        "{created:yyyy-MM-dd} {contact}|Окна|Иван|Казань|2025-06-02 Иван",
        "{created:d MMMM}|Окна|Иван|Казань|2 июня",
        "{field: Город }|Окна|Иван|Казань|Казань",
        "{field:Нет такого поля} / {contact}|Окна|Иван|Казань|Иван",
      })
  void renders(String template, String product, String contact, String city, String expected) {
    String name =
        NamingTemplate.parse(template).render(deal(product, contact, city), ACCOUNT, MOSCOW);

    assertThat(name).isEqualTo(expected.strip());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{field:Продукт} / {manager}",
        "{contact:full}",
        "{Contact}",
        "{ contact }",
        "{created}",
        "{field}",
      })
  void an_unknown_token_is_rejected_naming_it(String template) {
    String token = template.substring(template.lastIndexOf('{'));

    assertThatThrownBy(() -> NamingTemplate.parse(template))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "has an unknown token "
                + token
                + "; known tokens are {field:<name or id>}, {contact}, {company}, {responsible},"
                + " {pipeline}, {status}, {id}, {created:<date pattern>}");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{contact / {field:Город}|has a { inside the token {contact / {field:Город}",
        "{contact|has a { without a closing }",
        "{contact} }|has a } without an opening {",
        "{field:}|has {field:} without a field name or id",
        "{field: }|has {field:} without a field name or id",
        "{created:}|has {created:} without a date pattern such as yyyy-MM-dd",
        "{created: }|has {created:} without a date pattern such as yyyy-MM-dd",
        "{created:bbb}|has {created:bbb}, whose date pattern is not valid",
      })
  void a_malformed_template_is_rejected_saying_what_is_wrong(String template, String message) {
    assertThatThrownBy(() -> NamingTemplate.parse(template))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void field_references_are_the_trimmed_names_and_ids_in_order() {
    NamingTemplate template =
        NamingTemplate.parse(
            "{field: Город } / {contact} {field:501} {created:yyyy} {field:Продукт}");

    assertThat(template.fieldReferences()).containsExactly("Город", "501", "Продукт");
    assertThat(NamingTemplate.parse("{contact} / {id}").fieldReferences()).isEmpty();
  }
}
