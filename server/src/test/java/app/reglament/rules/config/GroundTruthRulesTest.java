package app.reglament.rules.config;

import static org.assertj.core.api.Assertions.assertThat;

import app.reglament.rules.Indicator;
import app.reglament.rules.facts.AccountFacts;
import app.reglament.sandbox.scenario.Scenario;
import app.reglament.sandbox.scenario.ScenarioGenerator;
import app.reglament.sandbox.scenario.ScenarioSettings;
import app.reglament.web.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sandbox's ground truth is written in DESIGN.md's rules document; Reglament must read it. */
class GroundTruthRulesTest {
  private static final ObjectMapper MAPPER = Json.mapper();
  private static Scenario scenario;
  private static JsonNode document;

  @BeforeAll
  static void generate() {
    scenario = ScenarioGenerator.generate(ScenarioSettings.defaults(42));
    document = MAPPER.valueToTree(scenario.groundTruth().rules());
  }

  @Test
  void the_ground_truth_rules_read_as_the_sandbox_wrote_them() {
    RulesConfig config = RulesDocument.parse(document);

    assertThat(config.timezone()).isEqualTo(ZoneId.of("Europe/Moscow"));
    assertThat(config.holidays()).hasSize(document.get("holidays").size()).isNotEmpty();
    assertThat(config.holidays().get(0))
        .isEqualTo(LocalDate.parse(document.get("holidays").get(0).textValue()));
    assertThat(config.firstContact().slaMinutes()).isEqualTo(15);
    assertThat(config.firstContact().reassignAfterMinutes()).isNull();
    assertThat(config.naming().enabled()).isTrue();
    assertThat(config.score().weight(Indicator.WORKTIME)).isZero();
    assertThat(config.score().weight(Indicator.FIRST_CONTACT)).isEqualTo(1.0);
    assertThat(config.managers()).hasSize(8);

    JsonNode withFields = firstStageWithRequiredFields();
    RulesConfig.Stage stage =
        config
            .stage(withFields.get("pipelineId").longValue(), withFields.get("statusId").longValue())
            .orElseThrow();
    List<Long> required = new ArrayList<>();
    withFields.get("requiredFields").forEach(id -> required.add(id.longValue()));
    assertThat(stage.requiredFields()).isNotEmpty().isEqualTo(required);
    assertThat(stage.maxDays()).isEqualTo(withFields.get("maxDays").intValue());
  }

  @Test
  void the_ground_truth_rules_are_already_in_normalized_form() {
    RulesConfig config = RulesDocument.parse(document);

    assertThat(RulesDocument.parse(RulesDocument.render(config))).isEqualTo(config);
    assertThat(RulesDocument.toJson(config)).isEqualTo(document.toString());
  }

  @Test
  void the_ground_truth_rules_name_only_what_the_sandbox_account_has() {
    RulesConfig config = RulesDocument.parse(document);

    assertThat(RulesDocument.checkReferences(config, accountFacts(scenario))).isEmpty();
  }

  private static JsonNode firstStageWithRequiredFields() {
    for (JsonNode stage : document.get("stages")) {
      if (!stage.get("requiredFields").isEmpty()) {
        return stage;
      }
    }
    throw new AssertionError("the sandbox has no stage with required fields");
  }

  static AccountFacts accountFacts(Scenario scenario) {
    Map<Long, AccountFacts.UserFacts> users =
        scenario.users().stream()
            .collect(
                Collectors.toMap(
                    Scenario.User::id,
                    u -> new AccountFacts.UserFacts(u.id(), u.name(), u.admin(), u.active())));
    Map<Long, List<AccountFacts.StatusFacts>> pipelines =
        scenario.pipelines().stream()
            .collect(
                Collectors.toMap(
                    Scenario.Pipeline::id,
                    p ->
                        p.statuses().stream()
                            .map(
                                s ->
                                    new AccountFacts.StatusFacts(
                                        p.id(), s.id(), s.name(), s.sort(), s.type()))
                            .toList()));
    Map<Long, AccountFacts.FieldDefinition> fields =
        scenario.leadFields().stream()
            .map(f -> new AccountFacts.FieldDefinition(f.id(), f.name(), f.type()))
            .collect(Collectors.toMap(AccountFacts.FieldDefinition::fieldId, Function.identity()));
    return new AccountFacts(scenario.account().id(), users, pipelines, fields);
  }
}
