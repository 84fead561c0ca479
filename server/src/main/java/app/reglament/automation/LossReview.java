package app.reglament.automation;

import app.reglament.amo.api.model.LeadUpdate;
import app.reglament.amo.api.model.NewTask;
import app.reglament.outbox.Action;
import app.reglament.rules.RuleContext;
import app.reglament.rules.config.RulesConfig;
import app.reglament.rules.facts.DealFacts;
import app.reglament.rules.facts.StageChange;
import app.reglament.rules.facts.Touch;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Lost deals (DESIGN.md): a deal lost since the installation gets "Проверить сделку" for the first
 * head, with the review checklist and the deal's own figures; the head confirms the loss or returns
 * the deal to work ({@link #returnToWork}). One task per loss: the key is the moment of the move
 * into "lost", so the task waits until that move is in the deal's stage history.
 */
public final class LossReview {
  /** The review task is due eight working hours after the loss is seen. */
  static final Duration REVIEW_WITHIN = Duration.ofHours(8);

  /** The manager has this much working time to pick a returned deal up again. */
  static final Duration RETURN_WITHIN = Duration.ofHours(2);

  private LossReview() {}

  /** The review task, when one is due. */
  public static Optional<Intent> decide(DealFacts deal, RuleContext context, Instant installedAt) {
    RulesConfig rules = context.rules();
    if (!deal.lost() || !rules.lostDeals().reviewTask() || rules.heads().isEmpty()) {
      return Optional.empty();
    }
    // The loss's moment must not change once the task is queued (it is the key, and the verdict's):
    // until the move into "lost" reaches the stage history, closed_at or updated_at would stand in
    // for it and a second task follow. Wait for the move, as the stage gate does.
    List<StageChange> stages = deal.stages();
    StageChange move = stages.isEmpty() ? null : stages.get(stages.size() - 1);
    if (move == null
        || move.statusId() != DealFacts.LOST
        || move.pipelineId() != deal.pipelineId()) {
      return Optional.empty();
    }
    Instant lostAt = move.at();
    if (lostAt.isBefore(installedAt)) {
      return Optional.empty();
    }
    long calls = callAttempts(deal, lostAt);
    String manager =
        context
            .account()
            .userName(deal.responsibleUserId())
            .orElse(deal.responsibleUserId() == null ? "—" : "#" + deal.responsibleUserId());
    String text =
        rules.lostDeals().reviewTaskText()
            + " «"
            + (deal.name() == null ? "" : deal.name())
            + "» (менеджер "
            + manager
            + "):\n"
            + "1. Сделал ли менеджер всё, чтобы продать?\n"
            + "2. Отработал ли возражения?\n"
            + "3. Правильно ли проконсультировал клиента?\n"
            + "4. Попыток дозвона до проигрыша: "
            + calls
            + ". Достаточно ли?\n"
            + "5. Можно ли вернуть клиента?\n"
            + "Подтвердите проигрыш или верните сделку в работу в виджете Регламента.";
    NewTask task =
        NewTask.forLead(
                deal.leadId(), text, context.calendar().plusWorking(context.now(), REVIEW_WITHIN))
            .withResponsibleUser(rules.heads().get(0));
    return Optional.of(
        Intent.of(
            "review:" + deal.leadId() + ":" + lostAt.toEpochMilli(),
            new Action.CreateTask(task),
            deal.leadId(),
            Automation.LOST_DEAL,
            "сделка проиграна: задача руководителю проверить её (" + calls + " попыток дозвона)"));
  }

  /** Outgoing calls before the loss, reached or not. */
  static long callAttempts(DealFacts deal, Instant lostAt) {
    return deal.touches().stream()
        .filter(Touch::outgoing)
        .filter(Touch::isCall)
        .filter(t -> t.at().isBefore(lostAt))
        .count();
  }

  /** The stage the deal was lost from: the origin of its last move into the lost stage. */
  public static Optional<StageChange> lossMove(DealFacts deal) {
    List<StageChange> stages = deal.stages();
    for (int i = stages.size() - 1; i >= 0; i--) {
      if (stages.get(i).statusId() == DealFacts.LOST) {
        return Optional.of(stages.get(i)).filter(s -> s.oldStatusId() != null);
      }
    }
    return Optional.empty();
  }

  /**
   * A head's "return": the deal goes back to the stage it was lost from, and its manager gets a
   * task to take it up again with the head's comment.
   */
  public static List<Intent> returnToWork(
      DealFacts deal, StageChange lossMove, RuleContext context, String headName, String comment) {
    long leadId = deal.leadId();
    long pipeline = lossMove.oldPipelineId() != null ? lossMove.oldPipelineId() : deal.pipelineId();
    long status = lossMove.oldStatusId();
    String key = "review-return:" + leadId + ":" + lossMove.at().toEpochMilli() + ":";
    String stage = StageGate.stageName(context.account(), pipeline, status);
    String text =
        "Сделка возвращена в работу руководителем "
            + headName
            + (comment == null || comment.isBlank() ? "" : ": " + comment.strip());
    NewTask task =
        NewTask.forLead(leadId, text, context.calendar().plusWorking(context.now(), RETURN_WITHIN));
    if (deal.responsibleUserId() != null) {
      task = task.withResponsibleUser(deal.responsibleUserId());
    }
    return List.of(
        Intent.of(
            key + "lead",
            new Action.UpdateLead(LeadUpdate.of(leadId).withStatus(pipeline, status)),
            leadId,
            Automation.LOST_DEAL,
            "руководитель вернул сделку в работу на этап «" + stage + "»"),
        Intent.of(
            key + "task",
            new Action.CreateTask(task),
            leadId,
            Automation.LOST_DEAL,
            "задача менеджеру: сделка возвращена в работу"));
  }
}
