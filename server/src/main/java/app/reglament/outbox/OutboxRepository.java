package app.reglament.outbox;

import static app.reglament.db.generated.Tables.ACCOUNTS;
import static app.reglament.db.generated.Tables.ACTION_OUTBOX;

import app.reglament.account.AccountState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.impl.DSL;

/**
 * The executor's side of {@code action_outbox}. A claim takes due rows of one account and one kind
 * (what one amoCRM request can carry) with {@code SELECT ... FOR UPDATE SKIP LOCKED} and leases
 * them to the claiming executor; every outcome is written only while that executor still holds the
 * row, so instances sharing the database never send a row twice.
 */
public final class OutboxRepository {
  public static final String QUEUED = "queued";
  public static final String CLAIMED = "claimed";

  /**
   * A claimed create whose request may be on its way to amoCRM: marked in its own commit just
   * before the request, so that when the executor's lease runs out the row is known to have been
   * possibly sent, and is parked rather than created a second time.
   */
  public static final String SENDING = "sending";

  public static final String DONE = "done";
  public static final String FAILED = "failed";
  public static final String PARKED = "parked";
  static final int MAX_ERROR_LENGTH = 4000;
  static final int CLAIM_ROUNDS = 3;

  /** Kinds that make something new in amoCRM: sending one twice makes two. */
  static final Set<String> CREATES = Set.of(Action.CreateTask.KIND, Action.AddNote.KIND);

  static final String LOST_CREATE =
      "The executor stopped while sending this (its lease ran out): amoCRM may have created it;"
          + " not re-sent, check the deal";

  private final DSLContext dsl;

  public OutboxRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  /**
   * Leases up to {@code limit} due rows of the account and kind whose turn it is (the one that has
   * waited longest), those due first first, leaving out accounts in {@code skipAccounts} (this
   * executor is busy with them). A row that changes the same entity as an earlier queued or
   * unfinished row is left for later: two changes of one deal reach amoCRM one after the other, in
   * the order they were queued.
   */
  public List<OutboxRow> claim(
      String owner, Instant now, int limit, Duration lease, Set<Long> skipAccounts) {
    Record2<Long, String> turn =
        dsl.select(ACTION_OUTBOX.ACCOUNT_ID, ACTION_OUTBOX.KIND)
            .from(ACTION_OUTBOX)
            .where(ACTION_OUTBOX.STATE.eq(QUEUED))
            .and(ACTION_OUTBOX.NEXT_ATTEMPT_AT.le(now))
            // A held-back row would be a turn with nothing to send: while it waits (maybe an hour
            // of backoff of its predecessor), every instance would pick it again and send nothing.
            .and(notHeldBack())
            .and(
                skipAccounts.isEmpty()
                    ? DSL.noCondition()
                    : ACTION_OUTBOX.ACCOUNT_ID.notIn(skipAccounts))
            .orderBy(ACTION_OUTBOX.NEXT_ATTEMPT_AT)
            .limit(1)
            .fetchOne();
    if (turn == null) {
      return List.of();
    }
    return claim(owner, turn.value1(), turn.value2(), now, limit, lease);
  }

  /** Leases up to {@code limit} due rows of one account and kind; see {@link #claim}. */
  public List<OutboxRow> claim(
      String owner, long accountId, String kind, Instant now, int limit, Duration lease) {
    // A few rounds, because another instance may lock the very rows this one read as candidates;
    // each round reads afresh, past what the others have claimed meanwhile.
    for (int round = 0; round < CLAIM_ROUNDS; round++) {
      List<Long> candidates =
          dsl.select(ACTION_OUTBOX.ID)
              .from(ACTION_OUTBOX)
              .where(ACTION_OUTBOX.ACCOUNT_ID.eq(accountId))
              .and(ACTION_OUTBOX.KIND.eq(kind))
              .and(ACTION_OUTBOX.STATE.eq(QUEUED))
              .and(ACTION_OUTBOX.NEXT_ATTEMPT_AT.le(now))
              .and(notHeldBack())
              // Ties (a batch queued at once) come in index order, which ends in the id.
              .orderBy(ACTION_OUTBOX.NEXT_ATTEMPT_AT)
              // Twice the batch, so rows another instance locks meanwhile leave a full batch.
              .limit(limit * 2)
              .fetch(ACTION_OUTBOX.ID);
      if (candidates.isEmpty()) {
        return List.of();
      }
      List<OutboxRow> claimed = lockAndLease(owner, accountId, kind, candidates, now, limit, lease);
      if (!claimed.isEmpty()) {
        return claimed;
      }
    }
    return List.of();
  }

