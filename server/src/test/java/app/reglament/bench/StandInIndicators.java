package app.reglament.bench;

import app.reglament.engine.IndicatorSet;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * STAND-IN, NOT THE REAL REGULATIONS: three simple pure deal indicators that touch the same facts
 * the real ones do (open tasks, deadlines, task results through the junk detector), for timing the
 * engine's bookkeeping while the real indicator set is not on this branch. The manager-level ones
 * (worktime, dumping) do nothing. Used only when the bench is run with {@code --stand-in}.
 */
final class StandInIndicators {
  private StandInIndicators() {}

  static IndicatorSet create() {
    return new IndicatorSet(
        List.of(NO_TASK, OVERDUE, RESULT),
        (activity, c, out) -> {},
        (closed, c, out) -> {},
        (deal, c) -> Optional.empty());
  }

  /** An active deal needs an open task. */
  static final DealIndicator NO_TASK =
      new DealIndicator() {
        @Override
        public Indicator indicator() {
          return Indicator.NO_TASK;
        }

        @Override
        public void evaluate(DealFacts deal, RuleContext c, Findings out) {
          if (!deal.active() || !c.isManaged(deal.responsibleUserId())) {
            return;
          }
          String key = "lead:" + deal.leadId();
          Long user = deal.responsibleUserId();
          if (deal.tasks().stream().anyMatch(t -> !t.completed())) {
            out.add(
                Finding.compliant(Indicator.NO_TASK, key, deal.leadId(), null, user, c.today()));
          } else {
            out.add(
                Finding.violated(
                    Indicator.NO_TASK,
                    key,
                    deal.leadId(),
                    null,
                    user,
                    c.today(),
                    Severity.WARNING,
                    deal.inStageSince(),
                    "no_open_task",
                    new Explanation("Поставьте задачу", "Set a task"),
                    Map.of()));
          }
        }
      };

  /** An open task past its deadline. */
  static final DealIndicator OVERDUE =
      new DealIndicator() {
        @Override
        public Indicator indicator() {
          return Indicator.OVERDUE_TASK;
        }

        @Override
        public void evaluate(DealFacts deal, RuleContext c, Findings out) {
          if (!deal.active()) {
            return;
          }
          for (TaskFacts t : deal.tasks()) {
            if (t.completed() || t.completeTill() == null || !c.isManaged(t.responsibleUserId())) {
              continue;
            }
            String key = "task:" + t.taskId();
            if (t.completeTill().isBefore(c.now())) {
              out.add(
                  Finding.violated(
                      Indicator.OVERDUE_TASK,
                      key,
                      deal.leadId(),
                      t.taskId(),
                      t.responsibleUserId(),
                      c.today(),
                      Severity.WARNING,
                      t.completeTill(),
                      "overdue",
                      new Explanation("Задача просрочена", "The task is overdue"),
                      Map.of()));
            } else {
              out.add(
                  Finding.compliant(
                      Indicator.OVERDUE_TASK,
                      key,
                      deal.leadId(),
                      t.taskId(),
                      t.responsibleUserId(),
                      c.today()));
              out.recheckAt(t.completeTill());
            }
          }
        }
      };

  /** A completed task's result, judged by the junk detector. */
  static final DealIndicator RESULT =
      new DealIndicator() {
        @Override
        public Indicator indicator() {
          return Indicator.TASK_RESULT;
        }

        @Override
        public void evaluate(DealFacts deal, RuleContext c, Findings out) {
          for (TaskFacts t : deal.tasks()) {
            if (!t.completed() || !c.isManaged(t.responsibleUserId())) {
              continue;
            }
            String key = "task:" + t.taskId();
            var verdict =
                c.junk()
                    .check(
                        t.result() == null ? "" : t.result(),
                        JunkText.Context.of(t.text(), t.previousResult()));
            if (verdict.isEmpty()) {
              out.add(
                  Finding.compliant(
                      Indicator.TASK_RESULT,
                      key,
                      deal.leadId(),
                      t.taskId(),
                      t.responsibleUserId(),
                      c.day(t.completedAt())));
            } else {
              out.add(
                  Finding.violated(
                      Indicator.TASK_RESULT,
                      key,
                      deal.leadId(),
                      t.taskId(),
                      t.responsibleUserId(),
                      c.day(t.completedAt()),
                      Severity.WARNING,
                      t.completedAt(),
                      verdict.get().code(),
                      new Explanation(verdict.get().russian(), verdict.get().english()),
                      Map.of()));
            }
          }
        }
      };
}
