package app.reglament.rules.indicators;

import app.reglament.rules.DealIndicator;
import app.reglament.rules.Explanation;
import app.reglament.rules.Finding;
import app.reglament.rules.Findings;
import app.reglament.rules.Indicator;
import app.reglament.rules.NamingTemplate;
import app.reglament.rules.RuleContext;
import app.reglament.rules.Severity;
import app.reglament.rules.config.RulesConfig;
import app.reglament.rules.facts.DealFacts;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * DESIGN.md's indicator 8 ({@code naming}): when naming is enabled for the deal's pipeline, an
 * active deal of a managed responsible must be named exactly as the template renders it. A deal
 * whose rendering is empty (every part of the template empty) is no item: there is no name to ask
 * for.
 */
public final class NamingIndicator implements DealIndicator {

  @Override
  public Indicator indicator() {
    return Indicator.NAMING;
  }

  @Override
  public void evaluate(DealFacts deal, RuleContext context, Findings out) {
    RulesConfig.Naming naming = context.rules().naming();
    if (!deal.active()
        || !context.isManaged(deal.responsibleUserId())
        || naming == null
        || !naming.covers(deal.pipelineId())) {
      return;
    }
    String expected =
        NamingTemplate.parse(naming.template())
            .render(deal, context.account(), context.calendar().zone());
    if (expected.isEmpty()) {
      return;
    }
    String subject = "lead:" + deal.leadId();
    String actual = deal.name() == null ? "" : deal.name();
    if (expected.equals(actual)) {
      out.add(
          Finding.compliant(
              Indicator.NAMING,
              subject,
              deal.leadId(),
              null,
              deal.responsibleUserId(),
              context.today()));
      return;
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("expected", expected);
    details.put("actual", actual);
    details.put("template", naming.template());
    out.add(
        Finding.violated(
            Indicator.NAMING,
            subject,
            deal.leadId(),
            null,
            deal.responsibleUserId(),
            context.today(),
            Severity.WARNING,
            began(deal, context),
            "wrong_name",
            new Explanation(
                String.format(
                    "Переименуйте сделку в «%s» по шаблону «%s»: сейчас она называется «%s».",
                    expected, naming.template(), actual),
                String.format(
                    "Rename the deal to «%s» by the template «%s»: it is called «%s» now.",
                    expected, naming.template(), actual)),
            details));
  }

  /**
   * The deal's last update: the name or a field the template uses changed then at the latest, so it
   * is the best stable moment the facts give.
   */
  private static Instant began(DealFacts deal, RuleContext context) {
    Instant at = deal.updatedAt() != null ? deal.updatedAt() : deal.createdAt();
    return at == null || at.isAfter(context.now()) ? context.now() : at;
  }
}