  /**
   * The row changes no entity, or no earlier row changing the same one (same account and kind) is
   * still queued or being sent. Read without locks, so {@link #lockAndLease} checks it again.
   */
  private static Condition notHeldBack() {
    var earlier = ACTION_OUTBOX.as("earlier");
    return DSL.notExists(
        DSL.selectOne()
            .from(earlier)
            .where(earlier.ENTITY_ID.eq(ACTION_OUTBOX.ENTITY_ID))
            .and(earlier.ACCOUNT_ID.eq(ACTION_OUTBOX.ACCOUNT_ID))
            .and(earlier.KIND.eq(ACTION_OUTBOX.KIND))
            .and(earlier.STATE.in(QUEUED, CLAIMED, SENDING))
            .and(earlier.ID.lt(ACTION_OUTBOX.ID)));
  }

  /**
   * Locks those of the candidates that are still queued and not locked by another instance, and
   * leases them. The candidates are read first without a lock: H2 locks every row a {@code FOR
   * UPDATE} query matches before it applies the limit, which made each claim scan the whole queue.
   */
  private List<OutboxRow> lockAndLease(
      String owner,
      long accountId,
      String kind,
      List<Long> candidateIds,
      Instant now,
      int limit,
      Duration lease) {
    return dsl.transactionResult(
        tx -> {
          DSLContext t = tx.dsl();
          // Only the key in the condition, so that every database locks exactly these rows by
          // the primary key; whether each is still queued and due is checked here.
          List<OutboxRow> candidates =
              t
                  .select(
                      ACTION_OUTBOX.ID,
                      ACTION_OUTBOX.ACCOUNT_ID,
                      ACTION_OUTBOX.KIND,
                      ACTION_OUTBOX.PAYLOAD,
                      ACTION_OUTBOX.ATTEMPTS,
                      ACTION_OUTBOX.ENTITY_ID,
                      ACTION_OUTBOX.STATE,
                      ACTION_OUTBOX.NEXT_ATTEMPT_AT)
                  .from(ACTION_OUTBOX)
                  .where(ACTION_OUTBOX.ACCOUNT_ID.eq(accountId))
                  .and(ACTION_OUTBOX.ID.in(candidateIds))
                  .orderBy(ACTION_OUTBOX.ID)
                  .forUpdate()
                  .skipLocked()
                  .fetch()
                  .stream()
                  .filter(r -> QUEUED.equals(r.value7()) && !r.value8().isAfter(now))
                  .map(
                      r ->
                          new OutboxRow(
                              r.value1(),
                              r.value2(),
                              r.value3(),
                              r.value4(),
                              r.value5(),
                              r.value6()))
                  .toList();
          if (candidates.isEmpty()) {
            return List.of();
          }
          Set<Long> entities = new HashSet<>();
          candidates.forEach(c -> entities.add(c.entityId()));
          entities.remove(null);
          Map<Long, Long> firstOfEntity =
              entities.isEmpty()
                  ? Map.of()
                  : t.select(ACTION_OUTBOX.ENTITY_ID, DSL.min(ACTION_OUTBOX.ID))
                      .from(ACTION_OUTBOX)
                      .where(ACTION_OUTBOX.ACCOUNT_ID.eq(accountId))
                      .and(ACTION_OUTBOX.KIND.eq(kind))
                      .and(ACTION_OUTBOX.ENTITY_ID.in(entities))
                      .and(ACTION_OUTBOX.STATE.in(QUEUED, CLAIMED, SENDING))
                      .groupBy(ACTION_OUTBOX.ENTITY_ID)
                      .fetchMap(ACTION_OUTBOX.ENTITY_ID, DSL.min(ACTION_OUTBOX.ID));
          List<OutboxRow> claimed = new ArrayList<>();
          for (OutboxRow candidate : candidates) {
            Long entity = candidate.entityId();
            if (entity == null || Long.valueOf(candidate.id()).equals(firstOfEntity.get(entity))) {
              claimed.add(candidate);
              if (claimed.size() == limit) {
                break;
              }
            }
          }
          if (claimed.isEmpty()) {
            return List.of();
          }
          t.update(ACTION_OUTBOX)
              .set(ACTION_OUTBOX.STATE, CLAIMED)
              .set(ACTION_OUTBOX.CLAIMED_BY, owner)
              .set(ACTION_OUTBOX.CLAIMED_UNTIL_AT, now.plus(lease))
              .where(ACTION_OUTBOX.ACCOUNT_ID.eq(accountId))
              .and(ACTION_OUTBOX.ID.in(claimed.stream().map(OutboxRow::id).toList()))
              .execute();
          return claimed;
        });
  }

