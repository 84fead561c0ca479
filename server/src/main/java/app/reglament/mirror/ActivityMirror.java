package app.reglament.mirror;

import static app.reglament.db.generated.Tables.ACTIVITY_HEARTBEATS;

import app.reglament.db.generated.tables.records.ActivityHeartbeatsRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;

/**
 * The minutes each user was active in the CRM, one row per user and minute: from the events he made
 * in amoCRM and, later, from the browser extension. A minute already held is never overwritten, so
 * the extension's own heartbeat of a minute stays what it was.
 */
public final class ActivityMirror {
  public static final String SOURCE_EVENT = "event";
  public static final String SOURCE_EXTENSION = "extension";

  private final DSLContext dsl;

  public ActivityMirror(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** Records the minutes not held yet; returns how many were new. */
  public int record(long accountId, List<Rows.Heartbeat> heartbeats) {
    Map<String, ActivityHeartbeatsRecord> distinct = new LinkedHashMap<>();
    for (Rows.Heartbeat h : heartbeats) {
      distinct.putIfAbsent(
          h.userId() + ":" + h.minuteAt().toEpochMilli(),
          new ActivityHeartbeatsRecord(
              accountId, h.userId(), h.minuteAt(), h.source(), h.leadId()));
    }
    return Upserts.insertNew(dsl, List.copyOf(distinct.values()));
  }

  /** A user's active minutes in [from, to), in order. */
  public List<Instant> minutesOf(long accountId, long userId, Instant from, Instant to) {
    return dsl.select(ACTIVITY_HEARTBEATS.MINUTE_AT)
        .from(ACTIVITY_HEARTBEATS)
        .where(ACTIVITY_HEARTBEATS.ACCOUNT_ID.eq(accountId))
        .and(ACTIVITY_HEARTBEATS.USER_ID.eq(userId))
        .and(ACTIVITY_HEARTBEATS.MINUTE_AT.ge(from))
        .and(ACTIVITY_HEARTBEATS.MINUTE_AT.lt(to))
        .orderBy(ACTIVITY_HEARTBEATS.MINUTE_AT)
        .fetch(ACTIVITY_HEARTBEATS.MINUTE_AT);
  }

  /** Every user's active minutes, each list in order. */
  public Map<Long, List<Instant>> minutesPerUser(long accountId) {
    Map<Long, List<Instant>> minutes = new LinkedHashMap<>();
    dsl.select(ACTIVITY_HEARTBEATS.USER_ID, ACTIVITY_HEARTBEATS.MINUTE_AT)
        .from(ACTIVITY_HEARTBEATS)
        .where(ACTIVITY_HEARTBEATS.ACCOUNT_ID.eq(accountId))
        .orderBy(ACTIVITY_HEARTBEATS.USER_ID, ACTIVITY_HEARTBEATS.MINUTE_AT)
        .forEach(r -> minutes.computeIfAbsent(r.value1(), u -> new ArrayList<>()).add(r.value2()));
    return minutes;
  }
}
