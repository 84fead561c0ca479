package app.reglament.automation;

import app.reglament.amo.api.model.NewTask;
import app.reglament.outbox.Action;
import app.reglament.rules.RuleContext;
import app.reglament.rules.config.RulesConfig;
import app.reglament.rules.facts.DealFacts;
import app.reglament.rules.indicators.FirstContactIndicator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * First contact (DESIGN.md): a new lead gets the task "Связаться с клиентом" due at the SLA, and a
 * durable timer watches it until the client was contacted.
 *
 * <p>The timer is due when a miss calls for action: at {@code reassignAfterMinutes} of working time
 * after the lead arrived when reassignment is configured (never before the SLA itself: a lead that
 * is not late yet is not taken away), otherwise at the SLA deadline. The violation itself is the
 * engine's: it rechecks the deal at the deadline by its own, so a timer without reassignment only
 * closes the watch.
 */
public final class FirstContact {
  /** The timers' kind for first-contact deadlines; the key is the lead id. */
  public static final String TIMER_KIND = "first_contact";

  private FirstContact() {}

  /** The lead as the watch table keeps it; null when it is not watched. */
  public record Watch(Long responsibleUserId, Instant dueAt, Long reassignedTo) {}

  /** What the observation of a deal changes. */
  public sealed interface WatchChange {
    /** Start or update the watch and (re)schedule the timer at {@code dueAt}. */
    record Start(Long responsibleUserId, Instant dueAt) implements WatchChange {}

    /** Only the responsible changed (a manual handover): the timer stays. */
    record Responsible(Long responsibleUserId) implements WatchChange {}

    /** Contacted, closed or deleted: stop watching and cancel the timer. */
    record Stop() implements WatchChange {}
  }

  /**
   * @param actions the first-contact task, when one is due
   * @param change what happens to the watch; empty when nothing changes
   */
  public record Decision(List<Intent> actions, Optional<WatchChange> change) {}

  /** The SLA deadline of a lead: {@code slaMinutes} of working time after it arrived. */
  public static Instant deadline(DealFacts deal, RuleContext context) {
    return context
        .calendar()
        .plusWorking(
            deal.createdAt(), Duration.ofMinutes(context.rules().firstContact().slaMinutes()));
  }

  /** When the timer fires: see the class comment. */
  public static Instant timerDue(DealFacts deal, RuleContext context) {
    RulesConfig.FirstContact rules = context.rules().firstContact();
    Instant deadline = deadline(deal, context);
    if (rules.reassignAfterMinutes() == null) {
      return deadline;
    }
    Instant reassignAt =
        context
            .calendar()
            .plusWorking(deal.createdAt(), Duration.ofMinutes(rules.reassignAfterMinutes()));
    return reassignAt.isBefore(deadline) ? deadline : reassignAt;
  }

  /** Whether the client was contacted by now, as the {@code first_contact} indicator counts it. */
  public static boolean contacted(DealFacts deal, RuleContext context) {
    return FirstContactIndicator.firstContact(deal, context).isPresent();
  }

  /**
   * @param installedAt leads created before are the account's history: no task, no timer
   * @param watch the lead's watch row, or null
   */
  public static Decision decide(
      DealFacts deal, RuleContext context, Instant installedAt, Watch watch) {
    boolean isNew =
        deal.createdAt() != null
            && !deal.createdAt().isBefore(installedAt)
            && !deal.createdAt().isAfter(context.now());
    if (!isNew) {
      return new Decision(List.of(), Optional.empty());
    }
    boolean waiting =
        deal.active() && deal.responsibleUserId() != null && !contacted(deal, context);
    if (!waiting) {
      return new Decision(
          List.of(), watch == null ? Optional.empty() : Optional.of(new WatchChange.Stop()));
    }
    if (watch != null && watch.reassignedTo() != null) {
      // Reassigned once already: the engine keeps counting the miss, the lead is not moved again.
      return new Decision(List.of(), Optional.empty());
    }
    RulesConfig.FirstContact rules = context.rules().firstContact();
    Instant deadline = deadline(deal, context);
    List<Intent> actions = List.of();
    if (rules.createTask()) {
      NewTask task =
          NewTask.forLead(deal.leadId(), rules.taskText(), deadline)
              .withTaskType(rules.taskTypeId())
              .withResponsibleUser(deal.responsibleUserId());
      actions =
          List.of(
              Intent.of(
                  "first-contact-task:" + deal.leadId(),
                  new Action.CreateTask(task),
                  deal.leadId(),
                  Automation.FIRST_CONTACT,
                  "новая заявка: связаться с клиентом до "
                      + LocalText.moment(deadline, context.calendar().zone())));
    }
    Instant due = timerDue(deal, context);
    Optional<WatchChange> change;
    if (watch == null || !watch.dueAt().equals(due)) {
      change = Optional.of(new WatchChange.Start(deal.responsibleUserId(), due));
    } else if (!deal.responsibleUserId().equals(watch.responsibleUserId())) {
      change = Optional.of(new WatchChange.Responsible(deal.responsibleUserId()));
    } else {
      change = Optional.empty();
    }
    return new Decision(actions, change);
  }
}