  /** What {@link #releaseExpiredClaims} did: rows queued again, and creates parked. */
  public record Released(int requeued, int parked) {}

  /**
   * Rows whose executor's lease ran out (it crashed or hung): those it had not begun to send, and
   * updates (sending one again changes nothing), go back to the queue; creates it was sending are
   * parked, because amoCRM may have made them and a second request would make a duplicate.
   */
  public Released releaseExpiredClaims(Instant now) {
    int parked =
        dsl.update(ACTION_OUTBOX)
            .set(ACTION_OUTBOX.STATE, PARKED)
            .set(ACTION_OUTBOX.ATTEMPTS, ACTION_OUTBOX.ATTEMPTS.plus(1))
            .set(ACTION_OUTBOX.LAST_ERROR, LOST_CREATE)
            .set(ACTION_OUTBOX.DONE_AT, now)
            .setNull(ACTION_OUTBOX.CLAIMED_BY)
            .setNull(ACTION_OUTBOX.CLAIMED_UNTIL_AT)
            .where(ACTION_OUTBOX.STATE.eq(SENDING))
            .and(ACTION_OUTBOX.KIND.in(CREATES))
            .and(ACTION_OUTBOX.CLAIMED_UNTIL_AT.lt(now))
            .execute();
    int requeued =
        dsl.update(ACTION_OUTBOX)
            .set(ACTION_OUTBOX.STATE, QUEUED)
            .setNull(ACTION_OUTBOX.CLAIMED_BY)
            .setNull(ACTION_OUTBOX.CLAIMED_UNTIL_AT)
            .where(ACTION_OUTBOX.STATE.in(CLAIMED, SENDING))
            .and(ACTION_OUTBOX.CLAIMED_UNTIL_AT.lt(now))
            .execute();
    return new Released(requeued, parked);
  }

  /**
   * Marks claimed creates as being sent, in a commit of their own before the request: from here on
   * a lost executor's rows are parked, not sent again (see {@link #releaseExpiredClaims}).
   */
  public void markSending(String owner, long accountId, Collection<Long> ids) {
    dsl.update(ACTION_OUTBOX)
        .set(ACTION_OUTBOX.STATE, SENDING)
        .where(ACTION_OUTBOX.ACCOUNT_ID.eq(accountId))
        .and(ACTION_OUTBOX.ID.in(ids))
        .and(ACTION_OUTBOX.CLAIMED_BY.eq(owner))
        .execute();
  }

  /** amoCRM applied an action; {@code result} is what it answered (e.g. the new task's id). */
  public record Sent(long id, String result) {}

