package app.reglament.rules.config;

import static app.reglament.rules.config.RulesDocumentTest.doc;
import static org.assertj.core.api.Assertions.assertThat;

import app.reglament.rules.facts.AccountFacts;
import app.reglament.rules.facts.AccountFacts.FieldDefinition;
import app.reglament.rules.facts.AccountFacts.StatusFacts;
import app.reglament.rules.facts.AccountFacts.UserFacts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReferenceCheckTest {
  private static final AccountFacts ACCOUNT =
      new AccountFacts(
          1L,
          Map.of(
              10L, new UserFacts(10L, "Head", true, true),
              11L, new UserFacts(11L, "Manager", false, true)),
          Map.of(
              100L,
              List.of(
                  new StatusFacts(100L, 1000L, "New", 10, 0),
                  new StatusFacts(100L, 142L, "Won", 20, 0))),
          Map.of(500L, new FieldDefinition(500L, "Город", "text")));

  @Test
  void references_the_account_has_pass() {
    RulesConfig config =
        RulesDocument.parse(
            doc(
                "{'heads': [10], 'managers': [11], 'firstContact': {'reassignPool': [11]},"
                    + " 'naming': {'enabled': true, 'template': '{field:Город} {field:500}',"
                    + "            'pipelines': [100]},"
                    + " 'stages': [{'pipelineId': 100, 'statusId': 1000, 'requiredFields': [500]}]}"));

    assertThat(RulesDocument.checkReferences(config, ACCOUNT)).isEmpty();
  }

  @Test
  void every_missing_user_pipeline_status_and_field_is_named_by_its_key() {
    RulesConfig config =
        RulesDocument.parse(
            doc(
                "{'heads': [10, 12], 'managers': [13], 'firstContact': {'reassignPool': [14]},"
                    + " 'naming': {'enabled': true, 'template': '{field:Продукт} / {contact}',"
                    + "            'pipelines': [100, 200]},"
                    + " 'stages': [{'pipelineId': 100, 'statusId': 1001, 'requiredFields': [501]},"
                    + "            {'pipelineId': 200, 'statusId': 2000}]}"));

    assertThat(RulesDocument.checkReferences(config, ACCOUNT))
        .containsExactly(
            new RulesProblem("heads[1]", "is not a user of this account"),
            new RulesProblem("managers[0]", "is not a user of this account"),
            new RulesProblem("firstContact.reassignPool[0]", "is not a user of this account"),
            new RulesProblem("naming.pipelines[1]", "is not a pipeline of this account"),
            new RulesProblem(
                "naming.template", "uses the field \"Продукт\", which this account lacks"),
            new RulesProblem("stages[0].statusId", "is not a status of pipeline 100"),
            new RulesProblem("stages[0].requiredFields[0]", "is not a deal field of this account"),
            new RulesProblem("stages[1].pipelineId", "is not a pipeline of this account"));
  }

  @Test
  void a_field_name_is_looked_up_trimmed_as_the_template_reads_it() {
    RulesConfig spaced =
        RulesDocument.parse(
            doc("{'naming': {'enabled': true, 'template': '{field: Город } / {field: Нет }'}}"));

    assertThat(RulesDocument.checkReferences(spaced, ACCOUNT))
        .containsExactly(
            new RulesProblem(
                "naming.template", "uses the field \"Нет\", which this account lacks"));
  }

  @Test
  void naming_references_are_not_checked_while_naming_is_off() {
    RulesConfig config =
        RulesDocument.parse(
            doc("{'naming': {'enabled': false, 'template': '{field:Нет}', 'pipelines': [999]}}"));

    assertThat(RulesDocument.checkReferences(config, ACCOUNT)).isEmpty();
  }
}
