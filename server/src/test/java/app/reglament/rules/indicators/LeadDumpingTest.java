package app.reglament.rules.indicators;

import static app.reglament.rules.indicators.FactsFixture.HEAD;
import static app.reglament.rules.indicators.FactsFixture.context;
import static app.reglament.rules.indicators.FactsFixture.withManagers;
import static org.assertj.core.api.Assertions.assertThat;

import app.reglament.rules.Finding;
import app.reglament.rules.Findings;
import app.reglament.rules.Indicator;
import app.reglament.rules.RuleContext;
import app.reglament.rules.Severity;
import app.reglament.rules.facts.ClosedDeal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LeadDumpingTest {
  private static final long A = 21;
  private static final long B = 22;
  private static final long C = 23;
  private static final long D = 24;
  private static final String NOW = "2024-06-10T12:00";
  private static final java.time.Instant LOST_AT = java.time.Instant.parse("2024-06-05T09:00:00Z");
  private static final RuleContext TEAM = context(withManagers(List.of(A, B, C, D)), NOW);

  /** A manager's closed deals: won, lost, lost at a middle stage (of the lost), no reason, few. */
  private static List<ClosedDeal> closed(
      long manager, int won, int lost, int middle, int withoutReason, int fewAttempts) {
    List<ClosedDeal> deals = new ArrayList<>();
    for (int i = 0; i < won; i++) {
      deals.add(new ClosedDeal(manager * 1000 + i, manager, false, null, false, false, 5, LOST_AT));
    }
    for (int i = 0; i < lost; i++) {
      deals.add(
          new ClosedDeal(
              manager * 1000 + won + i,
              manager,
              true,
              5002L,
              i < middle,
              i < withoutReason,
              i < fewAttempts ? 1 : 3,
              LOST_AT.plusSeconds(i)));
    }
    return deals;
  }

  @SafeVarargs
  private static List<ClosedDeal> all(List<ClosedDeal>... parts) {
    return Stream.of(parts).flatMap(List::stream).toList();
  }

  private static Map<Long, String> verdicts(List<ClosedDeal> deals, RuleContext context) {
    Findings out = new Findings(context.now());
    LeadDumping.evaluate(deals, context, out);
    return out.list().stream()
        .collect(
            Collectors.toMap(
                Finding::userId, f -> f.violated() ? f.reason() : "compliant", (x, y) -> x + y));
  }

  static Stream<Arguments> teams() {
    return Stream.of(
        Arguments.of(
            "lost 70 % against 30 %, 71 % of them at middle stages against 33 %: flagged",
            all(
                closed(A, 6, 14, 10, 0, 0),
                closed(B, 14, 6, 2, 0, 0),
                closed(C, 14, 6, 2, 0, 0),
                closed(D, 14, 6, 2, 0, 0)),
            "lead_dumping"),
        Arguments.of(
            "loss rate out of line but losses at the usual stages: not flagged",
            all(
                closed(A, 6, 14, 6, 0, 0),
                closed(B, 14, 6, 2, 0, 0),
                closed(C, 14, 6, 2, 0, 0),
                closed(D, 14, 6, 2, 0, 0)),
            "compliant"),
        Arguments.of(
            "twice the team's rate but only 10 points above: not flagged",
            all(
                closed(A, 16, 4, 4, 0, 0),
                closed(B, 18, 2, 0, 0, 0),
                closed(C, 18, 2, 0, 0, 0),
                closed(D, 18, 2, 0, 0, 0)),
            "compliant"),
        Arguments.of(
            "20 points above the team but under 1.5 times: not flagged",
            all(
                closed(A, 7, 13, 13, 0, 0),
                closed(B, 11, 9, 0, 0, 0),
                closed(C, 11, 9, 0, 0, 0),
                closed(D, 11, 9, 0, 0, 0)),
            "compliant"),
        Arguments.of(
            "exactly 1.5 times, 15 points and twice the middle share: flagged (limits included)",
            all(closed(A, 11, 9, 4, 0, 0), closed(B, 14, 6, 1, 0, 0)),
            "lead_dumping"),
        Arguments.of(
            "losses without reason or attempts do not flag by themselves",
            all(closed(A, 14, 6, 2, 6, 6), closed(B, 14, 6, 2, 0, 0), closed(C, 14, 6, 2, 0, 0)),
            "compliant"),
        Arguments.of(
            "nobody else closed anything: nothing to compare with",
            all(closed(A, 1, 9, 9, 0, 0)),
            "compliant"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("teams")
  void flags_a_manager_clearly_out_of_line_with_the_rest_of_the_team(
      String name, List<ClosedDeal> deals, String verdictOfA) {
    assertThat(verdicts(deals, TEAM)).containsEntry(A, verdictOfA);
  }

  @Test
  void the_others_of_a_flagged_team_are_compliant_and_managers_without_closed_deals_absent() {
    List<ClosedDeal> deals =
        all(closed(A, 6, 14, 10, 0, 0), closed(B, 14, 6, 2, 0, 0), closed(C, 14, 6, 2, 0, 0));

    assertThat(verdicts(deals, TEAM))
        .isEqualTo(Map.of(A, "lead_dumping", B, "compliant", C, "compliant"));
  }

  @Test
  void deals_of_users_who_are_not_managed_count_for_nobody() {
    List<ClosedDeal> deals =
        all(
            closed(A, 6, 14, 10, 0, 0),
            closed(B, 14, 6, 2, 0, 0),
            // Were the head's deals the team's, A would be compared with 90 % and not stand out.
            closed(HEAD, 2, 98, 98, 0, 0));

    assertThat(verdicts(deals, TEAM)).isEqualTo(Map.of(A, "lead_dumping", B, "compliant"));
  }

  @Test
  void the_finding_carries_the_numbers_that_make_the_outlier() {
    List<ClosedDeal> deals =
        all(closed(A, 6, 14, 10, 5, 4), closed(B, 14, 6, 2, 1, 0), closed(C, 14, 6, 2, 0, 1));
    Findings out = new Findings(TEAM.now());

    LeadDumping.evaluate(deals, TEAM, out);

    Finding finding = out.list().stream().filter(f -> f.userId() == A).findFirst().orElseThrow();
    assertThat(finding.indicator()).isEqualTo(Indicator.LOST_DEAL);
    assertThat(finding.subjectKey()).isEqualTo("dumping:" + A);
    assertThat(finding.leadId()).isNull();
    assertThat(finding.taskId()).isNull();
    assertThat(finding.day()).isEqualTo(LocalDate.parse("2024-06-10"));
    assertThat(finding.severity()).isEqualTo(Severity.WARNING);
    // The manager's latest loss: stable while the figures stand, so the violation is not reopened.
    assertThat(finding.beganAt()).isEqualTo(LOST_AT.plusSeconds(13));
    assertThat(finding.explanation().russian())
        .contains(
            "70 % проигранных (14 из 20 закрытых) против 30 % у команды",
            "71 % потерь на средних этапах против 33 %",
            "без причины отказа 5 против 1",
            "попыток связи 4 против 1");
    assertThat(finding.explanation().english())
        .contains("70 % of closed deals lost (14 of 20) against 30 %");
    assertThat(finding.details())
        .containsEntry("lost", 14)
        .containsEntry("closed", 20)
        .containsEntry("teamLost", 12)
        .containsEntry("teamClosed", 40)
        .containsEntry("lostWithoutReason", 5)
        .containsEntry("teamLostWithoutReason", 1)
        .containsEntry("lostFewAttempts", 4)
        .containsEntry("teamLostFewAttempts", 1)
        .containsEntry("middleSharePercent", 71)
        .containsEntry("teamMiddleSharePercent", 33);
  }
}
