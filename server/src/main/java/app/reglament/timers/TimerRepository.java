package app.reglament.timers;

import static app.reglament.db.generated.Tables.TIMERS;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.SQLStateClass;
import org.jooq.impl.DSL;

/**
 * The {@code timers} table. Scheduling is an upsert of the timer's name; firing is a claim with
 * {@code SELECT ... FOR UPDATE SKIP LOCKED} and a lease, and a timer is marked fired only by the
 * instance still holding it, so with several instances each timer fires on one of them.
 */
public final class TimerRepository implements Timers {
  static final String SCHEDULED = "scheduled";
  static final String CLAIMED = "claimed";
  static final String FIRED = "fired";
  static final String CANCELLED = "cancelled";
  static final String PARKED = "parked";
  static final int MAX_ERROR_LENGTH = 4000;
  static final int MAX_KEY_LENGTH = 191;

  private final DSLContext dsl;
  private final java.time.Clock clock;

  public TimerRepository(DSLContext dsl, java.time.Clock clock) {
    this.dsl = dsl;
    this.clock = clock;
  }

  /**
   * Arms the timer for {@code dueAt}, replacing its earlier due time if it has not fired (a firing
   * in progress does not count: the timer is armed again). Scheduling a timer again for the very
   * moment at which it already fired does nothing, so a replayed trigger never fires it twice;
   * another moment arms it anew.
   */
  @Override
  public void schedule(DSLContext tx, long accountId, String kind, String key, Instant dueAt) {
    if (key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
      throw new IllegalArgumentException(
          "A timer key of 1 to " + MAX_KEY_LENGTH + " characters is required");
    }
    for (int attempt = 0; attempt < 2; attempt++) {
      if (rearm(tx, accountId, kind, key, dueAt) > 0) {
        return;
      }
      try {
        tx.insertInto(TIMERS)
            .set(TIMERS.ACCOUNT_ID, accountId)
            .set(TIMERS.KIND, kind)
            .set(TIMERS.TIMER_KEY, key)
            .set(TIMERS.STATE, SCHEDULED)
            .set(TIMERS.DUE_AT, dueAt)
            .set(TIMERS.NEXT_ATTEMPT_AT, dueAt)
            .set(TIMERS.ATTEMPTS, 0)
            .set(TIMERS.CREATED_AT, clock.instant())
            .execute();
        return;
      } catch (DataAccessException e) {
        // The name exists: it fired at this very moment (nothing to do), or another transaction
        // inserted it just now (the second round re-arms it).
        if (e.sqlStateClass() != SQLStateClass.C23_INTEGRITY_CONSTRAINT_VIOLATION) {
          throw e;
        }
      }
    }
  }

  private static int rearm(DSLContext tx, long accountId, String kind, String key, Instant dueAt) {
    return tx.update(TIMERS)
        .set(TIMERS.STATE, SCHEDULED)
        .set(TIMERS.DUE_AT, dueAt)
        .set(TIMERS.NEXT_ATTEMPT_AT, dueAt)
        .set(TIMERS.ATTEMPTS, 0)
        .setNull(TIMERS.LAST_ERROR)
        .setNull(TIMERS.CLAIMED_BY)
        .setNull(TIMERS.CLAIMED_UNTIL_AT)
        .setNull(TIMERS.FIRED_AT)
        .where(named(accountId, kind, key))
        .andNot(TIMERS.STATE.eq(FIRED).and(TIMERS.DUE_AT.eq(dueAt)))
        .execute();
  }

  @Override
  public void cancel(DSLContext tx, long accountId, String kind, String key) {
    tx.update(TIMERS)
        .set(TIMERS.STATE, CANCELLED)
        .setNull(TIMERS.CLAIMED_BY)
        .setNull(TIMERS.CLAIMED_UNTIL_AT)
        .where(named(accountId, kind, key))
        .and(TIMERS.STATE.in(SCHEDULED, CLAIMED, PARKED))
        .execute();
  }

