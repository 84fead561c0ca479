package app.reglament.rules.indicators;

import app.reglament.rules.DealIndicator;
import app.reglament.rules.Explanation;
import app.reglament.rules.Finding;
import app.reglament.rules.Findings;
import app.reglament.rules.Indicator;
import app.reglament.rules.RuleContext;
import app.reglament.rules.Severity;
import app.reglament.rules.config.RulesConfig;
import app.reglament.rules.facts.AccountFacts;
import app.reglament.rules.facts.ClosedDeal;
import app.reglament.rules.facts.DealFacts;
import app.reglament.rules.facts.NoteFacts;
import app.reglament.rules.facts.StageChange;
import app.reglament.rules.facts.Touch;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * DESIGN.md's indicator 9 ({@code lost_deal}) for one deal: a lost deal needs a loss reason (when
 * the regulations require one), a closing comment, and at least {@code minContactAttempts} outgoing
 * contacts before the loss. One finding per lost deal; its reason is the first check that fails,
 * its details list them all. The lead-dumping signal across deals is {@link LeadDumping}.
 */
public final class LostDealIndicator implements DealIndicator {
  /** A comment written this long before the loss is still the closing one. */
  static final Duration COMMENT_BEFORE_LOSS = Duration.ofHours(1);

  /** amoCRM's robots and integrations write as user 0; a closing comment is a person's. */
  private static final long ROBOT = 0L;

  @Override
  public Indicator indicator() {
    return Indicator.LOST_DEAL;
  }

  @Override
  public void evaluate(DealFacts deal, RuleContext context, Findings out) {
    if (!deal.lost() || !context.isManaged(deal.responsibleUserId())) {
      return;
    }
    Instant loss = lossMoment(deal);
    if (loss != null && !context.judges(loss)) {
      return;
    }
    RulesConfig.LostDeals rules = context.rules().lostDeals();
    int attempts = contactAttempts(deal, loss);
    List<String> failing = new ArrayList<>();
    if (rules.requireReason() && deal.lossReasonId() == null) {
      failing.add("no_reason");
    }
    if (!hasClosingComment(deal, loss)) {
      failing.add("no_comment");
    }
    if (attempts < rules.minContactAttempts()) {
      failing.add("few_attempts");
    }
    String subject = "lead:" + deal.leadId();
    if (failing.isEmpty()) {
      out.add(
          Finding.compliant(
              Indicator.LOST_DEAL,
              subject,
              deal.leadId(),
              null,
              deal.responsibleUserId(),
              context.day(loss)));
      return;
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("failing", List.copyOf(failing));
    details.put("lostAt", loss.toString());
    details.put("contactAttempts", attempts);
    details.put("minContactAttempts", rules.minContactAttempts());
    out.add(
        Finding.violated(
            Indicator.LOST_DEAL,
            subject,
            deal.leadId(),
            null,
            deal.responsibleUserId(),
            context.day(loss),
            Severity.WARNING,
            loss,
            failing.get(0),
            explain(failing, attempts, rules.minContactAttempts()),
            details));
  }

  /**
   * The deal as the lead-dumping signal counts it, or empty when it is neither won nor lost (or is
   * deleted).
   */
  public static Optional<ClosedDeal> closedDeal(DealFacts deal, RuleContext context) {
    if (deal.deleted() || (deal.statusId() != DealFacts.WON && deal.statusId() != DealFacts.LOST)) {
      return Optional.empty();
    }
    boolean lost = deal.statusId() == DealFacts.LOST;
    Instant closed = lost ? lossMoment(deal) : closingMoment(deal, DealFacts.WON);
    Long from = null;
    boolean middle = false;
    if (lost) {
      Optional<StageChange> move = lastMoveInto(deal, DealFacts.LOST);
      from = move.map(StageChange::oldStatusId).orElse(null);
      if (from != null) {
        long pipeline =
            move.get().oldPipelineId() != null ? move.get().oldPipelineId() : deal.pipelineId();
        middle = isMiddle(context.account(), pipeline, from);
      }
    }
    return Optional.of(
        new ClosedDeal(
            deal.leadId(),
            deal.responsibleUserId(),
            lost,
            from,
            middle,
            lost && deal.lossReasonId() == null,
            contactAttempts(deal, closed),
            closed));
  }

  /** When the deal was lost: its last move into the lost stage, else its closing time. */
  public static Instant lossMoment(DealFacts deal) {
    return closingMoment(deal, DealFacts.LOST);
  }

  private static Instant closingMoment(DealFacts deal, long status) {
    return lastMoveInto(deal, status)
        .map(StageChange::at)
        .or(() -> Optional.ofNullable(deal.closedAt()))
        .orElse(deal.updatedAt());
  }

  private static Optional<StageChange> lastMoveInto(DealFacts deal, long status) {
    List<StageChange> stages = deal.stages();
    for (int i = stages.size() - 1; i >= 0; i--) {
      if (stages.get(i).statusId() == status) {
        return Optional.of(stages.get(i));
      }
    }
    return Optional.empty();
  }

  /** Outgoing contacts (calls reached or not, messages, mails, SMS) before the moment. */
  static int contactAttempts(DealFacts deal, Instant before) {
    return (int)
        deal.touches().stream()
            .filter(Touch::outgoing)
            .filter(t -> t.at().isBefore(before))
            .count();
  }

  /** A person's common note on the deal, written from an hour before the loss on. */
  private static boolean hasClosingComment(DealFacts deal, Instant loss) {
    Instant from = loss.minus(COMMENT_BEFORE_LOSS);
    for (NoteFacts note : deal.notes()) {
      if (note.isComment()
          && note.createdBy() != null
          && note.createdBy() != ROBOT
          && !note.at().isBefore(from)) {
        return true;
      }
    }
    return false;
  }

  /** A regular stage that is neither the pipeline's first nor its last regular stage. */
  private static boolean isMiddle(AccountFacts account, long pipelineId, long statusId) {
    List<AccountFacts.StatusFacts> regular = account.regularStages(pipelineId);
    for (int i = 0; i < regular.size(); i++) {
      if (regular.get(i).statusId() == statusId) {
        return i > 0 && i < regular.size() - 1;
      }
    }
    return false;
  }

  private static Explanation explain(List<String> failing, int attempts, int required) {
    List<String> ru = new ArrayList<>();
    List<String> en = new ArrayList<>();
    for (String check : failing) {
      switch (check) {
        case "no_reason" -> {
          ru.add("не указана причина отказа — укажите её в сделке");
          en.add("no loss reason is set — choose one on the deal");
        }
        case "no_comment" -> {
          ru.add("нет закрывающего комментария — напишите, почему клиент отказался");
          en.add("no closing comment — write why the client said no");
        }
        default -> {
          ru.add(
              "до отказа было "
                  + attempts
                  + " исходящих контактов из "
                  + required
                  + " обязательных — свяжитесь с клиентом ещё раз");
          en.add(
              attempts
                  + " outgoing contacts before the loss, "
                  + required
                  + " required — contact the client again");
        }
      }
    }
    return new Explanation(
        "Сделка закрыта как проигранная: " + String.join("; ", ru) + ".",
        "The deal was closed as lost: " + String.join("; ", en) + ".");
  }
}