  /**
   * Marks rows done with their results in one statement: a batch's bookkeeping is one round trip,
   * not fifty.
   */
  public void markDone(String owner, long accountId, Collection<Sent> sent, Instant now) {
    if (sent.isEmpty()) {
      return;
    }
    var results = DSL.choose(ACTION_OUTBOX.ID);
    org.jooq.CaseWhenStep<Long, String> cases = null;
    for (Sent s : sent) {
      cases =
          cases == null
              ? results.when(s.id(), DSL.val(s.result(), ACTION_OUTBOX.RESULT))
              : cases.when(s.id(), DSL.val(s.result(), ACTION_OUTBOX.RESULT));
    }
    dsl.update(ACTION_OUTBOX)
        .set(ACTION_OUTBOX.STATE, DONE)
        .set(ACTION_OUTBOX.ATTEMPTS, ACTION_OUTBOX.ATTEMPTS.plus(1))
        .set(ACTION_OUTBOX.RESULT, cases.otherwise(ACTION_OUTBOX.RESULT))
        .set(ACTION_OUTBOX.DONE_AT, now)
        .setNull(ACTION_OUTBOX.CLAIMED_BY)
        .setNull(ACTION_OUTBOX.CLAIMED_UNTIL_AT)
        .where(ACTION_OUTBOX.ACCOUNT_ID.eq(accountId))
        .and(ACTION_OUTBOX.ID.in(sent.stream().map(Sent::id).toList()))
        .and(ACTION_OUTBOX.CLAIMED_BY.eq(owner))
        .execute();
  }

  /** amoCRM refused the action itself: it is not tried again. */
  public void markFailed(String owner, long accountId, long id, String error, Instant now) {
    dsl.update(ACTION_OUTBOX)
        .set(ACTION_OUTBOX.STATE, FAILED)
        .set(ACTION_OUTBOX.ATTEMPTS, ACTION_OUTBOX.ATTEMPTS.plus(1))
        .set(ACTION_OUTBOX.LAST_ERROR, truncate(error))
        .set(ACTION_OUTBOX.DONE_AT, now)
        .setNull(ACTION_OUTBOX.CLAIMED_BY)
        .setNull(ACTION_OUTBOX.CLAIMED_UNTIL_AT)
        .where(ACTION_OUTBOX.ACCOUNT_ID.eq(accountId))
        .and(ACTION_OUTBOX.ID.eq(id))
        .and(ACTION_OUTBOX.CLAIMED_BY.eq(owner))
        .execute();
  }

  /**
   * Counts a failed attempt: the row comes back at {@code retryAt}, or is parked when that was the
   * last attempt or trying again could do harm.
   */
  public void retryLater(
      String owner,
      long accountId,
      OutboxRow row,
      String error,
      Instant retryAt,
      boolean park,
      Instant now) {
    dsl.update(ACTION_OUTBOX)
        .set(ACTION_OUTBOX.STATE, park ? PARKED : QUEUED)
        .set(ACTION_OUTBOX.ATTEMPTS, row.attempts() + 1)
        .set(ACTION_OUTBOX.LAST_ERROR, truncate(error))
        .set(ACTION_OUTBOX.NEXT_ATTEMPT_AT, retryAt)
        .set(ACTION_OUTBOX.DONE_AT, park ? now : null)
        .setNull(ACTION_OUTBOX.CLAIMED_BY)
        .setNull(ACTION_OUTBOX.CLAIMED_UNTIL_AT)
        .where(ACTION_OUTBOX.ACCOUNT_ID.eq(accountId))
        .and(ACTION_OUTBOX.ID.eq(row.id()))
        .and(ACTION_OUTBOX.CLAIMED_BY.eq(owner))
        .execute();
  }

  /** Puts rows back without counting an attempt (their account's traffic is paused). */
  public void defer(String owner, long accountId, Collection<Long> ids, Instant until) {
    defer(owner, accountId, ids, until, null);
  }

