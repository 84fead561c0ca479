package app.reglament.automation;

import app.reglament.outbox.Outbox;
import app.reglament.rules.RuleContext;
import app.reglament.rules.facts.DealFacts;
import app.reglament.timers.Timers;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first-contact timer ({@value FirstContact#TIMER_KIND}) come due: if the new lead still has
 * had no contact and reassignment is configured, it goes to the next manager ({@link
 * Reassignment}). The violation itself is the engine's, which rechecks the deal at its deadline.
 *
 * <p>When nobody can take the lead now (everyone out of hours or at the limit) it tries again later
 * under the key {@code <leadId>@<epoch second of the original due time>#<attempt>}, so the retry is
 * a timer of its own and never the one now firing. The key depends on nothing but the chain it
 * continues: a firing repeated (elsewhere, or after a fault) names the same retry and re-arms it
 * instead of starting a second chain.
 */
public final class FirstContactTimer implements Timers.Handler {
  private static final Logger log = LoggerFactory.getLogger(FirstContactTimer.class);

  /** How soon to look again for a manager when none could take the lead. */
  static final Duration RETRY = Duration.ofMinutes(15);

  private final DSLContext dsl;
  private final Outbox outbox;
  private final Timers timers;
  private final DealReader reader;

  public FirstContactTimer(DSLContext dsl, Outbox outbox, Timers timers, DealReader reader) {
    this.dsl = dsl;
    this.outbox = outbox;
    this.timers = timers;
    this.reader = reader;
  }

  /** The lead id of a timer key: {@code 123} or a retry's {@code 123@1764500000#2}. */
  static long leadId(String key) {
    int at = key.indexOf('@');
    return Long.parseLong(at < 0 ? key : key.substring(0, at));
  }

  /**
   * The key of the next timer of a chain: the first timer's own due time, the next attempt.
   *
   * @param dueAt the due time of the timer now firing, the chain's origin when it is the first
   */
  static String retryKey(String key, Instant dueAt) {
    int at = key.indexOf('@');
    if (at < 0) {
      return key + "@" + dueAt.getEpochSecond() + "#1";
    }
    int hash = key.lastIndexOf('#');
    if (hash < at) {
      return key + "#1"; // a retry named before attempts were counted
    }
    return key.substring(0, hash + 1) + (Long.parseLong(key.substring(hash + 1)) + 1);
  }

  @Override
  public void fire(long accountId, String key, Instant dueAt) {
    long leadId = leadId(key);
    String retryKey = retryKey(key, dueAt);
    RuleContext context = reader.context(accountId);
    dsl.transaction(tx -> fire(tx.dsl(), accountId, leadId, retryKey, context));
  }

  private void fire(
      DSLContext tx, long accountId, long leadId, String retryKey, RuleContext context) {
    Instant now = context.now();
    // The account's row is locked first: two leads due together take turns at the cursor, and a
    // firing repeated elsewhere sees the first one's reassignment. Then the lead's watch, which
    // the observer locks too before it stops the watch after a contact.
    AutomationStore.State state = AutomationStore.state(tx, accountId, true, now);
    FirstContact.Watch watch = AutomationStore.watch(tx, accountId, leadId, true);
    if (watch == null || watch.reassignedTo() != null) {
      return; // contacted or closed since, or already given to someone else
    }
    // Read under the locks: a contact recorded before them is seen, however late the timer fires.
    Optional<DealFacts> found = reader.deal(tx, accountId, leadId);
    if (found.isEmpty() || !found.get().active() || FirstContact.contacted(found.get(), context)) {
      AutomationStore.stopWatch(tx, accountId, leadId);
      return;
    }
    DealFacts deal = found.get();
    if (context.rules().firstContact().reassignAfterMinutes() == null) {
      return; // only the engine's violation: nobody to hand the lead to
    }
    Instant due = FirstContact.timerDue(deal, context);
    if (now.isBefore(due)) {
      // Fired early (by hand, or the deadline moved later since it was set): a lead that is not
      // late yet is never taken away; look again at the deadline.
      timers.schedule(tx, accountId, FirstContact.TIMER_KIND, retryKey, due);
      return;
    }
    Map<Long, Integer> open = AutomationStore.openNewLeads(tx, accountId);
    Optional<Reassignment.Outcome> outcome =
        Reassignment.decide(
            deal, context, state.reassignCursor(), open, Reassignment.atWorkByCalendar(context));
    if (outcome.isEmpty()) {
      Instant retry = context.calendar().nextOpening(now.plus(RETRY));
      log.info(
          "No manager can take lead {} of account {} now; looking again at {}",
          leadId,
          accountId,
          retry);
      timers.schedule(tx, accountId, FirstContact.TIMER_KIND, retryKey, retry);
      return;
    }
    for (Intent intent : outcome.get().actions()) {
      outbox.enqueue(tx, accountId, intent.key(), intent.action(), intent.audit());
    }
    AutomationStore.reassigned(tx, accountId, leadId, outcome.get().toUserId(), now);
    AutomationStore.reassignCursor(tx, accountId, outcome.get().toUserId(), now);
  }
}
