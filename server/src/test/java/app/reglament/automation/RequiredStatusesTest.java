package app.reglament.automation;

import static app.reglament.automation.Facts.BUDGET;
import static app.reglament.automation.Facts.CITY;
import static app.reglament.automation.Facts.MEASURING;
import static app.reglament.automation.Facts.PIPELINE;
import static app.reglament.automation.Facts.PRODUCT;
import static app.reglament.automation.Facts.QUALIFICATION;
import static app.reglament.automation.Facts.RULES;
import static org.assertj.core.api.Assertions.assertThat;

import app.reglament.outbox.Action;
import app.reglament.rules.config.RulesConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequiredStatusesTest {
  private static final RulesConfig TWO_STAGES =
      Facts.withStages(
          RULES,
          List.of(
              new RulesConfig.Stage(PIPELINE, QUALIFICATION, List.of(PRODUCT), 5),
              new RulesConfig.Stage(PIPELINE, MEASURING, List.of(PRODUCT, BUDGET), null)));

  private static String describe(Intent intent) {
    Action.SetRequiredStatuses set = (Action.SetRequiredStatuses) intent.action();
    return intent.key()
        + " "
        + set.statuses().stream().map(s -> s.pipelineId() + "/" + s.statusId()).toList();
  }

  @Test
  void one_action_per_field_with_every_stage_that_requires_it() {
    assertThat(RequiredStatuses.plan(TWO_STAGES, 4, null))
        .extracting(RequiredStatusesTest::describe)
        .containsExactly(
            "required-statuses:501:v4 [7001/11, 7001/12]", "required-statuses:503:v4 [7001/12]");
  }

  @Test
  void a_field_no_longer_required_is_cleared() {
    RulesConfig previous =
        Facts.withStages(
            RULES, List.of(new RulesConfig.Stage(PIPELINE, MEASURING, List.of(CITY), null)));

    assertThat(RequiredStatuses.plan(TWO_STAGES, 5, previous))
        .extracting(RequiredStatusesTest::describe)
        .containsExactly(
            "required-statuses:501:v5 [7001/11, 7001/12]",
            "required-statuses:502:v5 []",
            "required-statuses:503:v5 [7001/12]");
  }

  @Test
  void sync_switched_off_clears_what_the_previous_version_set_and_sets_nothing() {
    RulesConfig off = Facts.with(TWO_STAGES, new RulesConfig.RequiredFields("flag", false));

    assertThat(RequiredStatuses.plan(off, 6, null)).isEmpty();
    assertThat(RequiredStatuses.plan(off, 6, TWO_STAGES))
        .extracting(RequiredStatusesTest::describe)
        .containsExactly("required-statuses:501:v6 []", "required-statuses:503:v6 []");
  }
}
