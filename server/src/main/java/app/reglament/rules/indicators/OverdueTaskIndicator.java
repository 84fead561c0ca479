package app.reglament.rules.indicators;

import static app.reglament.rules.indicators.LocalMoments.moment;

import app.reglament.rules.BusinessCalendar;
import app.reglament.rules.DealIndicator;
import app.reglament.rules.Explanation;
import app.reglament.rules.Finding;
import app.reglament.rules.Findings;
import app.reglament.rules.Indicator;
import app.reglament.rules.RuleContext;
import app.reglament.rules.Severity;
import app.reglament.rules.facts.DealFacts;
import app.reglament.rules.facts.TaskFacts;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * DESIGN.md's indicator 3 ({@code overdue_task}): every open task with a deadline, on a deal that
 * is not deleted, whose responsible is managed, is charged to that responsible. It is overdue once
 * its deadline is reached; a deadline outside working hours (amoCRM's all-day tasks are due at
 * 23:59) counts from the next opening. Open tasks on won or lost deals count too: an open task is
 * an open task, whatever became of its deal.
 */
public final class OverdueTaskIndicator implements DealIndicator {

  @Override
  public Indicator indicator() {
    return Indicator.OVERDUE_TASK;
  }

  @Override
  public void evaluate(DealFacts deal, RuleContext context, Findings out) {
    if (deal.deleted()) {
      return;
    }
    for (TaskFacts task : deal.tasks()) {
      if (!task.completed()
          && task.completeTill() != null
          && context.isManaged(task.responsibleUserId())) {
        evaluate(deal, task, context, out);
      }
    }
  }

  private static void evaluate(DealFacts deal, TaskFacts task, RuleContext context, Findings out) {
    BusinessCalendar calendar = context.calendar();
    Instant due = task.completeTill();
    Instant effective = calendar.nextOpening(due);
    Instant now = context.now();
    String subject = "task:" + task.taskId();
    if (now.isBefore(effective)) {
      out.add(
          Finding.compliant(
              Indicator.OVERDUE_TASK,
              subject,
              deal.leadId(),
              task.taskId(),
              task.responsibleUserId(),
              context.today()));
      out.recheckAt(effective);
      return;
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("completeTill", due.toString());
    details.put("countedFrom", effective.toString());
    out.add(
        Finding.violated(
            Indicator.OVERDUE_TASK,
            subject,
            deal.leadId(),
            task.taskId(),
            task.responsibleUserId(),
            context.today(),
            Severity.WARNING,
            effective,
            "deadline_passed",
            explain(task, due, effective, calendar.zone()),
            details));
  }

  /** Says when it was due, not how late it is now: the text stays true while the task waits. */
  private static Explanation explain(TaskFacts task, Instant due, Instant effective, ZoneId zone) {
    String text = task.text() == null || task.text().isBlank() ? "—" : task.text().strip();
    String countedRu =
        effective.equals(due)
            ? ""
            : " (вне рабочего времени, отсчёт с " + moment(effective, zone) + ")";
    String countedEn =
        effective.equals(due)
            ? ""
            : " (outside working hours, counted from " + moment(effective, zone) + ")";
    return new Explanation(
        String.format(
            "Выполните задачу «%s» или перенесите срок, договорившись с клиентом: срок был %s%s.",
            text, moment(due, zone), countedRu),
        String.format(
            "Do the task «%s» or move its deadline after agreeing with the client: it was due"
                + " %s%s.",
            text, moment(due, zone), countedEn));
  }
}