  /**
   * Puts rows back without counting an attempt, with why they wait for the audit log ({@code why}
   * null: the last error stays as it was).
   */
  public void defer(String owner, long accountId, Collection<Long> ids, Instant until, String why) {
    dsl.update(ACTION_OUTBOX)
        .set(ACTION_OUTBOX.STATE, QUEUED)
        .set(ACTION_OUTBOX.NEXT_ATTEMPT_AT, until)
        .set(
            ACTION_OUTBOX.LAST_ERROR,
            why == null
                ? ACTION_OUTBOX.LAST_ERROR
                : DSL.val(truncate(why), ACTION_OUTBOX.LAST_ERROR))
        .setNull(ACTION_OUTBOX.CLAIMED_BY)
        .setNull(ACTION_OUTBOX.CLAIMED_UNTIL_AT)
        .where(ACTION_OUTBOX.ACCOUNT_ID.eq(accountId))
        .and(ACTION_OUTBOX.ID.in(ids))
        .and(ACTION_OUTBOX.CLAIMED_BY.eq(owner))
        .execute();
  }

  /**
   * Whether the account waits for an admin to install the integration again (amoCRM refused its
   * refresh token); its actions are kept for then.
   */
  public boolean needsReauth(long accountId) {
    return dsl.fetchExists(
        dsl.selectOne()
            .from(ACCOUNTS)
            .where(ACCOUNTS.ACCOUNT_ID.eq(accountId))
            .and(ACCOUNTS.STATE.eq(AccountState.NEEDS_REAUTH.code())));
  }

  /**
   * Rows of every state but {@code done}, per state: for /health. Done rows are the audit log and
   * grow without bound; the others are few, and the state index finds them without a scan.
   */
  public Map<String, Integer> unfinishedCounts() {
    return dsl.select(ACTION_OUTBOX.STATE, DSL.count())
        .from(ACTION_OUTBOX)
        .where(ACTION_OUTBOX.STATE.in(QUEUED, CLAIMED, SENDING, FAILED, PARKED))
        .groupBy(ACTION_OUTBOX.STATE)
        .fetchMap(ACTION_OUTBOX.STATE, DSL.count());
  }

  /** The same counts for one account. */
  public Map<String, Integer> unfinishedCounts(long accountId) {
    return dsl.select(ACTION_OUTBOX.STATE, DSL.count())
        .from(ACTION_OUTBOX)
        .where(ACTION_OUTBOX.ACCOUNT_ID.eq(accountId))
        .and(ACTION_OUTBOX.STATE.in(QUEUED, CLAIMED, SENDING, FAILED, PARKED))
        .groupBy(ACTION_OUTBOX.STATE)
        .fetchMap(ACTION_OUTBOX.STATE, DSL.count());
  }

  /**
   * The account's audit log, newest first: every action, or one deal's ({@code leadId}), older than
   * the action {@code beforeId} when given (the next page).
   */
  public List<AuditEntry> audit(long accountId, Long leadId, Long beforeId, int limit) {
    return dsl.select(
            ACTION_OUTBOX.ID,
            ACTION_OUTBOX.KIND,
            ACTION_OUTBOX.LEAD_ID,
            ACTION_OUTBOX.AUTOMATION,
            ACTION_OUTBOX.REASON,
            ACTION_OUTBOX.STATE,
            ACTION_OUTBOX.ATTEMPTS,
            ACTION_OUTBOX.CREATED_AT,
            ACTION_OUTBOX.DONE_AT,
            ACTION_OUTBOX.LAST_ERROR)
        .from(ACTION_OUTBOX)
        .where(ACTION_OUTBOX.ACCOUNT_ID.eq(accountId))
        .and(leadId == null ? DSL.noCondition() : ACTION_OUTBOX.LEAD_ID.eq(leadId))
        .and(beforeId == null ? DSL.noCondition() : ACTION_OUTBOX.ID.lt(beforeId))
        .orderBy(ACTION_OUTBOX.ID.desc())
        .limit(limit)
        .fetch(
            r ->
                new AuditEntry(
                    r.value1(),
                    r.value2(),
                    r.value3(),
                    r.value4(),
                    r.value5(),
                    r.value6(),
                    r.value7(),
                    r.value8(),
                    r.value9(),
                    r.value10()));
  }

  private static String truncate(String error) {
    String text = error == null ? "unknown error" : error;
    return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
  }
}
