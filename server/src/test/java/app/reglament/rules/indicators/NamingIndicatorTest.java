package app.reglament.rules.indicators;

import static app.reglament.rules.indicators.DealFactsBuilder.ACCOUNT;
import static app.reglament.rules.indicators.DealFactsBuilder.CITY_FIELD;
import static app.reglament.rules.indicators.DealFactsBuilder.HEAD;
import static app.reglament.rules.indicators.DealFactsBuilder.OTHER_PIPELINE;
import static app.reglament.rules.indicators.DealFactsBuilder.PIPELINE;
import static app.reglament.rules.indicators.DealFactsBuilder.PRODUCT_FIELD;
import static app.reglament.rules.indicators.DealFactsBuilder.RULES;
import static app.reglament.rules.indicators.DealFactsBuilder.context;
import static app.reglament.rules.indicators.DealFactsBuilder.deal;
import static app.reglament.rules.indicators.DealFactsBuilder.evaluate;
import static app.reglament.rules.indicators.DealFactsBuilder.moscow;
import static app.reglament.rules.indicators.DealFactsBuilder.summary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import app.reglament.rules.Finding;
import app.reglament.rules.Findings;
import app.reglament.rules.RuleContext;
import app.reglament.rules.config.RulesConfig;
import app.reglament.rules.facts.DealFacts;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NamingIndicatorTest {
  private static final NamingIndicator INDICATOR = new NamingIndicator();
  private static final String NOW = "2025-06-18 16:30";

  private static DealFactsBuilder windows(long id) {
    return deal(id)
        .contact("Иван Сидоров")
        .field(PRODUCT_FIELD, "Продукт", "Окна ПВХ")
        .field(CITY_FIELD, "Город", "Казань");
  }

  // Template: "{field:Продукт} / {contact} / {field:Город}".
  static Stream<Arguments> deals() {
    return Stream.of(
        arguments(
            "named by the template",
            windows(1).name("Окна ПВХ / Иван Сидоров / Казань"),
            "compliant lead:1 user 101 day 2025-06-18"),
        arguments(
            "an empty contact takes its separator with it",
            deal(1)
                .field(PRODUCT_FIELD, "Продукт", "Окна ПВХ")
                .field(CITY_FIELD, "Город", "Казань")
                .name("Окна ПВХ / Казань"),
            "compliant lead:1 user 101 day 2025-06-18"),
        arguments(
            "a web form's default name",
            windows(1).name("Заявка с сайта"),
            "wrong_name warning lead:1 user 101 day 2025-06-18 began 2025-06-02 10:00"),
        arguments(
            "no separators",
            windows(1).name("Окна ПВХ Иван Сидоров Казань"),
            "wrong_name warning lead:1 user 101 day 2025-06-18 began 2025-06-02 10:00"),
        arguments(
            "compared as exact strings: case and spaces matter",
            windows(1).name("окна ПВХ / Иван Сидоров / Казань "),
            "wrong_name warning lead:1 user 101 day 2025-06-18 began 2025-06-02 10:00"),
        arguments("nothing to render: no item", deal(1).name("Заявка с сайта"), "none"),
        arguments(
            "a won deal under an old name is no item",
            windows(1).name("Заявка с сайта").moved(DealFacts.WON, "2025-06-10 12:00"),
            "none"),
        arguments(
            "a deleted deal is no item", windows(1).name("Заявка с сайта").deleted(true), "none"),
        arguments(
            "the head's deal is not checked",
            windows(1).name("Заявка с сайта").responsible(HEAD),
            "none"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("deals")
  void compares_the_name_with_the_template(
      String description, DealFactsBuilder deal, String expected) {
    Findings findings = evaluate(INDICATOR, deal.build(), context(NOW));

    assertThat(summary(findings)).isEqualTo(expected);
    assertThat(findings.recheckAt()).isNull();
  }

  @Test
  void the_violation_carries_the_expected_name() {
    DealFacts deal = windows(1).name("Заявка с сайта").build();

    Finding finding = evaluate(INDICATOR, deal, context(NOW)).list().get(0);

    assertThat(finding.details())
        .containsEntry("expected", "Окна ПВХ / Иван Сидоров / Казань")
        .containsEntry("actual", "Заявка с сайта");
    assertThat(finding.explanation().russian())
        .startsWith("Переименуйте сделку в «Окна ПВХ / Иван Сидоров / Казань»")
        .contains("«Заявка с сайта»");
    assertThat(finding.explanation().english())
        .startsWith("Rename the deal to «Окна ПВХ / Иван Сидоров / Казань»");
  }

  @Test
  void naming_disabled_or_for_other_pipelines_checks_nothing() {
    DealFacts deal = windows(1).name("Заявка с сайта").build();
    RuleContext disabled = withNaming(new RulesConfig.Naming(false, "{contact}", true, true, null));
    RuleContext elsewhere =
        withNaming(new RulesConfig.Naming(true, "{contact}", true, true, List.of(OTHER_PIPELINE)));
    RuleContext here =
        withNaming(new RulesConfig.Naming(true, "{contact}", true, true, List.of(PIPELINE)));

    assertThat(summary(evaluate(INDICATOR, deal, disabled))).isEqualTo("none");
    assertThat(summary(evaluate(INDICATOR, deal, elsewhere))).isEqualTo("none");
    assertThat(summary(evaluate(INDICATOR, deal, here))).startsWith("wrong_name warning lead:1");
  }

  private static RuleContext withNaming(RulesConfig.Naming naming) {
    RulesConfig r = RULES;
    RulesConfig rules =
        new RulesConfig(
            r.timezone(),
            r.workingHours(),
            r.holidays(),
            r.heads(),
            r.managers(),
            naming,
            r.firstContact(),
            r.stages(),
            r.requiredFields(),
            r.taskResults(),
            r.lostDeals(),
            r.communications(),
            r.worktime(),
            r.score());
    return new RuleContext(rules, ACCOUNT, moscow(NOW));
  }
}
