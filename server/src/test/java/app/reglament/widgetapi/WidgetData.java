package app.reglament.widgetapi;

import static app.reglament.db.generated.Tables.LEADS;
import static app.reglament.db.generated.Tables.SCORE_DAYS;
import static app.reglament.db.generated.Tables.USERS;
import static app.reglament.db.generated.Tables.VIOLATIONS;

import app.reglament.rules.Indicator;
import java.time.Instant;
import java.time.LocalDate;
import org.jooq.DSLContext;

/** Rows of the mirror and of the engine's output, written directly for the read side to show. */
final class WidgetData {
  private static final Instant SYNCED = Instant.parse("2026-11-01T00:00:00Z");

  private final DSLContext dsl;
  private final long accountId;

  WidgetData(DSLContext dsl, long accountId) {
    this.dsl = dsl;
    this.accountId = accountId;
  }

  WidgetData user(long userId, String name) {
    return user(userId, name, false, true);
  }

  WidgetData user(long userId, String name, boolean admin, boolean active) {
    dsl.insertInto(USERS)
        .set(USERS.ACCOUNT_ID, accountId)
        .set(USERS.USER_ID, userId)
        .set(USERS.NAME, name)
        .set(USERS.IS_ADMIN, admin)
        .set(USERS.IS_ACTIVE, active)
        .set(USERS.UPDATED_AT, SYNCED)
        .execute();
    return this;
  }

  WidgetData lead(long leadId, String name, Long responsibleUserId) {
    dsl.insertInto(LEADS)
        .set(LEADS.ACCOUNT_ID, accountId)
        .set(LEADS.LEAD_ID, leadId)
        .set(LEADS.NAME, name)
        .set(LEADS.RESPONSIBLE_USER_ID, responsibleUserId)
        .set(LEADS.PIPELINE_ID, 7L)
        .set(LEADS.STATUS_ID, 1001L)
        .set(LEADS.CREATED_AT, SYNCED)
        .set(LEADS.UPDATED_AT, SYNCED)
        .set(LEADS.SYNCED_AT, SYNCED)
        .execute();
    return this;
  }

  /** A violation on a deal, open when {@code closedAt} is null; returns its id. */
  long violation(
      Indicator indicator,
      long leadId,
      long userId,
      Instant beganAt,
      Instant closedAt,
      String russian,
      String english) {
    String details =
        "{\"reason\":\"r_"
            + indicator.code()
            + "\",\"ru\":\""
            + russian
            + "\",\"en\":\""
            + english
            + "\",\"day\":\"2026-11-30\",\"details\":{\"lead\":"
            + leadId
            + "}}";
    dsl.insertInto(VIOLATIONS)
        .set(VIOLATIONS.ACCOUNT_ID, accountId)
        .set(VIOLATIONS.INDICATOR, indicator.code())
        .set(VIOLATIONS.SEVERITY, "warning")
        .set(VIOLATIONS.SUBJECT_KEY, "lead:" + leadId)
        .set(VIOLATIONS.SCOPE, "lead:" + leadId)
        .set(VIOLATIONS.LEAD_ID, leadId)
        .set(VIOLATIONS.USER_ID, userId)
        .set(VIOLATIONS.DETAILS, details)
        .set(VIOLATIONS.BEGAN_AT, beganAt)
        .set(VIOLATIONS.DETECTED_AT, beganAt)
        .set(VIOLATIONS.CLOSED_AT, closedAt)
        .execute();
    return dsl.select(VIOLATIONS.ID)
        .from(VIOLATIONS)
        .where(
            VIOLATIONS.ACCOUNT_ID.eq(accountId),
            VIOLATIONS.INDICATOR.eq(indicator.code()),
            VIOLATIONS.SUBJECT_KEY.eq("lead:" + leadId),
            VIOLATIONS.BEGAN_AT.eq(beganAt))
        .fetchOne(VIOLATIONS.ID);
  }

  WidgetData counters(
      long userId, LocalDate day, Indicator indicator, int applicable, int violated) {
    dsl.insertInto(SCORE_DAYS)
        .set(SCORE_DAYS.ACCOUNT_ID, accountId)
        .set(SCORE_DAYS.USER_ID, userId)
        .set(SCORE_DAYS.SCORE_DAY, (int) day.toEpochDay())
        .set(SCORE_DAYS.INDICATOR, indicator.code())
        .set(SCORE_DAYS.APPLICABLE, applicable)
        .set(SCORE_DAYS.VIOLATED, violated)
        .execute();
    return this;
  }
}
