package app.reglament.rules.indicators;

import static app.reglament.rules.indicators.FactsFixture.ADDRESS;
import static app.reglament.rules.indicators.FactsFixture.BUDGET;
import static app.reglament.rules.indicators.FactsFixture.CITY;
import static app.reglament.rules.indicators.FactsFixture.CONTRACT;
import static app.reglament.rules.indicators.FactsFixture.FORMER;
import static app.reglament.rules.indicators.FactsFixture.HEAD;
import static app.reglament.rules.indicators.FactsFixture.MANAGER;
import static app.reglament.rules.indicators.FactsFixture.MEASURE;
import static app.reglament.rules.indicators.FactsFixture.OFFER;
import static app.reglament.rules.indicators.FactsFixture.QUALIFICATION;
import static app.reglament.rules.indicators.FactsFixture.UNSORTED;
import static app.reglament.rules.indicators.FactsFixture.at;
import static app.reglament.rules.indicators.FactsFixture.context;
import static app.reglament.rules.indicators.FactsFixture.deal;
import static app.reglament.rules.indicators.FactsFixture.only;
import static app.reglament.rules.indicators.FactsFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

import app.reglament.rules.Finding;
import app.reglament.rules.Findings;
import app.reglament.rules.Indicator;
import app.reglament.rules.Severity;
import app.reglament.rules.facts.DealFacts;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RequiredFieldsIndicatorTest {
  private static final String NOW = "2024-06-05T12:00";
  private final RequiredFieldsIndicator indicator = new RequiredFieldsIndicator();

  /** A deal in «Замер назначен» (Город, Адрес объекта required) with the address given. */
  private static FactsFixture.Deal measuring(String... address) {
    return deal(5)
        .moved(QUALIFICATION, MEASURE, "2024-06-04T11:00")
        .field(CITY, "select", "Казань")
        .field(ADDRESS, "text", address);
  }

  /** {@code reason} null = compliant; {@code empty} and {@code junk} name the fields. */
  static Stream<Arguments> verdicts() {
    return Stream.of(
        row("all required fields real", measuring("ул. Баумана, д. 5"), null, List.of(), List.of()),
        row("a short real value: «Уфа» is a city", measuring("Уфа"), null, List.of(), List.of()),
        row("text field empty", measuring(), "empty", List.of("Адрес объекта"), List.of()),
        row("text field blank", measuring("   "), "empty", List.of("Адрес объекта"), List.of()),
        row("placeholder in text", measuring("-"), "junk", List.of(), List.of("Адрес объекта")),
        row("punctuation in text", measuring("..."), "junk", List.of(), List.of("Адрес объекта")),
        row("repeated letters", measuring("аааааа"), "junk", List.of(), List.of("Адрес объекта")),
        row("keyboard mash", measuring("фывапр"), "junk", List.of(), List.of("Адрес объекта")),
        row(
            "select field missing",
            deal(5)
                .moved(QUALIFICATION, MEASURE, "2024-06-04T11:00")
                .field(ADDRESS, "text", "ул. Ленина, 1"),
            "empty",
            List.of("Город"),
            List.of()),
        row(
            "select with a junk-looking option is only checked for emptiness",
            deal(5)
                .moved(QUALIFICATION, MEASURE, "2024-06-04T11:00")
                .field(CITY, "select", "-")
                .field(ADDRESS, "text", "ул. Ленина, 1"),
            null,
            List.of(),
            List.of()),
        row(
            "numeric is only checked for emptiness: 0 is a value",
            deal(5)
                .moved(MEASURE, OFFER, "2024-06-04T11:00")
                .field(CITY, "select", "Казань")
                .field(ADDRESS, "text", "ул. Ленина, 1")
                .field(BUDGET, "numeric", "0"),
            null,
            List.of(),
            List.of()),
        row(
            "empty and junk together: empty comes first, both listed",
            deal(5).moved(MEASURE, OFFER, "2024-06-04T11:00").field(ADDRESS, "text", "+"),
            "empty",
            List.of("Город", "Бюджет"),
            List.of("Адрес объекта")));
  }

  private static Arguments row(
      String name, FactsFixture.Deal deal, String reason, List<String> empty, List<String> junk) {
    return Arguments.of(name, deal.build(), reason, empty, junk);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("verdicts")
  void judges_the_stages_required_fields(
      String name, DealFacts deal, String reason, List<String> empty, List<String> junk) {
    Findings findings = run(indicator, deal, context(NOW));

    Finding finding = only(findings);
    assertThat(finding.reason()).isEqualTo(reason);
    assertThat(findings.recheckAt()).isNull();
    if (reason != null) {
      assertThat(finding.details().get("empty")).isEqualTo(empty);
      List<?> junkFields =
          ((List<?>) finding.details().get("junk"))
              .stream().map(j -> ((Map<?, ?>) j).get("field")).toList();
      assertThat(junkFields).isEqualTo(junk);
    }
  }

  @Test
  void a_violation_is_the_deals_state_today_since_it_entered_the_stage() {
    DealFacts deal =
        deal(5)
            .moved(QUALIFICATION, MEASURE, "2024-06-04T11:00")
            .field(ADDRESS, "text", "фывапр")
            .build();

    Finding finding = only(run(indicator, deal, context(NOW)));

    assertThat(finding.indicator()).isEqualTo(Indicator.REQUIRED_FIELDS);
    assertThat(finding.subjectKey()).isEqualTo("lead:5");
    assertThat(finding.leadId()).isEqualTo(5L);
    assertThat(finding.userId()).isEqualTo(MANAGER);
    assertThat(finding.day()).isEqualTo(LocalDate.parse("2024-06-05"));
    assertThat(finding.severity()).isEqualTo(Severity.WARNING);
    assertThat(finding.beganAt()).isEqualTo(at("2024-06-04T11:00"));
    assertThat(finding.details()).containsEntry("fieldIds", List.of(CITY, ADDRESS));
    assertThat(finding.explanation().russian())
        .startsWith("Заполните поля: Город, Адрес объекта (сейчас «фывапр»")
        .contains("«Замер назначен»");
    assertThat(finding.explanation().english()).startsWith("Fill in: Город, Адрес объекта");
  }

  @Test
  void stages_without_required_fields_have_no_item() {
    for (long stage : List.of(UNSORTED, QUALIFICATION, CONTRACT)) {
      DealFacts deal = deal(5).status(stage).build();
      assertThat(run(indicator, deal, context(NOW)).list()).as("stage %s", stage).isEmpty();
    }
  }

  @Test
  void closed_deleted_and_unmanaged_deals_have_no_item() {
    assertThat(run(indicator, measuring().build(), context(NOW)).list()).hasSize(1);
    assertThat(run(indicator, measuring().deleted().build(), context(NOW)).list()).isEmpty();
    for (long closed : List.of(DealFacts.WON, DealFacts.LOST)) {
      assertThat(run(indicator, measuring().status(closed).build(), context(NOW)).list()).isEmpty();
    }
    for (Long unmanaged : new Long[] {HEAD, FORMER, null}) {
      DealFacts deal = measuring().responsible(unmanaged).build();
      assertThat(run(indicator, deal, context(NOW)).list()).as("user %s", unmanaged).isEmpty();
    }
  }

  @Test
  void a_deal_created_in_its_stage_began_at_its_creation() {
    DealFacts deal = deal(5).status(MEASURE).build();

    assertThat(only(run(indicator, deal, context(NOW))).beganAt())
        .isEqualTo(at("2024-06-03T09:00"));
  }
}
