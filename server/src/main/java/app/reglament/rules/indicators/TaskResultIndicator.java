package app.reglament.rules.indicators;

import static app.reglament.rules.indicators.LocalMoments.moment;

import app.reglament.rules.DealIndicator;
import app.reglament.rules.Explanation;
import app.reglament.rules.Finding;
import app.reglament.rules.Findings;
import app.reglament.rules.Indicator;
import app.reglament.rules.JunkText;
import app.reglament.rules.RuleContext;
import app.reglament.rules.Severity;
import app.reglament.rules.facts.DealFacts;
import app.reglament.rules.facts.TaskFacts;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * DESIGN.md's indicator 5 ({@code task_result}): every completed task of a managed responsible, on
 * a deal that is not deleted (won and lost ones included), must have a real result by {@link
 * JunkText}'s rules. The item belongs to the completion's day; the violation's reason is the junk
 * rule's code.
 */
public final class TaskResultIndicator implements DealIndicator {

  @Override
  public Indicator indicator() {
    return Indicator.TASK_RESULT;
  }

  @Override
  public void evaluate(DealFacts deal, RuleContext context, Findings out) {
    if (deal.deleted()) {
      return;
    }
    for (TaskFacts task : deal.tasks()) {
      boolean judged =
          task.completed()
              && task.completedAt() != null
              && !task.completedAt().isAfter(context.now())
              && context.judges(task.completedAt())
              && context.isManaged(task.responsibleUserId());
      if (judged) {
        evaluate(deal, task, context, out);
      }
    }
  }

  private static void evaluate(DealFacts deal, TaskFacts task, RuleContext context, Findings out) {
    String subject = "task:" + task.taskId();
    Optional<JunkText.Verdict> verdict =
        context.junk().check(task.result(), task.text(), task.previousResult());
    if (verdict.isEmpty()) {
      out.add(
          Finding.compliant(
              Indicator.TASK_RESULT,
              subject,
              deal.leadId(),
              task.taskId(),
              task.responsibleUserId(),
              context.day(task.completedAt())));
      return;
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("taskText", task.text() == null ? "" : task.text());
    details.put("result", task.result() == null ? "" : task.result());
    details.put("completedAt", task.completedAt().toString());
    out.add(
        Finding.violated(
            Indicator.TASK_RESULT,
            subject,
            deal.leadId(),
            task.taskId(),
            task.responsibleUserId(),
            context.day(task.completedAt()),
            Severity.WARNING,
            task.completedAt(),
            verdict.get().code(),
            explain(task, verdict.get(), context.calendar().zone()),
            details));
  }

  private static Explanation explain(TaskFacts task, JunkText.Verdict verdict, ZoneId zone) {
    String text = task.text() == null || task.text().isBlank() ? "—" : task.text().strip();
    String when = moment(task.completedAt(), zone);
    return new Explanation(
        String.format(
            "Результат задачи «%s» (закрыта %s) не принят: %s", text, when, verdict.russian()),
        String.format(
            "The result of the task «%s» (completed %s) does not count: %s",
            text, when, verdict.english()));
  }
}
