package app.reglament.automation;

import static app.reglament.automation.Facts.INSTALLED;
import static app.reglament.automation.Facts.PIPELINE;
import static app.reglament.automation.Facts.RULES;
import static app.reglament.automation.Facts.TEMPLATE;
import static app.reglament.automation.Facts.context;
import static app.reglament.automation.Facts.deal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import app.reglament.amo.api.model.LeadUpdate;
import app.reglament.outbox.Action;
import app.reglament.rules.RuleContext;
import app.reglament.rules.config.RulesConfig;
import app.reglament.rules.facts.DealFacts;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AutoNamingTest {
  private static final String NOW = "2025-06-03 12:00";
  private static final String RENDERED = "Окна ПВХ / Иван Сидоров / Казань";

  /** description, deal, since, manual, last rendering, the rename (or "none"), remembered. */
  static Stream<Arguments> cases() {
    return Stream.of(
        arguments(
            "a new deal seen for the first time is named",
            deal(1).windows().name("Заявка с сайта"),
            INSTALLED,
            false,
            null,
            RENDERED,
            RENDERED),
        arguments(
            "the echo of our own rename: the name is right, nothing is sent",
            deal(1).windows().name(RENDERED),
            INSTALLED,
            false,
            RENDERED,
            "none",
            null),
        arguments(
            "the echo seen before anything was remembered: still nothing",
            deal(1).windows().name(RENDERED),
            INSTALLED,
            false,
            null,
            "none",
            RENDERED),
        arguments(
            "a head marked the name manual",
            deal(1).windows().name("VIP: Сидоров"),
            INSTALLED,
            true,
            null,
            "none",
            null),
        arguments(
            "history: created before naming was on, never renamed on creation",
            deal(1).windows().name("Старая сделка").created("2025-05-20 10:00"),
            INSTALLED,
            false,
            null,
            "none",
            RENDERED),
        arguments(
            "created before naming was switched on (after the installation)",
            deal(1).windows().name("Заявка"),
            Facts.moscow("2025-06-03 11:00"),
            false,
            null,
            "none",
            RENDERED),
        arguments(
            "touched, rendering unchanged, the manager's own name stays",
            deal(1).windows().name("Сидоров окна"),
            INSTALLED,
            false,
            RENDERED,
            "none",
            null),
        arguments(
            "a field the template uses changed: renamed",
            deal(1).windows().name(RENDERED),
            INSTALLED,
            false,
            "Окна ПВХ / Иван Сидоров / Москва",
            "none",
            RENDERED),
        arguments(
            "a field changed on an old deal: renamed on field change",
            deal(1).windows().name("Окна ПВХ / Иван Сидоров / Москва").created("2025-01-10 10:00"),
            INSTALLED,
            false,
            "Окна ПВХ / Иван Сидоров / Москва",
            RENDERED,
            RENDERED),
        arguments(
            "naming is off", deal(1).windows().name("Заявка"), null, false, null, "none", null),
        arguments(
            "nothing to render yet: the deal stays new",
            deal(1).name("Заявка"),
            INSTALLED,
            false,
            null,
            "none",
            null),
        arguments(
            "a lost deal is not renamed",
            deal(1).windows().name("Заявка").moved(DealFacts.LOST, "2025-06-03 11:00"),
            INSTALLED,
            false,
            null,
            "none",
            null),
        arguments(
            "no contact: the empty token takes one separator, never «Окна / — / Казань»",
            deal(1)
                .field(Facts.PRODUCT, "Продукт", "select", "Окна ПВХ")
                .field(Facts.CITY, "Город", "select", "Казань")
                .contact("  ")
                .name("Заявка"),
            INSTALLED,
            false,
            null,
            "Окна ПВХ / Казань",
            "Окна ПВХ / Казань"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decides_the_name(
      String description,
      Facts.Deal deal,
      Instant since,
      boolean manual,
      String lastRendered,
      String rename,
      String remembered) {
    DealFacts facts = deal.build();
    AutoNaming.Decision decision =
        AutoNaming.decide(facts, context(NOW), since, manual, lastRendered);

    assertThat(decision.rename().map(i -> name(i.action())).orElse("none")).isEqualTo(rename);
    // A rename on field change is one occurrence of the rendering: the change's moment is in it.
    String occurrence = lastRendered == null ? "" : "@" + facts.updatedAt().toEpochMilli();
    decision
        .rename()
        .ifPresent(i -> assertThat(i.key()).isEqualTo("rename:1:" + rename + occurrence));
    assertThat(decision.remember()).isEqualTo(remembered);
  }

  @Test
  void on_field_change_off_keeps_a_changed_rendering_unapplied() {
    RulesConfig rules =
        Facts.with(RULES, new RulesConfig.Naming(true, TEMPLATE, true, false, null));
    RuleContext context = Facts.context(rules, NOW);

    AutoNaming.Decision decision =
        AutoNaming.decide(
            deal(1).windows().name("Окна ПВХ / Иван Сидоров / Москва").build(),
            context,
            INSTALLED,
            false,
            "Окна ПВХ / Иван Сидоров / Москва");

    assertThat(decision.rename()).isEmpty();
    assertThat(decision.remember()).isEqualTo(RENDERED);
  }

  @Test
  void pipelines_limit_naming() {
    RulesConfig elsewhere =
        Facts.with(
            RULES, new RulesConfig.Naming(true, TEMPLATE, true, true, List.of(PIPELINE + 1)));
    RulesConfig here =
        Facts.with(RULES, new RulesConfig.Naming(true, TEMPLATE, true, true, List.of(PIPELINE)));
    DealFacts deal = deal(1).windows().name("Заявка").build();

    assertThat(AutoNaming.decide(deal, context(elsewhere, NOW), INSTALLED, false, null).rename())
        .isEmpty();
    assertThat(AutoNaming.decide(deal, context(here, NOW), INSTALLED, false, null).rename())
        .isPresent();
  }

  @Test
  void a_name_too_long_for_the_key_column_gets_a_bounded_distinct_key() {
    String city = "Г".repeat(300);
    DealFacts a =
        deal(1)
            .contact("Иван")
            .field(Facts.PRODUCT, "Продукт", "select", "Окна")
            .field(Facts.CITY, "Город", "select", city + "А")
            .build();
    DealFacts b =
        deal(1)
            .contact("Иван")
            .field(Facts.PRODUCT, "Продукт", "select", "Окна")
            .field(Facts.CITY, "Город", "select", city + "Б")
            .build();

    String keyA = AutoNaming.decide(a, context(NOW), INSTALLED, false, null).rename().get().key();
    String keyB = AutoNaming.decide(b, context(NOW), INSTALLED, false, null).rename().get().key();

    assertThat(keyA).hasSizeLessThanOrEqualTo(Intent.MAX_KEY).startsWith("rename:1:Окна / Иван");
    assertThat(keyA).isNotEqualTo(keyB);
  }

  private static String name(Action action) {
    LeadUpdate update = ((Action.UpdateLead) action).update();
    assertThat(update.statusId()).isNull();
    assertThat(update.responsibleUserId()).isNull();
    return update.name();
  }
}
