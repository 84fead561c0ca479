package app.reglament.mirror;

import static app.reglament.db.generated.Tables.LEAD_CONTACTS;
import static app.reglament.db.generated.Tables.TASKS;

import app.reglament.db.generated.tables.records.RuleDirtyRecord;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.jooq.DSLContext;

/**
 * Tells the rules engine which deals' facts changed: every mirror write that can change a verdict
 * marks the deals it touched, and the evaluation worker drains the marks. A mark written again gets
 * the later time, so a change made while the worker evaluates is not lost.
 */
final class DirtyLeads {
  private DirtyLeads() {}

  static void mark(DSLContext dsl, long accountId, Collection<Long> leadIds, Instant now) {
    if (leadIds.isEmpty()) {
      return;
    }
    Upserts.upsert(
        dsl,
        new TreeSet<>(leadIds)
            .stream().map(id -> new RuleDirtyRecord(accountId, id, now)).toList());
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
