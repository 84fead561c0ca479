package app.reglament.inbox;

import static app.reglament.db.generated.Tables.WEBHOOK_INBOX;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.SQLStateClass;
import org.jooq.impl.DSL;

/**
 * The webhook inbox: bodies are committed here before amoCRM gets its 200, then claimed by workers.
 * Claims use SELECT ... FOR UPDATE SKIP LOCKED, so instances sharing the database never take the
 * same row; a claim is a lease, and a row whose worker died returns to the queue when the lease
 * runs out.
 */
public final class InboxRepository {
  static final String PENDING = "pending";
  static final String CLAIMED = "claimed";
  static final String DONE = "done";
  static final String PARKED = "parked";
  static final int MAX_ERROR_LENGTH = 4000;

  private final DSLContext dsl;

  public InboxRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  /**
   * Stores a body for the account unless the very same body was stored before (amoCRM redelivers).
   *
   * @return true when the body is new
   */
  public boolean accept(long accountId, String body, Instant now) {
    try {
      dsl.insertInto(WEBHOOK_INBOX)
          .set(WEBHOOK_INBOX.ACCOUNT_ID, accountId)
          .set(WEBHOOK_INBOX.BODY, body)
          .set(WEBHOOK_INBOX.BODY_SHA256, sha256(body))
          .set(WEBHOOK_INBOX.STATE, PENDING)
          .set(WEBHOOK_INBOX.RECEIVED_AT, now)
          .set(WEBHOOK_INBOX.NEXT_ATTEMPT_AT, now)
          .execute();
      return true;
    } catch (DataAccessException e) {
      // A plain insert that may hit the unique key: an "insert or ignore" is emulated on H2 by a
      // MERGE that scans the whole table, which would make every webhook slower than the last.
      if (e.sqlStateClass() == SQLStateClass.C23_INTEGRITY_CONSTRAINT_VIOLATION) {
        return false;
      }
      throw e;
    }
  }

  /** Takes up to {@code limit} due rows for {@code owner} until {@code now + lease}. */
  public List<InboxRow> claim(String owner, Instant now, int limit, Duration lease) {
    return claim(owner, now, limit, lease, Set.of());
  }

