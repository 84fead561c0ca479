package app.reglament.automation;

import static app.reglament.db.generated.Tables.COMMUNICATIONS;
import static app.reglament.db.generated.Tables.LEADS;
import static app.reglament.db.generated.Tables.LEAD_STATUS_HISTORY;
import static app.reglament.db.generated.Tables.STATUSES;
import static app.reglament.db.generated.Tables.USERS;

import app.reglament.account.AccountRepository;
import app.reglament.rules.facts.AccountFacts;
import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;

/** {@link Facts}'s account written into the mirror, and deals into it, for the timer and API. */
final class Mirror {
  private final DSLContext dsl;
  private final long accountId;

  Mirror(DSLContext dsl, long accountId) {
    this.dsl = dsl;
    this.accountId = accountId;
  }

  /** The account installed at {@link Facts#INSTALLED}, with the fixture's users and stages. */
  static Mirror install(DSLContext dsl, long accountId, String baseDomain) {
    new AccountRepository(dsl).install(accountId, baseDomain, Facts.INSTALLED);
    Mirror mirror = new Mirror(dsl, accountId);
    for (AccountFacts.UserFacts u : Facts.ACCOUNT.users().values()) {
      dsl.insertInto(USERS)
          .set(USERS.ACCOUNT_ID, accountId)
          .set(USERS.USER_ID, u.userId())
          .set(USERS.NAME, u.name())
          .set(USERS.IS_ADMIN, u.admin())
          .set(USERS.IS_ACTIVE, u.active())
          .set(USERS.UPDATED_AT, Facts.INSTALLED)
          .execute();
    }
    for (List<AccountFacts.StatusFacts> stages : Facts.ACCOUNT.pipelines().values()) {
      for (AccountFacts.StatusFacts s : stages) {
        dsl.insertInto(STATUSES)
            .set(STATUSES.ACCOUNT_ID, accountId)
            .set(STATUSES.PIPELINE_ID, s.pipelineId())
            .set(STATUSES.STATUS_ID, s.statusId())
            .set(STATUSES.NAME, s.name())
            .set(STATUSES.SORT, s.sort())
            .set(STATUSES.STATUS_TYPE, s.type())
            .execute();
      }
    }
    return mirror;
  }

  Mirror lead(long leadId, String name, long responsible, long statusId, Instant createdAt) {
    dsl.insertInto(LEADS)
        .set(LEADS.ACCOUNT_ID, accountId)
        .set(LEADS.LEAD_ID, leadId)
        .set(LEADS.NAME, name)
        .set(LEADS.RESPONSIBLE_USER_ID, responsible)
        .set(LEADS.PIPELINE_ID, Facts.PIPELINE)
        .set(LEADS.STATUS_ID, statusId)
        .set(LEADS.CREATED_AT, createdAt)
        .set(LEADS.UPDATED_AT, createdAt)
        .set(LEADS.SYNCED_AT, createdAt)
        .execute();
    return this;
  }

  Mirror moved(long leadId, long fromStatus, long toStatus, Instant at) {
    dsl.insertInto(LEAD_STATUS_HISTORY)
        .set(LEAD_STATUS_HISTORY.ACCOUNT_ID, accountId)
        .set(LEAD_STATUS_HISTORY.LEAD_ID, leadId)
        .set(LEAD_STATUS_HISTORY.PIPELINE_ID, Facts.PIPELINE)
        .set(LEAD_STATUS_HISTORY.STATUS_ID, toStatus)
        .set(LEAD_STATUS_HISTORY.OLD_PIPELINE_ID, Facts.PIPELINE)
        .set(LEAD_STATUS_HISTORY.OLD_STATUS_ID, fromStatus)
        .set(LEAD_STATUS_HISTORY.CHANGED_AT, at)
        .set(LEAD_STATUS_HISTORY.SOURCE_KEY, "event:" + leadId + ":" + at.toEpochMilli())
        .execute();
    dsl.update(LEADS)
        .set(LEADS.STATUS_ID, toStatus)
        .set(LEADS.CLOSED_AT, toStatus == 143 || toStatus == 142 ? at : null)
        .where(LEADS.ACCOUNT_ID.eq(accountId), LEADS.LEAD_ID.eq(leadId))
        .execute();
    return this;
  }

  Mirror call(long leadId, long userId, Instant at) {
    dsl.insertInto(COMMUNICATIONS)
        .set(COMMUNICATIONS.ACCOUNT_ID, accountId)
        .set(COMMUNICATIONS.SOURCE_KEY, "event:call:" + leadId + ":" + at.toEpochMilli())
        .set(COMMUNICATIONS.CHANNEL, "call")
        .set(COMMUNICATIONS.DIRECTION, "out")
        .set(COMMUNICATIONS.ENTITY_TYPE, "leads")
        .set(COMMUNICATIONS.ENTITY_ID, leadId)
        .set(COMMUNICATIONS.LEAD_ID, leadId)
        .set(COMMUNICATIONS.USER_ID, userId)
        .set(COMMUNICATIONS.OCCURRED_AT, at)
        .execute();
    return this;
  }
}
