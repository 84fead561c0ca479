package app.reglament.automation;

import app.reglament.amo.api.model.LeadUpdate;
import app.reglament.amo.api.model.NewNote;
import app.reglament.amo.api.model.NewTask;
import app.reglament.amo.api.model.TaskUpdate;
import app.reglament.outbox.Action;
import app.reglament.rules.RuleContext;
import app.reglament.rules.config.RulesConfig;
import app.reglament.rules.facts.AccountFacts;
import app.reglament.rules.facts.DealFacts;
import app.reglament.rules.facts.TaskFacts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A missed first contact handed to the next manager (DESIGN.md, "First contact"): round robin over
 * {@code reassignPool} (or every managed user, by id), starting after the last manager a lead was
 * given to, skipping the current responsible, managers not at work now and managers who already
 * hold {@code maxOpenNewLeadsPerManager} new leads waiting for their first contact.
 *
 * <p>The lead, its open tasks, a note saying who and why, and a task for the first head: every
 * action is keyed {@code reassign:<leadId>:...}, so one miss gives one reassignment however often
 * the timer fires.
 */
public final class Reassignment {
  private Reassignment() {}

  /** Who gets the lead and what is sent to amoCRM. */
  public record Outcome(long toUserId, List<Intent> actions) {}

  /** The pool in round-robin order: as configured, or the managed users by id. */
  static List<Long> pool(RuleContext context) {
    List<Long> configured = context.rules().firstContact().reassignPool();
    if (configured != null) {
      return configured;
    }
    return context.managers().stream().sorted().toList();
  }

  /**
   * The default "at work now": the account's working hours are on and the user is active in amoCRM.
   * The regulations have no per-manager schedule; the predicate is where one would go.
   */
  public static Predicate<Long> atWorkByCalendar(RuleContext context) {
    boolean open = context.calendar().isWorking(context.now());
    return userId -> {
      AccountFacts.UserFacts user = context.account().users().get(userId);
      return open && user != null && user.active();
    };
  }

  /**
   * @param cursor the last manager a lead was given to; null before the first reassignment
   * @param openNewLeads per manager, the new leads waiting for their first contact
   * @return empty when reassignment is not configured or nobody can take the lead now
   */
  public static Optional<Outcome> decide(
      DealFacts deal,
      RuleContext context,
      Long cursor,
      Map<Long, Integer> openNewLeads,
      Predicate<Long> atWork) {
    RulesConfig.FirstContact rules = context.rules().firstContact();
    if (rules.reassignAfterMinutes() == null || !deal.active()) {
      return Optional.empty();
    }
    List<Long> pool = pool(context);
    int start = cursor == null ? 0 : pool.indexOf(cursor) + 1;
    Integer limit = rules.maxOpenNewLeadsPerManager();
    for (int i = 0; i < pool.size(); i++) {
      long candidate = pool.get((start + i) % pool.size());
      boolean eligible =
          !Long.valueOf(candidate).equals(deal.responsibleUserId())
              && atWork.test(candidate)
              && (limit == null || openNewLeads.getOrDefault(candidate, 0) < limit);
      if (eligible) {
        return Optional.of(new Outcome(candidate, actions(deal, context, candidate)));
      }
    }
    return Optional.empty();
  }

  private static List<Intent> actions(DealFacts deal, RuleContext context, long to) {
    RulesConfig.FirstContact rules = context.rules().firstContact();
    long leadId = deal.leadId();
    String prefix = "reassign:" + leadId + ":";
    AccountFacts account = context.account();
    String fromName = name(account, deal.responsibleUserId());
    String toName = name(account, to);
    Instant now = context.now();
    long minutes = context.calendar().workingBetween(deal.createdAt(), now).toMinutes();
    String why =
        "нет первого контакта с клиентом за "
            + minutes
            + " мин рабочего времени (норма — "
            + rules.slaMinutes()
            + " мин)";
    Instant newDeadline =
        context.calendar().plusWorking(now, Duration.ofMinutes(rules.slaMinutes()));
    List<Intent> out = new ArrayList<>();
    out.add(
        Intent.of(
            prefix + "lead",
            new Action.UpdateLead(LeadUpdate.of(leadId).withResponsibleUser(to)),
            leadId,
            Automation.REASSIGN,
            "передана от " + fromName + " к " + toName + ": " + why));
    for (TaskFacts task : deal.tasks()) {
      if (task.completed()) {
        continue;
      }
      TaskUpdate update = TaskUpdate.of(task.taskId()).withResponsibleUser(to);
      if (rules.taskText().equals(task.text())) {
        update = update.withCompleteTill(newDeadline);
      }
      out.add(
          Intent.of(
              prefix + "task:" + task.taskId(),
              new Action.UpdateTask(update),
              leadId,
              Automation.REASSIGN,
              "открытая задача передана вместе со сделкой к " + toName));
    }
    out.add(
        Intent.of(
            prefix + "note",
            new Action.AddNote(
                NewNote.common(
                    leadId,
                    Automation.NOTE_PREFIX
                        + "сделка передана от "
                        + fromName
                        + " к "
                        + toName
                        + ": "
                        + why
                        + ".")),
            leadId,
            Automation.REASSIGN,
            "заметка о передаче"));
    List<Long> heads = context.rules().heads();
    if (!heads.isEmpty()) {
      NewTask task =
          NewTask.forLead(
                  leadId,
                  "Заявка передана от "
                      + fromName
                      + " к "
                      + toName
                      + ": "
                      + why
                      + ". Проверьте, что с клиентом связались.",
                  newDeadline)
              .withTaskType(rules.taskTypeId())
              .withResponsibleUser(heads.get(0));
      out.add(
          Intent.of(
              prefix + "head",
              new Action.CreateTask(task),
              leadId,
              Automation.REASSIGN,
              "руководителю: заявка передана другому менеджеру"));
    }
    return out;
  }

  private static String name(AccountFacts account, Long userId) {
    return account.userName(userId).orElse(userId == null ? "—" : "#" + userId);
  }
}