  /** Takes up to {@code limit} due timers of these kinds for {@code owner} until now + lease. */
  public List<DueTimer> claim(
      String owner, Collection<String> kinds, Instant now, int limit, Duration lease) {
    if (kinds.isEmpty()) {
      return List.of();
    }
    return dsl.transactionResult(
        tx -> {
          DSLContext t = tx.dsl();
          var due =
              t.select(TIMERS.ACCOUNT_ID, TIMERS.KIND, TIMERS.TIMER_KEY)
                  .from(TIMERS)
                  .where(TIMERS.STATE.eq(SCHEDULED))
                  .and(TIMERS.NEXT_ATTEMPT_AT.le(now))
                  .and(TIMERS.KIND.in(kinds))
                  .orderBy(TIMERS.NEXT_ATTEMPT_AT)
                  .limit(limit)
                  .forUpdate()
                  .skipLocked()
                  .fetch();
          if (due.isEmpty()) {
            return List.of();
          }
          Condition any = DSL.falseCondition();
          for (var d : due) {
            any = any.or(named(d.value1(), d.value2(), d.value3()));
          }
          t.update(TIMERS)
              .set(TIMERS.STATE, CLAIMED)
              .set(TIMERS.CLAIMED_BY, owner)
              .set(TIMERS.CLAIMED_UNTIL_AT, now.plus(lease))
              .where(any)
              .execute();
          return t.select(
                  TIMERS.ACCOUNT_ID, TIMERS.KIND, TIMERS.TIMER_KEY, TIMERS.DUE_AT, TIMERS.ATTEMPTS)
              .from(TIMERS)
              .where(any)
              .and(TIMERS.CLAIMED_BY.eq(owner))
              .orderBy(TIMERS.NEXT_ATTEMPT_AT)
              .fetch(r -> new DueTimer(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
        });
  }

  /** Returns timers whose instance's lease ran out (it crashed while firing) to the schedule. */
  public int releaseExpiredClaims(Instant now) {
    return dsl.update(TIMERS)
        .set(TIMERS.STATE, SCHEDULED)
        .setNull(TIMERS.CLAIMED_BY)
        .setNull(TIMERS.CLAIMED_UNTIL_AT)
        .where(TIMERS.STATE.eq(CLAIMED))
        .and(TIMERS.CLAIMED_UNTIL_AT.lt(now))
        .execute();
  }

  /**
   * Marks the timer fired, unless it was re-armed, cancelled or taken over while its handler ran:
   * only the instance holding it may, and only for the due time it fired for.
   */
  public boolean markFired(String owner, DueTimer timer, Instant now) {
    return dsl.update(TIMERS)
            .set(TIMERS.STATE, FIRED)
            .set(TIMERS.ATTEMPTS, timer.attempts() + 1)
            .set(TIMERS.FIRED_AT, now)
            .setNull(TIMERS.CLAIMED_BY)
            .setNull(TIMERS.CLAIMED_UNTIL_AT)
            .setNull(TIMERS.LAST_ERROR)
            .where(named(timer.accountId(), timer.kind(), timer.key()))
            .and(TIMERS.STATE.eq(CLAIMED))
            .and(TIMERS.CLAIMED_BY.eq(owner))
            .and(TIMERS.DUE_AT.eq(timer.dueAt()))
            .execute()
        > 0;
  }

  /** The handler failed: the timer fires again at {@code retryAt}, or is parked. */
  public void markFailed(
      String owner, DueTimer timer, String error, Instant retryAt, boolean park) {
    dsl.update(TIMERS)
        .set(TIMERS.STATE, park ? PARKED : SCHEDULED)
        .set(TIMERS.ATTEMPTS, timer.attempts() + 1)
        .set(TIMERS.LAST_ERROR, truncate(error))
        .set(TIMERS.NEXT_ATTEMPT_AT, retryAt)
        .setNull(TIMERS.CLAIMED_BY)
        .setNull(TIMERS.CLAIMED_UNTIL_AT)
        .where(named(timer.accountId(), timer.kind(), timer.key()))
        .and(TIMERS.STATE.eq(CLAIMED))
        .and(TIMERS.CLAIMED_BY.eq(owner))
        .and(TIMERS.DUE_AT.eq(timer.dueAt()))
        .execute();
  }

  /**
   * Deletes fired and cancelled timers last changed before {@code before}, at most {@code limit}.
   */
  public int purge(Instant before, int limit) {
    var old =
        dsl.select(TIMERS.ACCOUNT_ID, TIMERS.KIND, TIMERS.TIMER_KEY)
            .from(TIMERS)
            .where(TIMERS.STATE.in(FIRED, CANCELLED))
            .and(TIMERS.NEXT_ATTEMPT_AT.lt(before))
            .limit(limit)
            .fetch();
    if (old.isEmpty()) {
      return 0;
    }
    Condition any = DSL.falseCondition();
    for (var o : old) {
      any = any.or(named(o.value1(), o.value2(), o.value3()));
    }
    return dsl.deleteFrom(TIMERS).where(any).and(TIMERS.STATE.in(FIRED, CANCELLED)).execute();
  }

  /** Timers per state, for /health. */
  public Map<String, Integer> countsByState() {
    return dsl.select(TIMERS.STATE, DSL.count())
        .from(TIMERS)
        .where(TIMERS.STATE.in(SCHEDULED, CLAIMED, PARKED))
        .groupBy(TIMERS.STATE)
        .fetchMap(TIMERS.STATE, DSL.count());
  }

  /** The state of one timer, for tests and diagnostics; null when there is none. */
  public String state(long accountId, String kind, String key) {
    return dsl.select(TIMERS.STATE)
        .from(TIMERS)
        .where(named(accountId, kind, key))
        .fetchOne(TIMERS.STATE);
  }

  private static Condition named(long accountId, String kind, String key) {
    return TIMERS.ACCOUNT_ID.eq(accountId).and(TIMERS.KIND.eq(kind)).and(TIMERS.TIMER_KEY.eq(key));
  }

  private static String truncate(String error) {
    String text = error == null ? "unknown error" : error;
    return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
  }
}
