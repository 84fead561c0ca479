package app.reglament.sync;

import static app.reglament.db.generated.Tables.ACCOUNTS;

import app.reglament.account.AccountState;
import app.reglament.web.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Per-account synchronization state in the accounts table: the status document, the cursors of
 * reconciliation, and a lease so that one instance at a time synchronizes an account.
 */
public final class SyncStateRepository {
  private static final ObjectMapper JSON = Json.mapper();

  private final DSLContext dsl;

  public SyncStateRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  /**
   * Cursors of the last completed pulls; all empty until the initial sync finished. {@code notes}
   * is also empty for an account synced before notes were mirrored.
   */
  public record Cursors(
      Optional<Instant> leads,
      Optional<Instant> tasks,
      Optional<Instant> events,
      Optional<Instant> notes) {
    boolean initialDone() {
      return leads.isPresent();
    }
  }

  public Optional<SyncStatus> status(long accountId) {
    return dsl.select(ACCOUNTS.SYNC_STATUS)
        .from(ACCOUNTS)
        .where(ACCOUNTS.ACCOUNT_ID.eq(accountId))
        .fetchOptional(ACCOUNTS.SYNC_STATUS)
        .map(SyncStateRepository::parse);
  }

  public void saveStatus(long accountId, SyncStatus status) {
    dsl.update(ACCOUNTS)
        .set(ACCOUNTS.SYNC_STATUS, write(status))
        .where(ACCOUNTS.ACCOUNT_ID.eq(accountId))
        .execute();
  }

  /** Queues a full synchronization (a fresh installation or a re-installation). */
  public void queueInitial(long accountId, Instant now) {
    dsl.update(ACCOUNTS)
        .set(ACCOUNTS.SYNC_STATUS, write(SyncStatus.queued()))
        .setNull(ACCOUNTS.LEADS_CURSOR_AT)
        .setNull(ACCOUNTS.TASKS_CURSOR_AT)
        .setNull(ACCOUNTS.EVENTS_CURSOR_AT)
        .setNull(ACCOUNTS.NOTES_CURSOR_AT)
        .set(ACCOUNTS.SYNC_DUE_AT, now)
        .where(ACCOUNTS.ACCOUNT_ID.eq(accountId))
        .execute();
  }

