package app.reglament.automation;

import static app.reglament.automation.Facts.BUDGET;
import static app.reglament.automation.Facts.INSTALLED;
import static app.reglament.automation.Facts.MEASURING;
import static app.reglament.automation.Facts.PIPELINE;
import static app.reglament.automation.Facts.PRODUCT;
import static app.reglament.automation.Facts.QUALIFICATION;
import static app.reglament.automation.Facts.RULES;
import static app.reglament.automation.Facts.deal;
import static app.reglament.automation.Facts.moscow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import app.reglament.outbox.Action;
import app.reglament.rules.Finding;
import app.reglament.rules.RuleContext;
import app.reglament.rules.config.RulesConfig;
import app.reglament.rules.facts.DealFacts;
import app.reglament.rules.indicators.RequiredFieldsIndicator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StageGateTest {
  private static final String NOW = "2025-06-03 12:00";
  private static final RulesConfig REVERT =
      Facts.with(RULES, new RulesConfig.RequiredFields("revert", true));

  /** Moved into «Замер» (which requires «Продукт» and «Бюджет») at 11:00. */
  private static Facts.Deal intoMeasuring() {
    return deal(1).moved(MEASURING, "2025-06-03 11:00");
  }

  /** description, rules, deal, handled before, the actions in short, the move now handled. */
  static Stream<Arguments> cases() {
    return Stream.of(
        arguments(
            "flag: a note names both fields",
            RULES,
            intoMeasuring(),
            null,
            List.of(
                "note stage-move:1:"
                    + at("11:00")
                    + ":note «Замер» без обязательных полей:"
                    + " «Продукт», «Бюджет»"),
            "11:00"),
        arguments(
            "revert: back to the stage it came from, and a note",
            REVERT,
            intoMeasuring().field(PRODUCT, "Продукт", "select", "Окна"),
            null,
            List.of(
                "move stage-move:1:" + at("11:00") + ":revert to 7001/11",
                "note stage-move:1:"
                    + at("11:00")
                    + ":note возвращена на этап «Квалификация»:"
                    + " для этапа «Замер» не заполнены поля «Бюджет»"),
            "11:00"),
        arguments(
            "revert picks the previous stage of the last move, not the first stage",
            REVERT,
            deal(1)
                .status(Facts.UNSORTED)
                .moved(QUALIFICATION, "2025-06-03 10:30")
                .moved(MEASURING, "2025-06-03 11:00"),
            Instant.parse("2025-06-03T07:30:00Z"),
            List.of(
                "move stage-move:1:" + at("11:00") + ":revert to 7001/11",
                "note stage-move:1:"
                    + at("11:00")
                    + ":note возвращена на этап «Квалификация»:"
                    + " для этапа «Замер» не заполнены поля «Продукт», «Бюджет»"),
            "11:00"),
        arguments(
            "junk in a text field counts as missing",
            RULES,
            intoMeasuring()
                .field(PRODUCT, "Продукт", "select", "Окна")
                .field(BUDGET, "Бюджет", "text", "-"),
            null,
            List.of(
                "note stage-move:1:"
                    + at("11:00")
                    + ":note «Замер» без обязательных полей: «Бюджет»"),
            "11:00"),
        arguments(
            "the fields are filled: nothing but the move is remembered",
            REVERT,
            intoMeasuring()
                .field(PRODUCT, "Продукт", "select", "Окна")
                .field(BUDGET, "Бюджет", "text", "150 000 рублей"),
            null,
            List.of(),
            "11:00"),
        arguments(
            "this move was handled already",
            REVERT,
            intoMeasuring(),
            moscow("2025-06-03 11:00"),
            List.of(),
            "-"),
        arguments(
            "a move before the installation is history",
            REVERT,
            deal(1).created("2025-05-20 10:00").moved(MEASURING, "2025-05-30 11:00"),
            null,
            List.of(),
            "-"),
        arguments(
            "a move that undoes the one before (our revert) is only flagged, never bounced",
            REVERT,
            deal(1)
                .status(MEASURING)
                .moved(QUALIFICATION, "2025-06-03 10:30")
                .moved(MEASURING, "2025-06-03 11:00"),
            moscow("2025-06-03 10:30"),
            List.of(
                "note stage-move:1:"
                    + at("11:00")
                    + ":note «Замер» без обязательных полей:"
                    + " «Продукт», «Бюджет»"),
            "11:00"),
        arguments("no move recorded", REVERT, deal(1).status(MEASURING), null, List.of(), "-"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void judges_the_latest_move(
      String description,
      RulesConfig rules,
      Facts.Deal builder,
      Instant handledAt,
      List<String> expected,
      String handled) {
    DealFacts deal = builder.build();
    RuleContext context = Facts.context(rules, NOW);
    List<Finding> findings = Facts.findings(new RequiredFieldsIndicator(), deal, context);

    StageGate.Decision decision = StageGate.decide(deal, findings, context, INSTALLED, handledAt);

    List<String> actual = new ArrayList<>();
    for (Intent intent : decision.actions()) {
      actual.add(describe(intent));
    }
    assertThat(actual).hasSize(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      String[] parts = expected.get(i).split(" ", 3);
      assertThat(actual.get(i)).startsWith(parts[0] + " " + parts[1]).contains(parts[2]);
    }
    assertThat(decision.handled() == null ? "-" : local(decision.handled())).isEqualTo(handled);
  }

  private static String describe(Intent intent) {
    if (intent.action() instanceof Action.UpdateLead u) {
      return "move "
          + intent.key()
          + " to "
          + u.update().pipelineId()
          + "/"
          + u.update().statusId();
    }
    Action.AddNote note = (Action.AddNote) intent.action();
    return "note " + intent.key() + " " + note.note().params().get("text");
  }

  private static long at(String time) {
    return moscow("2025-06-03 " + time).toEpochMilli();
  }

  private static String local(Instant t) {
    return java.time.format.DateTimeFormatter.ofPattern("HH:mm").format(t.atZone(Facts.MOSCOW));
  }

  static {
    // The fixture's pipeline is the one the rules name.
    assertThat(PIPELINE).isEqualTo(7001L);
  }
}