  /**
   * As {@link #claim(String, Instant, int, Duration)}, leaving out accounts this worker is busy
   * with, so one slow account occupies one processing slot and never holds the others back.
   */
  public List<InboxRow> claim(
      String owner, Instant now, int limit, Duration lease, Set<Long> skipAccounts) {
    return dsl.transactionResult(
        tx -> {
          DSLContext t = tx.dsl();
          List<Long> ids =
              t.select(WEBHOOK_INBOX.ID)
                  .from(WEBHOOK_INBOX)
                  .where(WEBHOOK_INBOX.STATE.eq(PENDING))
                  .and(WEBHOOK_INBOX.NEXT_ATTEMPT_AT.le(now))
                  .and(
                      skipAccounts.isEmpty()
                          ? DSL.noCondition()
                          : WEBHOOK_INBOX.ACCOUNT_ID.notIn(skipAccounts))
                  .orderBy(WEBHOOK_INBOX.NEXT_ATTEMPT_AT, WEBHOOK_INBOX.ID)
                  .limit(limit)
                  .forUpdate()
                  .skipLocked()
                  .fetch(WEBHOOK_INBOX.ID);
          if (ids.isEmpty()) {
            return List.of();
          }
          t.update(WEBHOOK_INBOX)
              .set(WEBHOOK_INBOX.STATE, CLAIMED)
              .set(WEBHOOK_INBOX.CLAIMED_BY, owner)
              .set(WEBHOOK_INBOX.CLAIMED_UNTIL_AT, now.plus(lease))
              .where(WEBHOOK_INBOX.ID.in(ids))
              .execute();
          return t.select(
                  WEBHOOK_INBOX.ID,
                  WEBHOOK_INBOX.ACCOUNT_ID,
                  WEBHOOK_INBOX.BODY,
                  WEBHOOK_INBOX.ATTEMPTS,
                  WEBHOOK_INBOX.RECEIVED_AT)
              .from(WEBHOOK_INBOX)
              .where(WEBHOOK_INBOX.ID.in(ids))
              .orderBy(WEBHOOK_INBOX.ID)
              .fetch(r -> new InboxRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
        });
  }

  /** Returns rows whose worker's lease ran out (it crashed or hung) to the queue. */
  public int releaseExpiredClaims(Instant now) {
    return dsl.update(WEBHOOK_INBOX)
        .set(WEBHOOK_INBOX.STATE, PENDING)
        .setNull(WEBHOOK_INBOX.CLAIMED_BY)
        .setNull(WEBHOOK_INBOX.CLAIMED_UNTIL_AT)
        .where(WEBHOOK_INBOX.STATE.eq(CLAIMED))
        .and(WEBHOOK_INBOX.CLAIMED_UNTIL_AT.lt(now))
        .execute();
  }

  /**
   * Marks rows done. Like every completion below it only touches rows still claimed by {@code
   * owner}: if a lease ran out and another worker took a row, the later outcome is theirs.
   */
  public void markDone(String owner, long accountId, Collection<Long> ids, Instant now) {
    dsl.update(WEBHOOK_INBOX)
        .set(WEBHOOK_INBOX.STATE, DONE)
        .set(WEBHOOK_INBOX.ATTEMPTS, WEBHOOK_INBOX.ATTEMPTS.plus(1))
        .set(WEBHOOK_INBOX.PROCESSED_AT, now)
        .setNull(WEBHOOK_INBOX.CLAIMED_BY)
        .setNull(WEBHOOK_INBOX.CLAIMED_UNTIL_AT)
        .setNull(WEBHOOK_INBOX.LAST_ERROR)
        .where(WEBHOOK_INBOX.ACCOUNT_ID.eq(accountId))
        .and(WEBHOOK_INBOX.ID.in(ids))
        .and(WEBHOOK_INBOX.CLAIMED_BY.eq(owner))
        .execute();
  }

  /**
   * Counts a failed attempt: the row comes back at {@code retryAt}, or is parked if that was the
   * last.
   */
  public void markFailed(
      String owner, long accountId, InboxRow row, String error, Instant retryAt, boolean park) {
    dsl.update(WEBHOOK_INBOX)
        .set(WEBHOOK_INBOX.STATE, park ? PARKED : PENDING)
        .set(WEBHOOK_INBOX.ATTEMPTS, row.attempts() + 1)
        .set(WEBHOOK_INBOX.LAST_ERROR, truncate(error))
        .set(WEBHOOK_INBOX.NEXT_ATTEMPT_AT, retryAt)
        .setNull(WEBHOOK_INBOX.CLAIMED_BY)
        .setNull(WEBHOOK_INBOX.CLAIMED_UNTIL_AT)
        .where(WEBHOOK_INBOX.ACCOUNT_ID.eq(accountId))
        .and(WEBHOOK_INBOX.ID.eq(row.id()))
        .and(WEBHOOK_INBOX.CLAIMED_BY.eq(owner))
        .execute();
  }

  /** Puts rows back without counting an attempt (their account's traffic is paused). */
  public void defer(String owner, long accountId, Collection<Long> ids, Instant until) {
    dsl.update(WEBHOOK_INBOX)
        .set(WEBHOOK_INBOX.STATE, PENDING)
        .set(WEBHOOK_INBOX.NEXT_ATTEMPT_AT, until)
        .setNull(WEBHOOK_INBOX.CLAIMED_BY)
        .setNull(WEBHOOK_INBOX.CLAIMED_UNTIL_AT)
        .where(WEBHOOK_INBOX.ACCOUNT_ID.eq(accountId))
        .and(WEBHOOK_INBOX.ID.in(ids))
        .and(WEBHOOK_INBOX.CLAIMED_BY.eq(owner))
        .execute();
  }

  /**
   * Deletes done rows processed before {@code before}, at most {@code limit} of them. Keeping them
   * a while lets redeliveries of the same body be recognized; forever would grow without bound.
   */
  public int purgeDone(Instant before, int limit) {
    List<Long> ids =
        dsl.select(WEBHOOK_INBOX.ID)
            .from(WEBHOOK_INBOX)
            .where(WEBHOOK_INBOX.STATE.eq(DONE))
            .and(WEBHOOK_INBOX.PROCESSED_AT.lt(before))
            .limit(limit)
            .fetch(WEBHOOK_INBOX.ID);
    return ids.isEmpty()
        ? 0
        : dsl.deleteFrom(WEBHOOK_INBOX).where(WEBHOOK_INBOX.ID.in(ids)).execute();
  }

  /** Row counts per state, for /health and metrics. */
  public Map<String, Integer> countsByState() {
    return dsl.select(WEBHOOK_INBOX.STATE, DSL.count())
        .from(WEBHOOK_INBOX)
        .groupBy(WEBHOOK_INBOX.STATE)
        .fetchMap(WEBHOOK_INBOX.STATE, DSL.count());
  }

  /** The parked rows of one account with their errors, newest first. */
  public List<Parked> parked(long accountId, int limit) {
    return dsl.select(
            WEBHOOK_INBOX.ID,
            WEBHOOK_INBOX.ATTEMPTS,
            WEBHOOK_INBOX.LAST_ERROR,
            WEBHOOK_INBOX.RECEIVED_AT)
        .from(WEBHOOK_INBOX)
        .where(WEBHOOK_INBOX.ACCOUNT_ID.eq(accountId))
        .and(WEBHOOK_INBOX.STATE.eq(PARKED))
        .orderBy(WEBHOOK_INBOX.ID.desc())
        .limit(limit)
        .fetch(r -> new Parked(r.value1(), r.value2(), r.value3(), r.value4()));
  }

  public record Parked(long id, int attempts, String error, Instant receivedAt) {}

  private static String truncate(String error) {
    String text = error == null ? "unknown error" : error;
    return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
  }

  static String sha256(String body) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
