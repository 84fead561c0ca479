package app.reglament.automation;

import static app.reglament.db.generated.Tables.ACCOUNTS;
import static app.reglament.db.generated.Tables.AUTOMATION_DEALS;
import static app.reglament.db.generated.Tables.AUTOMATION_STATE;
import static app.reglament.db.generated.Tables.FIRST_CONTACT_PENDING;
import static app.reglament.db.generated.Tables.NAMING_MANUAL;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The automations' memory (V6's tables). Every method takes the transaction it runs in and the
 * account id: the automations decide and queue their actions in one transaction with it.
 */
final class AutomationStore {
  private AutomationStore() {}

  /** When the account was installed; empty for an account Reglament does not know. */
  static Optional<Instant> installedAt(DSLContext tx, long accountId) {
    return tx.select(ACCOUNTS.INSTALLED_AT)
        .from(ACCOUNTS)
        .where(ACCOUNTS.ACCOUNT_ID.eq(accountId))
        .fetchOptional(ACCOUNTS.INSTALLED_AT);
  }

  /** The account's row, created when missing. */
  record State(Instant namingSince, Long reassignCursor) {}

  static State state(DSLContext tx, long accountId, boolean lock, Instant now) {
    Optional<State> found = readState(tx, accountId, lock);
    if (found.isPresent()) {
      return found.get();
    }
    tx.insertInto(AUTOMATION_STATE)
        .set(AUTOMATION_STATE.ACCOUNT_ID, accountId)
        .set(AUTOMATION_STATE.UPDATED_AT, now)
        .onDuplicateKeyIgnore()
        .execute();
    return readState(tx, accountId, lock).orElseThrow();
  }

  private static Optional<State> readState(DSLContext tx, long accountId, boolean lock) {
    var query =
        tx.select(AUTOMATION_STATE.NAMING_SINCE_AT, AUTOMATION_STATE.REASSIGN_CURSOR)
            .from(AUTOMATION_STATE)
            .where(AUTOMATION_STATE.ACCOUNT_ID.eq(accountId));
    var row = lock ? query.forUpdate().fetchOptional() : query.fetchOptional();
    return row.map(r -> new State(r.value1(), r.value2()));
  }

  static void namingSince(DSLContext tx, long accountId, Instant since, Instant now) {
    tx.update(AUTOMATION_STATE)
        .set(AUTOMATION_STATE.NAMING_SINCE_AT, since)
        .set(AUTOMATION_STATE.UPDATED_AT, now)
        .where(AUTOMATION_STATE.ACCOUNT_ID.eq(accountId))
        .execute();
  }

  static void reassignCursor(DSLContext tx, long accountId, long userId, Instant now) {
    tx.update(AUTOMATION_STATE)
        .set(AUTOMATION_STATE.REASSIGN_CURSOR, userId)
        .set(AUTOMATION_STATE.UPDATED_AT, now)
        .where(AUTOMATION_STATE.ACCOUNT_ID.eq(accountId))
        .execute();
  }

  /** What was remembered about a deal; both null when nothing. */
  record DealMemory(String renderedName, Instant stageMoveAt) {
    static final DealMemory NONE = new DealMemory(null, null);
  }

  static DealMemory deal(DSLContext tx, long accountId, long leadId) {
    return tx.select(AUTOMATION_DEALS.RENDERED_NAME, AUTOMATION_DEALS.STAGE_MOVE_AT)
        .from(AUTOMATION_DEALS)
        .where(AUTOMATION_DEALS.ACCOUNT_ID.eq(accountId), AUTOMATION_DEALS.LEAD_ID.eq(leadId))
        .fetchOptional(r -> new DealMemory(r.value1(), r.value2()))
        .orElse(DealMemory.NONE);
  }

  static void remember(DSLContext tx, long accountId, long leadId, DealMemory m, Instant now) {
    tx.insertInto(AUTOMATION_DEALS)
        .set(AUTOMATION_DEALS.ACCOUNT_ID, accountId)
        .set(AUTOMATION_DEALS.LEAD_ID, leadId)
        .set(AUTOMATION_DEALS.RENDERED_NAME, m.renderedName())
        .set(AUTOMATION_DEALS.STAGE_MOVE_AT, m.stageMoveAt())
        .set(AUTOMATION_DEALS.UPDATED_AT, now)
        .onDuplicateKeyUpdate()
        .set(AUTOMATION_DEALS.RENDERED_NAME, m.renderedName())
        .set(AUTOMATION_DEALS.STAGE_MOVE_AT, m.stageMoveAt())
        .set(AUTOMATION_DEALS.UPDATED_AT, now)
        .execute();
  }

