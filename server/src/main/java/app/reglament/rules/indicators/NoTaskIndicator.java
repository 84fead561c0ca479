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
import app.reglament.rules.facts.TaskFacts;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * DESIGN.md's indicator 4 ({@code no_task}): an active deal of a managed responsible, outside the
 * incoming "unsorted" stage, must have an open task (anyone's). The violation began, as best the
 * facts tell, at the latest of: the last task's completion, the move into the current stage, the
 * deal's creation.
 */
public final class NoTaskIndicator implements DealIndicator {

  @Override
  public Indicator indicator() {
    return Indicator.NO_TASK;
  }

  @Override
  public void evaluate(DealFacts deal, RuleContext context, Findings out) {
    if (!deal.active() || !context.isManaged(deal.responsibleUserId())) {
      return;
    }
    AccountFacts account = context.account();
    boolean unsorted =
        account
            .status(deal.pipelineId(), deal.statusId())
            .map(AccountFacts.StatusFacts::unsorted)
            .orElse(false);
    if (unsorted) {
      return;
    }
    String subject = "lead:" + deal.leadId();
    if (deal.tasks().stream().anyMatch(t -> !t.completed())) {
      out.add(
          Finding.compliant(
              Indicator.NO_TASK,
              subject,
              deal.leadId(),
              null,
              deal.responsibleUserId(),
              context.today()));
      return;
    }
    Instant began =
        Stream.concat(
                deal.tasks().stream().map(TaskFacts::completedAt),
                Stream.of(deal.inStageSince(), deal.createdAt()))
            .filter(Objects::nonNull)
            .max(Instant::compareTo)
            .orElse(context.now());
    String stage =
        account
            .status(deal.pipelineId(), deal.statusId())
            .map(AccountFacts.StatusFacts::name)
            .orElse(Long.toString(deal.statusId()));
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("stage", stage);
    details.put("since", began.toString());
    out.add(
        Finding.violated(
            Indicator.NO_TASK,
            subject,
            deal.leadId(),
            null,
            deal.responsibleUserId(),
            context.today(),
            Severity.WARNING,
            began,
            "no_open_task",
            explain(stage, began, context.calendar().zone()),
            details));
  }

  private static Explanation explain(String stage, Instant since, ZoneId zone) {
    return new Explanation(
        String.format(
            "Поставьте задачу со следующим шагом по сделке: на этапе «%s» у неё нет открытой задачи"
                + " с %s.",
            stage, moment(since, zone)),
        String.format(
            "Set a task with the next step: the deal, in «%s», has had no open task since %s.",
            stage, moment(since, zone)));
  }
}
