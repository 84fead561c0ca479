package app.reglament.automation;

import app.reglament.engine.DealObserver;
import app.reglament.outbox.Outbox;
import app.reglament.rules.Finding;
import app.reglament.rules.RuleContext;
import app.reglament.rules.config.RulesConfig;
import app.reglament.rules.config.RulesRepository;
import app.reglament.rules.facts.DealFacts;
import app.reglament.timers.Timers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * The automations of DESIGN.md, told about every deal the engine re-evaluated after an event:
 * auto-naming, the first-contact task and timer, required fields at a stage move, junk task
 * results, the review of a lost deal. The decisions are pure ({@link AutoNaming}, {@link
 * FirstContact}, {@link StageGate}, {@link JunkResults}, {@link LossReview}); here they are read,
 * and their actions queued with what they remember, in one transaction per deal. Wire with {@code
 * evaluator.observe(automations)}.
 */
public final class Automations implements DealObserver {
  private final DSLContext dsl;
  private final Outbox outbox;
  private final Timers timers;
  private final RulesHistory history;

  public Automations(DSLContext dsl, Outbox outbox, Timers timers, RulesRepository rules) {
    this.dsl = dsl;
    this.outbox = outbox;
    this.timers = timers;
    this.history = new RulesHistory(rules);
  }

  @Override
  public void evaluated(
      long accountId, DealFacts deal, List<Finding> findings, RuleContext context) {
    dsl.transaction(tx -> apply(tx.dsl(), accountId, deal, findings, context));
  }

  private void apply(
      DSLContext tx, long accountId, DealFacts deal, List<Finding> findings, RuleContext context) {
    Optional<Instant> installed = AutomationStore.installedAt(tx, accountId);
    if (installed.isEmpty()) {
      return;
    }
    Instant installedAt = installed.get();
    Instant now = context.now();
    long leadId = deal.leadId();
    List<Intent> intents = new ArrayList<>();

    Instant namingSince = namingSince(tx, accountId, context.rules(), now);
    AutomationStore.DealMemory memory = AutomationStore.deal(tx, accountId, leadId);
    AutoNaming.Decision naming =
        AutoNaming.decide(
            deal,
            context,
            namingSince == null ? null : later(installedAt, namingSince),
            AutomationStore.manualName(tx, accountId, leadId),
            memory.renderedName());
    naming.rename().ifPresent(intents::add);

    StageGate.Decision gate =
        StageGate.decide(deal, findings, context, installedAt, memory.stageMoveAt());
    intents.addAll(gate.actions());

    FirstContact.Decision first =
        FirstContact.decide(
            deal, context, installedAt, AutomationStore.watch(tx, accountId, leadId, true));
    intents.addAll(first.actions());

    intents.addAll(JunkResults.decide(deal, findings, context, installedAt));
    if (!gate.reverts()) {
      // A move into "lost" that the gate sends back leaves no lost deal to review.
      LossReview.decide(deal, context, installedAt).ifPresent(intents::add);
    }

    for (Intent intent : intents) {
      outbox.enqueue(tx, accountId, intent.key(), intent.action(), intent.audit());
    }
    first.change().ifPresent(change -> watch(tx, accountId, leadId, change));
    AutomationStore.DealMemory after =
        new AutomationStore.DealMemory(
            naming.remember() != null ? naming.remember() : memory.renderedName(),
            gate.handled() != null ? gate.handled() : memory.stageMoveAt());
    if (!after.equals(memory)) {
      AutomationStore.remember(tx, accountId, leadId, after, now);
    }
  }

  private void watch(DSLContext tx, long accountId, long leadId, FirstContact.WatchChange change) {
    String key = Long.toString(leadId);
    if (change instanceof FirstContact.WatchChange.Start start) {
      AutomationStore.startWatch(tx, accountId, leadId, start.responsibleUserId(), start.dueAt());
      timers.schedule(tx, accountId, FirstContact.TIMER_KIND, key, start.dueAt());
    } else if (change instanceof FirstContact.WatchChange.Responsible r) {
      AutomationStore.watchResponsible(tx, accountId, leadId, r.responsibleUserId());
    } else {
      AutomationStore.stopWatch(tx, accountId, leadId);
      timers.cancel(tx, accountId, FirstContact.TIMER_KIND, key);
    }
  }

  /**
   * Since when naming has been on, remembered per account: read from the regulations' versions the
   * first time it is needed, forgotten when naming is switched off.
   */
  private Instant namingSince(DSLContext tx, long accountId, RulesConfig rules, Instant now) {
    boolean on = rules.naming() != null && rules.naming().enabled();
    AutomationStore.State state = AutomationStore.state(tx, accountId, false, now);
    if (on && state.namingSince() == null) {
      Instant since = Objects.requireNonNullElse(history.namingOnSince(accountId), now);
      AutomationStore.namingSince(tx, accountId, since, now);
      return since;
    }
    if (!on && state.namingSince() != null) {
      AutomationStore.namingSince(tx, accountId, null, now);
    }
    return on ? state.namingSince() : null;
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
