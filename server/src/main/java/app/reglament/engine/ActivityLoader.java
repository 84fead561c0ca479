package app.reglament.engine;

import static app.reglament.db.generated.Tables.ACCOUNTS;
import static app.reglament.db.generated.Tables.ACTIVITY_HEARTBEATS;

import app.reglament.rules.facts.ManagerActivity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;

/** A manager's activity minutes: the extension's heartbeats and the events he made in amoCRM. */
final class ActivityLoader {
  /** How far back manager-days are judged. */
  static final Duration WINDOW = Duration.ofDays(35);

  static final String EVENT_SOURCE = "event";

  private final DSLContext dsl;

  ActivityLoader(DSLContext dsl) {
    this.dsl = dsl;
  }

  /**
   * The start of the event history Reglament holds for the account (the initial sync's events
   * window; never before {@link #WINDOW}).
   */
  Instant historyFrom(long accountId, Instant now) {
    Instant floor = now.minus(WINDOW);
    Instant from = recordedHistoryFrom(accountId);
    return from.isBefore(floor) ? floor : from;
  }

  /**
   * The start of the event history the account's mirror holds, as recorded (the initial sync's
   * events window, or 30 days before the install); events before it are not judged.
   */
  Instant recordedHistoryFrom(long accountId) {
    return dsl.select(ACCOUNTS.HISTORY_FROM_AT, ACCOUNTS.INSTALLED_AT)
        .from(ACCOUNTS)
        .where(ACCOUNTS.ACCOUNT_ID.eq(accountId))
        .fetchOptional(r -> r.value1() != null ? r.value1() : r.value2().minus(Duration.ofDays(30)))
        .orElse(Instant.MIN);
  }

  ManagerActivity of(long accountId, long userId, Instant historyFrom, Instant now) {
    List<Instant> heartbeats = new ArrayList<>();
    List<Instant> events = new ArrayList<>();
    dsl.select(ACTIVITY_HEARTBEATS.MINUTE_AT, ACTIVITY_HEARTBEATS.SOURCE)
        .from(ACTIVITY_HEARTBEATS)
        .where(
            ACTIVITY_HEARTBEATS.ACCOUNT_ID.eq(accountId),
            ACTIVITY_HEARTBEATS.USER_ID.eq(userId),
            ACTIVITY_HEARTBEATS.MINUTE_AT.between(historyFrom.minus(Duration.ofDays(1)), now))
        .orderBy(ACTIVITY_HEARTBEATS.MINUTE_AT)
        .forEach(r -> (EVENT_SOURCE.equals(r.value2()) ? events : heartbeats).add(r.value1()));
    return new ManagerActivity(userId, historyFrom, heartbeats, events);
  }
}
