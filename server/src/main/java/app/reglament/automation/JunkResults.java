package app.reglament.automation;

import app.reglament.amo.api.model.NewNote;
import app.reglament.amo.api.model.TaskUpdate;
import app.reglament.outbox.Action;
import app.reglament.rules.Finding;
import app.reglament.rules.Indicator;
import app.reglament.rules.RuleContext;
import app.reglament.rules.facts.DealFacts;
import app.reglament.rules.facts.TaskFacts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Junk task results (DESIGN.md): a task completed with a placeholder ("+", "ок", keyboard mash) is
 * flagged with a note on the deal ({@code onJunk} "flag"), or reopened with a note asking for a
 * real result ("reopen"). Only completions since the installation count: the account's history is
 * the indicator's, not the automation's. Keys carry the completion moment, so a reopened task
 * completed with junk again is handled again, and each completion once.
 */
public final class JunkResults {
  private JunkResults() {}

  public static List<Intent> decide(
      DealFacts deal, List<Finding> findings, RuleContext context, Instant installedAt) {
    if (deal.deleted()) {
      return List.of();
    }
    boolean reopen = "reopen".equals(context.rules().taskResults().onJunk());
    List<Intent> out = new ArrayList<>();
    for (Finding finding : findings) {
      if (finding.indicator() != Indicator.TASK_RESULT
          || !finding.violated()
          || finding.taskId() == null) {
        continue;
      }
      TaskFacts task = task(deal, finding.taskId());
      if (task == null
          || !task.completed()
          || task.completedAt() == null
          || task.completedAt().isBefore(installedAt)) {
        continue;
      }
      long leadId = deal.leadId();
      String key = "junk:" + task.taskId() + ":" + task.completedAt().toEpochMilli();
      String result = task.result() == null ? "" : task.result().strip();
      String what =
          "задача «"
              + (task.text() == null ? "" : task.text().strip())
              + "» закрыта с результатом «"
              + result
              + "»: "
              + finding.explanation().russian();
      if (reopen) {
        out.add(
            Intent.of(
                key + ":reopen",
                new Action.UpdateTask(TaskUpdate.of(task.taskId()).reopened()),
                leadId,
                Automation.TASK_RESULT,
                "задача открыта снова: результат не принят"));
        out.add(
            note(
                key,
                leadId,
                what + " Задача открыта снова — закройте её с настоящим результатом."));
      } else {
        out.add(note(key, leadId, what + " Опишите результат по существу."));
      }
    }
    return out;
  }

  private static Intent note(String key, long leadId, String text) {
    return Intent.of(
        key,
        new Action.AddNote(NewNote.common(leadId, Automation.NOTE_PREFIX + text)),
        leadId,
        Automation.TASK_RESULT,
        text);
  }

  private static TaskFacts task(DealFacts deal, long taskId) {
    return deal.tasks().stream().filter(t -> t.taskId() == taskId).findFirst().orElse(null);
  }
}
