package app.reglament.mirror;

import static app.reglament.db.generated.Tables.LEAD_CONTACTS;
import static app.reglament.db.generated.Tables.RULE_DIRTY;
import static app.reglament.db.generated.Tables.TASKS;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.jooq.DSLContext;

/**
 * Tells the rules engine which deals' facts changed: every mirror write that can change a verdict
 * marks the deals it touched once its data is written, and the evaluation worker drains the marks.
 * A mark written again gets a higher version, so a change made while the worker evaluates is not
 * lost, whatever the clocks of the instances say.
 */
final class DirtyLeads {
  private DirtyLeads() {}

  static void mark(DSLContext dsl, long accountId, Collection<Long> leadIds, Instant now) {
    if (leadIds.isEmpty()) {
      return;
    }
    dsl.batch(
            new TreeSet<>(leadIds)
                .stream()
                    .map(
                        id ->
                            dsl.insertInto(RULE_DIRTY)
                                .set(RULE_DIRTY.ACCOUNT_ID, accountId)
                                .set(RULE_DIRTY.LEAD_ID, id)
                                .set(RULE_DIRTY.MARKED_AT, now)
                                .set(RULE_DIRTY.VERSION, 1L)
                                .onDuplicateKeyUpdate()
                                .set(RULE_DIRTY.MARKED_AT, now)
                                .set(RULE_DIRTY.VERSION, RULE_DIRTY.VERSION.plus(1)))
                    .toList())
        .execute();
  }

  /** Marks the deals these tasks are on. */
  static void markTasks(DSLContext dsl, long accountId, Collection<Long> taskIds, Instant now) {
    if (taskIds.isEmpty()) {
      return;
    }
    List<Long> leads =
        dsl.selectDistinct(TASKS.ENTITY_ID)
            .from(TASKS)
            .where(
                TASKS.ACCOUNT_ID.eq(accountId),
                TASKS.TASK_ID.in(taskIds),
                TASKS.ENTITY_TYPE.eq("leads"))
            .fetch(TASKS.ENTITY_ID);
    mark(dsl, accountId, leads, now);
  }

  /** Marks the deals of these contacts (a contact's name or communication concerns its deals). */
  static void markContacts(
      DSLContext dsl, long accountId, Collection<Long> contactIds, Instant now) {
    if (contactIds.isEmpty()) {
      return;
    }
    List<Long> leads =
        dsl.selectDistinct(LEAD_CONTACTS.LEAD_ID)
            .from(LEAD_CONTACTS)
            .where(LEAD_CONTACTS.ACCOUNT_ID.eq(accountId), LEAD_CONTACTS.CONTACT_ID.in(contactIds))
            .fetch(LEAD_CONTACTS.LEAD_ID);
    mark(dsl, accountId, leads, now);
  }
}