  static boolean manualName(DSLContext tx, long accountId, long leadId) {
    return tx.fetchExists(
        NAMING_MANUAL,
        NAMING_MANUAL.ACCOUNT_ID.eq(accountId).and(NAMING_MANUAL.LEAD_ID.eq(leadId)));
  }

  static FirstContact.Watch watch(DSLContext tx, long accountId, long leadId) {
    return watch(tx, accountId, leadId, false);
  }

  /**
   * @param lock take the row FOR UPDATE: the observer (which may stop the watch after a contact)
   *     and the timer (which may reassign the lead) take it in turns, so a contact recorded before
   *     the timer's decision is seen by it, and a reassignment decided first is seen by the
   *     observer
   */
  static FirstContact.Watch watch(DSLContext tx, long accountId, long leadId, boolean lock) {
    var query =
        tx.select(
                FIRST_CONTACT_PENDING.RESPONSIBLE_USER_ID,
                FIRST_CONTACT_PENDING.DUE_AT,
                FIRST_CONTACT_PENDING.REASSIGNED_TO)
            .from(FIRST_CONTACT_PENDING)
            .where(
                FIRST_CONTACT_PENDING.ACCOUNT_ID.eq(accountId),
                FIRST_CONTACT_PENDING.LEAD_ID.eq(leadId));
    var row = lock ? query.forUpdate().fetchOptional() : query.fetchOptional();
    return row.map(r -> new FirstContact.Watch(r.value1(), r.value2(), r.value3())).orElse(null);
  }

  static void startWatch(
      DSLContext tx, long accountId, long leadId, Long responsible, Instant dueAt) {
    tx.insertInto(FIRST_CONTACT_PENDING)
        .set(FIRST_CONTACT_PENDING.ACCOUNT_ID, accountId)
        .set(FIRST_CONTACT_PENDING.LEAD_ID, leadId)
        .set(FIRST_CONTACT_PENDING.RESPONSIBLE_USER_ID, responsible)
        .set(FIRST_CONTACT_PENDING.DUE_AT, dueAt)
        .onDuplicateKeyUpdate()
        .set(FIRST_CONTACT_PENDING.RESPONSIBLE_USER_ID, responsible)
        .set(FIRST_CONTACT_PENDING.DUE_AT, dueAt)
        .execute();
  }

  static void watchResponsible(DSLContext tx, long accountId, long leadId, Long responsible) {
    tx.update(FIRST_CONTACT_PENDING)
        .set(FIRST_CONTACT_PENDING.RESPONSIBLE_USER_ID, responsible)
        .where(
            FIRST_CONTACT_PENDING.ACCOUNT_ID.eq(accountId),
            FIRST_CONTACT_PENDING.LEAD_ID.eq(leadId))
        .execute();
  }

  static void reassigned(DSLContext tx, long accountId, long leadId, long to, Instant now) {
    tx.update(FIRST_CONTACT_PENDING)
        .set(FIRST_CONTACT_PENDING.RESPONSIBLE_USER_ID, to)
        .set(FIRST_CONTACT_PENDING.REASSIGNED_TO, to)
        .set(FIRST_CONTACT_PENDING.REASSIGNED_AT, now)
        .where(
            FIRST_CONTACT_PENDING.ACCOUNT_ID.eq(accountId),
            FIRST_CONTACT_PENDING.LEAD_ID.eq(leadId))
        .execute();
  }

  static void stopWatch(DSLContext tx, long accountId, long leadId) {
    tx.deleteFrom(FIRST_CONTACT_PENDING)
        .where(
            FIRST_CONTACT_PENDING.ACCOUNT_ID.eq(accountId),
            FIRST_CONTACT_PENDING.LEAD_ID.eq(leadId))
        .execute();
  }

  /** Per manager, the new leads waiting for their first contact. */
  static Map<Long, Integer> openNewLeads(DSLContext tx, long accountId) {
    Map<Long, Integer> counts = new HashMap<>();
    tx.select(FIRST_CONTACT_PENDING.RESPONSIBLE_USER_ID, DSL.count())
        .from(FIRST_CONTACT_PENDING)
        .where(
            FIRST_CONTACT_PENDING.ACCOUNT_ID.eq(accountId),
            FIRST_CONTACT_PENDING.RESPONSIBLE_USER_ID.isNotNull())
        .groupBy(FIRST_CONTACT_PENDING.RESPONSIBLE_USER_ID)
        .forEach(r -> counts.put(r.value1(), r.value2()));
    return counts;
  }
}