  public Cursors cursors(long accountId) {
    return dsl.select(
            ACCOUNTS.LEADS_CURSOR_AT,
            ACCOUNTS.TASKS_CURSOR_AT,
            ACCOUNTS.EVENTS_CURSOR_AT,
            ACCOUNTS.NOTES_CURSOR_AT)
        .from(ACCOUNTS)
        .where(ACCOUNTS.ACCOUNT_ID.eq(accountId))
        .fetchOptional(
            r ->
                new Cursors(
                    Optional.ofNullable(r.value1()),
                    Optional.ofNullable(r.value2()),
                    Optional.ofNullable(r.value3()),
                    Optional.ofNullable(r.value4())))
        .orElse(
            new Cursors(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
  }

  /** Moves every cursor to {@code at}: everything changed before it has been pulled. */
  public void saveCursors(long accountId, Instant at) {
    dsl.update(ACCOUNTS)
        .set(ACCOUNTS.LEADS_CURSOR_AT, at)
        .set(ACCOUNTS.TASKS_CURSOR_AT, at)
        .set(ACCOUNTS.EVENTS_CURSOR_AT, at)
        .set(ACCOUNTS.NOTES_CURSOR_AT, at)
        .where(ACCOUNTS.ACCOUNT_ID.eq(accountId))
        .execute();
  }

  public void saveNotesCursor(long accountId, Instant notes) {
    dsl.update(ACCOUNTS)
        .set(ACCOUNTS.NOTES_CURSOR_AT, notes)
        .where(ACCOUNTS.ACCOUNT_ID.eq(accountId))
        .execute();
  }

  /**
   * Records where the account's event history in the mirror begins. Only the first call counts: a
   * later full sync reads a window that starts later, but the events before it are still held.
   */
  public void markHistoryFrom(long accountId, Instant from) {
    dsl.update(ACCOUNTS)
        .set(ACCOUNTS.HISTORY_FROM_AT, from)
        .where(ACCOUNTS.ACCOUNT_ID.eq(accountId))
        .and(ACCOUNTS.HISTORY_FROM_AT.isNull())
        .execute();
  }

  /** The first moment of the account's event history in the mirror, once the initial sync ran. */
  public Optional<Instant> historyFrom(long accountId) {
    return Optional.ofNullable(
        dsl.fetchValue(
            dsl.select(ACCOUNTS.HISTORY_FROM_AT)
                .from(ACCOUNTS)
                .where(ACCOUNTS.ACCOUNT_ID.eq(accountId))));
  }

  public void saveEventsCursor(long accountId, Instant events) {
    dsl.update(ACCOUNTS)
        .set(ACCOUNTS.EVENTS_CURSOR_AT, events)
        .where(ACCOUNTS.ACCOUNT_ID.eq(accountId))
        .execute();
  }

  /**
   * Leases the active accounts whose synchronization is due to {@code owner}. The UPDATE is atomic,
   * so of several instances exactly one wins each account; a lease that ran out (its instance died)
   * is taken over.
   */
  public List<Long> claimDue(String owner, Instant now, Duration lease, int limit) {
    List<Long> candidates =
        dsl.select(ACCOUNTS.ACCOUNT_ID)
            .from(ACCOUNTS)
            .where(ACCOUNTS.STATE.eq(AccountState.ACTIVE.code()))
            .and(ACCOUNTS.SYNC_DUE_AT.le(now))
            .and(ACCOUNTS.SYNC_LEASE_UNTIL_AT.isNull().or(ACCOUNTS.SYNC_LEASE_UNTIL_AT.lt(now)))
            .orderBy(ACCOUNTS.SYNC_DUE_AT)
            .limit(limit)
            .fetch(ACCOUNTS.ACCOUNT_ID);
    return candidates.stream()
        .filter(
            accountId ->
                dsl.update(ACCOUNTS)
                        .set(ACCOUNTS.SYNC_OWNER, owner)
                        .set(ACCOUNTS.SYNC_LEASE_UNTIL_AT, now.plus(lease))
                        .where(ACCOUNTS.ACCOUNT_ID.eq(accountId))
                        .and(ACCOUNTS.SYNC_DUE_AT.le(now))
                        .and(
                            ACCOUNTS
                                .SYNC_LEASE_UNTIL_AT
                                .isNull()
                                .or(ACCOUNTS.SYNC_LEASE_UNTIL_AT.lt(now)))
                        .execute()
                    == 1)
        .toList();
  }

  public void extendLease(long accountId, String owner, Instant until) {
    dsl.update(ACCOUNTS)
        .set(ACCOUNTS.SYNC_LEASE_UNTIL_AT, until)
        .where(ACCOUNTS.ACCOUNT_ID.eq(accountId))
        .and(ACCOUNTS.SYNC_OWNER.eq(owner))
        .execute();
  }

  /** Ends a lease and says when the account is due next. */
  public void release(long accountId, String owner, Instant nextDue) {
    dsl.update(ACCOUNTS)
        .setNull(ACCOUNTS.SYNC_OWNER)
        .setNull(ACCOUNTS.SYNC_LEASE_UNTIL_AT)
        .set(ACCOUNTS.SYNC_DUE_AT, nextDue)
        .where(ACCOUNTS.ACCOUNT_ID.eq(accountId))
        .and(ACCOUNTS.SYNC_OWNER.eq(owner))
        .execute();
  }

  private static SyncStatus parse(String json) {
    if (json == null) {
      return SyncStatus.queued();
    }
    try {
      return JSON.readValue(json, SyncStatus.class);
    } catch (JsonProcessingException e) {
      return SyncStatus.queued()
          .failed("unreadable status: " + e.getOriginalMessage(), Instant.EPOCH);
    }
  }

  private static String write(SyncStatus status) {
    try {
      return JSON.writeValueAsString(status);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A SyncStatus always serializes", e);
    }
  }
}
