package app.reglament.rules.indicators;

import static app.reglament.rules.indicators.LocalMoments.moment;

import app.reglament.rules.DealIndicator;
import app.reglament.rules.Explanation;
import app.reglament.rules.Finding;
import app.reglament.rules.Findings;
import app.reglament.rules.Indicator;
import app.reglament.rules.RuleContext;
import app.reglament.rules.Severity;
import app.reglament.rules.facts.AccountFacts;
import app.reglament.rules.facts.DealFacts;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * DESIGN.md's indicator 2 ({@code stuck_deal}): an active deal of a managed responsible must leave
 * its stage within the stage's {@code maxDays}, counted in calendar days since the last move into
 * it (its creation if none). Past the limit is a warning, past twice the limit critical.
 */
public final class StuckDealIndicator implements DealIndicator {

  @Override
  public Indicator indicator() {
    return Indicator.STUCK_DEAL;
  }

  @Override
  public void evaluate(DealFacts deal, RuleContext context, Findings out) {
    if (!deal.active() || !context.isManaged(deal.responsibleUserId())) {
      return;
    }
    Instant since = deal.inStageSince();
    if (since == null) {
      return;
    }
    int maxDays = context.rules().maxDays(deal.pipelineId(), deal.statusId());
    Instant limit = since.plus(Duration.ofDays(maxDays));
    Instant critical = since.plus(Duration.ofDays(2L * maxDays));
    Instant now = context.now();
    String subject = "lead:" + deal.leadId();
    if (now.isBefore(limit)) {
      out.add(
          Finding.compliant(
              Indicator.STUCK_DEAL,
              subject,
              deal.leadId(),
              null,
              deal.responsibleUserId(),
              context.today()));
      out.recheckAt(limit);
      return;
    }
    out.recheckAt(critical);
    String stage =
        context
            .account()
            .status(deal.pipelineId(), deal.statusId())
            .map(AccountFacts.StatusFacts::name)
            .orElse(Long.toString(deal.statusId()));
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("statusId", deal.statusId());
    details.put("stage", stage);
    details.put("inStageSince", since.toString());
    details.put("maxDays", maxDays);
    details.put("limitPassedAt", limit.toString());
    out.add(
        Finding.violated(
            Indicator.STUCK_DEAL,
            subject,
            deal.leadId(),
            null,
            deal.responsibleUserId(),
            context.today(),
            now.isBefore(critical) ? Severity.WARNING : Severity.CRITICAL,
            limit,
            "stuck",
            explain(stage, since, limit, maxDays, context.calendar().zone()),
            details));
  }

  /**
   * Says since when, not for how long: the text stays true as days pass, so an open violation is
   * not rewritten every day (the widget counts the days from {@code inStageSince}).
   */
  private static Explanation explain(
      String stage, Instant since, Instant limit, int maxDays, ZoneId zone) {
    return new Explanation(
        String.format(
            "Продвиньте сделку или закройте её: она на этапе «%s» с %s, а норма — %d дн.: срок"
                + " вышел %s. Договоритесь с клиентом о следующем шаге.",
            stage, moment(since, zone), maxDays, moment(limit, zone)),
        String.format(
            "Move the deal on or close it: it has been in «%s» since %s, and the limit of %d"
                + " days ran out on %s. Agree the next step with the client.",
            stage, moment(since, zone), maxDays, moment(limit, zone)));
  }
}
