package app.reglament.outbox;

import org.jooq.DSLContext;

/**
 * Where automations put the changes they want made in amoCRM. Nothing is sent here: the executor
 * sends queued actions later, under the account's rate ceiling, and retries faults.
 */
public interface Outbox {
  /**
   * Queues an action in the caller's transaction {@code tx}. The idempotency key names the intent
   * (e.g. {@code rename:<leadId>:<name>}); when the account already has an action with this key the
   * call adds nothing and returns false, so a retried trigger or the echo webhook of our own change
   * never sends a second request.
   */
  boolean enqueue(DSLContext tx, long accountId, String idempotencyKey, Action action, Audit audit);

  /** What the audit log shows the head about an action: the deal, which automation and why. */
  record Audit(Long leadId, String automation, String reason) {}
}
