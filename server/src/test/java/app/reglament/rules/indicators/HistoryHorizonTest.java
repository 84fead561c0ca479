package app.reglament.rules.indicators;

import static app.reglament.rules.indicators.FactsFixture.MANAGER;
import static app.reglament.rules.indicators.FactsFixture.QUALIFICATION;
import static app.reglament.rules.indicators.FactsFixture.at;
import static app.reglament.rules.indicators.FactsFixture.context;
import static app.reglament.rules.indicators.FactsFixture.deal;
import static app.reglament.rules.indicators.FactsFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

import app.reglament.rules.DealIndicator;
import app.reglament.rules.Finding;
import app.reglament.rules.RuleContext;
import app.reglament.rules.facts.DealFacts;
import app.reglament.rules.facts.TaskFacts;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Events before the start of the history Reglament mirrored are not judged: the calls, messages and
 * stage moves around them are missing, so a verdict on them would be a guess.
 */
class HistoryHorizonTest {
  private static final String NOW = "2024-06-10T12:00";
  // The fixture's deal arrives 2024-06-03 09:00; the mirrored history starts two days later.
  private static final String HISTORY_FROM = "2024-06-05T00:00";

  private static RuleContext withHistory() {
    RuleContext c = context(NOW);
    return new RuleContext(c.rules(), c.account(), c.now(), at(HISTORY_FROM));
  }

  private static List<String> judged(DealIndicator indicator, DealFacts deal, RuleContext c) {
    return run(indicator, deal, c).list().stream().map(Finding::subjectKey).toList();
  }

  @Test
  void a_lead_that_arrived_before_the_history_gets_no_first_contact_verdict() {
    DealFacts silent = deal(1).build();

    assertThat(judged(new FirstContactIndicator(), silent, context(NOW))).containsExactly("lead:1");
    assertThat(judged(new FirstContactIndicator(), silent, withHistory())).isEmpty();
  }

  @Test
  void only_the_messages_within_the_history_are_judged() {
    DealFacts deal =
        deal(1).incoming("chat", "2024-06-04T10:00").incoming("chat", "2024-06-06T10:00").build();

    assertThat(judged(new CommunicationIndicator(), deal, context(NOW))).hasSize(2);
    assertThat(judged(new CommunicationIndicator(), deal, withHistory()))
        .singleElement()
        .satisfies(key -> assertThat(key).startsWith("comm:1:"));
    assertThat(run(new CommunicationIndicator(), deal, withHistory()).list().get(0).beganAt())
        .isAfter(at(HISTORY_FROM));
  }

  @Test
  void a_loss_before_the_history_is_not_reviewed() {
    DealFacts lost =
        deal(1)
            .status(DealFacts.LOST)
            .moved(QUALIFICATION, DealFacts.LOST, "2024-06-04T10:00")
            .build();
    DealFacts lostLater =
        deal(2)
            .status(DealFacts.LOST)
            .moved(QUALIFICATION, DealFacts.LOST, "2024-06-06T10:00")
            .build();

    assertThat(judged(new LostDealIndicator(), lost, context(NOW))).isNotEmpty();
    assertThat(judged(new LostDealIndicator(), lost, withHistory())).isEmpty();
    assertThat(judged(new LostDealIndicator(), lostLater, withHistory())).isNotEmpty();
  }

  @Test
  void a_task_completed_before_the_history_is_not_judged() {
    DealFacts base = deal(1).build();
    DealFacts deal =
        new DealFacts(
            base.leadId(),
            base.name(),
            base.responsibleUserId(),
            base.pipelineId(),
            base.statusId(),
            base.lossReasonId(),
            base.createdAt(),
            base.updatedAt(),
            base.closedAt(),
            base.deleted(),
            base.fields(),
            base.contactName(),
            base.companyName(),
            base.stages(),
            List.of(completed(500, "2024-06-04T10:00"), completed(501, "2024-06-06T10:00")),
            base.touches(),
            base.notes());

    assertThat(judged(new TaskResultIndicator(), deal, context(NOW)))
        .containsExactly("task:500", "task:501");
    assertThat(judged(new TaskResultIndicator(), deal, withHistory())).containsExactly("task:501");
  }

  private static TaskFacts completed(long taskId, String local) {
    return new TaskFacts(
        taskId, MANAGER, 1L, "Позвонить", at(local), true, "+", at(local), at(local), null);
  }
}
