package app.reglament.widgetapi;

import static app.reglament.db.generated.Tables.LEADS;
import static app.reglament.db.generated.Tables.USERS;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;

/** The deals and users the widget names, read from the mirror; every query is account-scoped. */
final class WidgetDirectory {
  private final DSLContext dsl;

  WidgetDirectory(DSLContext dsl) {
    this.dsl = dsl;
  }

  record Lead(long id, String name, Long responsibleUserId) {}

  record User(long id, String name, boolean admin, boolean active) {}

  /** The account's deal, unless it is unknown or deleted. */
  Optional<Lead> lead(long accountId, long leadId) {
    return dsl.select(LEADS.LEAD_ID, LEADS.NAME, LEADS.RESPONSIBLE_USER_ID)
        .from(LEADS)
        .where(LEADS.ACCOUNT_ID.eq(accountId), LEADS.LEAD_ID.eq(leadId), LEADS.IS_DELETED.isFalse())
        .fetchOptional(r -> new Lead(r.value1(), r.value2(), r.value3()));
  }

  /** The names of some of the account's deals, by id (unknown ids are absent). */
  Map<Long, String> leadNames(long accountId, Collection<Long> leadIds) {
    Map<Long, String> names = new HashMap<>();
    if (leadIds.isEmpty()) {
      return names;
    }
    dsl.select(LEADS.LEAD_ID, LEADS.NAME)
        .from(LEADS)
        .where(LEADS.ACCOUNT_ID.eq(accountId), LEADS.LEAD_ID.in(leadIds))
        .forEach(r -> names.put(r.value1(), r.value2()));
    return names;
  }

  Optional<User> user(long accountId, long userId) {
    return dsl.selectFrom(USERS)
        .where(USERS.ACCOUNT_ID.eq(accountId), USERS.USER_ID.eq(userId))
        .fetchOptional(r -> new User(r.getUserId(), r.getName(), r.getIsAdmin(), r.getIsActive()));
  }

  List<User> users(long accountId) {
    return dsl.selectFrom(USERS)
        .where(USERS.ACCOUNT_ID.eq(accountId))
        .orderBy(USERS.NAME, USERS.USER_ID)
        .fetch(r -> new User(r.getUserId(), r.getName(), r.getIsAdmin(), r.getIsActive()));
  }
}
