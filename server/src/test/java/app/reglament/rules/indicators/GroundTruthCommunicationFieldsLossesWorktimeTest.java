package app.reglament.rules.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import app.reglament.rules.Finding;
import app.reglament.rules.Findings;
import app.reglament.rules.GroundTruthHarness;
import app.reglament.rules.Indicator;
import app.reglament.rules.facts.ClosedDeal;
import app.reglament.rules.facts.DealFacts;
import app.reglament.rules.facts.ManagerActivity;
import app.reglament.sandbox.scenario.Scenario;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sandbox's generated account: communication, required_fields, lost_deal (with lead dumping)
 * and worktime find exactly the planted violations.
 */
class GroundTruthCommunicationFieldsLossesWorktimeTest {
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {GroundTruthHarness.DEFAULT_SEED, 7})
  void communication_finds_exactly_the_planted_unanswered_and_late_messages(long seed) {
    GroundTruthHarness truth = GroundTruthHarness.forSeed(seed);
    List<Finding> findings = truth.evaluate(new CommunicationIndicator());
    GroundTruthHarness.Comparison c = truth.compare(Indicator.COMMUNICATION, findings);

    assertThat(c.plantedCount()).isPositive();
    assertThat(c.exact()).as(c.report()).isTrue();
    assertReasonsAreThePlantedCodes(truth, c.indicator(), findings);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {GroundTruthHarness.DEFAULT_SEED, 7})
  void required_fields_finds_exactly_the_planted_empty_and_junk_fields(long seed) {
    GroundTruthHarness truth = GroundTruthHarness.forSeed(seed);
    List<Finding> findings = truth.evaluate(new RequiredFieldsIndicator());
    GroundTruthHarness.Comparison c = truth.compare(Indicator.REQUIRED_FIELDS, findings);

    assertThat(c.plantedCount()).isPositive();
    assertThat(c.exact()).as(c.report()).isTrue();
    assertReasonsAreThePlantedCodes(truth, c.indicator(), findings);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {GroundTruthHarness.DEFAULT_SEED, 7})
  void lost_deal_finds_exactly_the_planted_losses_and_the_dumper(long seed) {
    GroundTruthHarness truth = GroundTruthHarness.forSeed(seed);
    Findings out = new Findings(truth.now());
    List<ClosedDeal> closed = new ArrayList<>();
    LostDealIndicator indicator = new LostDealIndicator();
    for (DealFacts deal : truth.deals()) {
      indicator.evaluate(deal, truth.context(), out);
      LostDealIndicator.closedDeal(deal, truth.context()).ifPresent(closed::add);
    }
    LeadDumping.evaluate(closed, truth.context(), out);

    List<Finding> findings = out.list();
    GroundTruthHarness.Comparison c = truth.compare(Indicator.LOST_DEAL, findings);

    assertThat(c.plantedCount()).isPositive();
    assertThat(c.exact()).as(c.report()).isTrue();
    assertReasonsAreThePlantedCodes(truth, c.indicator(), findings);
    // The dumper's figures are the sandbox's: "lost 27 of 52 closed deals (52%) vs 23% ...".
    Finding dumping =
        findings.stream()
            .filter(f -> f.subjectKey().startsWith("dumping:") && f.violated())
            .findFirst()
            .orElseThrow();
    String planted =
        truth.plantedItems(Indicator.LOST_DEAL).stream()
            .filter(p -> p.leadId() == null)
            .findFirst()
            .orElseThrow()
            .description();
    assertThat(planted)
        .contains(
            "lost " + dumping.details().get("lost") + " of " + dumping.details().get("closed"),
            "("
                + dumping.details().get("lossRatePercent")
                + "%) vs "
                + dumping.details().get("teamLossRatePercent")
                + "%",
            "losses without a reason "
                + dumping.details().get("lostWithoutReason")
                + " vs "
                + dumping.details().get("teamLostWithoutReason"));
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {GroundTruthHarness.DEFAULT_SEED, 7})
  void worktime_finds_exactly_the_planted_short_days(long seed) {
    GroundTruthHarness truth = GroundTruthHarness.forSeed(seed);
    Findings out = new Findings(truth.now());
    WorktimeIndicator indicator = new WorktimeIndicator();
    for (ManagerActivity activity : truth.activity().values()) {
      indicator.evaluate(activity, truth.context(), out);
    }

    List<Finding> findings = out.list();
    GroundTruthHarness.Comparison c = truth.compare(Indicator.WORKTIME, findings);

    assertThat(c.plantedCount()).isPositive();
    assertThat(c.exact()).as(c.report()).isTrue();
    assertReasonsAreThePlantedCodes(truth, c.indicator(), findings);
  }

  /**
   * Each violation's reason is the code its planted item's description starts with ("no_comment:
   * lost from ...").
   */
  private static void assertReasonsAreThePlantedCodes(
      GroundTruthHarness truth, Indicator indicator, List<Finding> findings) {
    Map<GroundTruthHarness.Key, String> codes = new HashMap<>();
    for (Scenario.Planted p : truth.plantedItems(indicator)) {
      codes.put(
          GroundTruthHarness.Key.of(p), p.description().substring(0, p.description().indexOf(':')));
    }
    for (Finding f : findings) {
      if (f.indicator() == indicator && f.violated()) {
        GroundTruthHarness.Key dated = GroundTruthHarness.Key.of(f);
        GroundTruthHarness.Key undated =
            new GroundTruthHarness.Key(
                dated.indicator(), dated.leadId(), dated.taskId(), dated.userId(), null);
        assertThat(f.reason())
            .as(f.subjectKey())
            .isEqualTo(codes.getOrDefault(dated, codes.get(undated)));
      }
    }
  }
}
