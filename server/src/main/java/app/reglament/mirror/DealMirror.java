package app.reglament.mirror;

import static app.reglament.db.generated.Tables.COMMUNICATIONS;
import static app.reglament.db.generated.Tables.CONTACTS;
import static app.reglament.db.generated.Tables.LEADS;
import static app.reglament.db.generated.Tables.LEAD_CONTACTS;
import static app.reglament.db.generated.Tables.LEAD_STATUS_HISTORY;
import static app.reglament.db.generated.Tables.TASKS;

import app.reglament.db.generated.tables.records.CommunicationsRecord;
import app.reglament.db.generated.tables.records.ContactsRecord;
import app.reglament.db.generated.tables.records.LeadContactsRecord;
import app.reglament.db.generated.tables.records.LeadStatusHistoryRecord;
import app.reglament.db.generated.tables.records.LeadsRecord;
import app.reglament.db.generated.tables.records.TasksRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The mirror of deals and what happens on them: leads with their contacts, tasks, stage history and
 * communications. Writes are idempotent: re-reading the same entity, or replaying the same event,
 * leaves the mirror as it was.
 */
public final class DealMirror {
  private final DSLContext dsl;
  private final Clock clock;

  /** A mirror whose marks for the rules engine carry the system time (tests and tools). */
  public DealMirror(DSLContext dsl) {
    this(dsl, Clock.systemUTC());
  }

  /** A mirror that marks every deal it changes for the rules engine, at the clock's time. */
  public DealMirror(DSLContext dsl, Clock clock) {
    this.dsl = dsl;
    this.clock = clock;
  }

  /**
   * Writes deals read from amoCRM. A read older than what the mirror holds (a page of the initial
   * sync landing after a webhook's fresher re-read of the same deal) is left out.
   */
  public void upsertLeads(long accountId, List<Rows.Lead> incoming, Instant now) {
    if (incoming.isEmpty()) {
      return;
    }
    dsl.transaction(
        tx -> {
          DSLContext t = tx.dsl();
          List<Rows.Lead> leads =
              Upserts.notOlder(
                  t,
                  incoming,
                  Rows.Lead::id,
                  Rows.Lead::updatedAt,
                  LEADS.LEAD_ID,
                  LEADS.UPDATED_AT,
                  LEADS.ACCOUNT_ID.eq(accountId));
          if (leads.isEmpty()) {
            return;
          }
          Upserts.upsert(t, leads.stream().map(lead -> toRecord(accountId, lead, now)).toList());
          List<Long> ids = leads.stream().map(Rows.Lead::id).toList();
          DirtyLeads.mark(t, accountId, ids, clock.instant());
          t.deleteFrom(LEAD_CONTACTS)
              .where(LEAD_CONTACTS.ACCOUNT_ID.eq(accountId))
              .and(LEAD_CONTACTS.LEAD_ID.in(ids))
              .execute();
          Upserts.insertNew(
              t,
              leads.stream()
                  .flatMap(
                      lead ->
                          lead.contacts().stream()
                              .map(
                                  c ->
                                      new LeadContactsRecord(
                                          accountId, lead.id(), c.contactId(), c.main())))
                  .toList());
        });
  }

  private static LeadsRecord toRecord(long accountId, Rows.Lead lead, Instant now) {
    var r = new LeadsRecord();
    r.setAccountId(accountId);
    r.setLeadId(lead.id());
    r.setName(lead.name() == null ? "" : lead.name());
    r.setPrice(lead.price());
    r.setResponsibleUserId(lead.responsibleUserId());
    r.setGroupId(lead.groupId());
    r.setPipelineId(lead.pipelineId());
    r.setStatusId(lead.statusId());
    r.setLossReasonId(lead.lossReasonId());
    r.setCreatedBy(lead.createdBy());
    r.setUpdatedBy(lead.updatedBy());
    r.setCreatedAt(lead.createdAt());
    r.setUpdatedAt(lead.updatedAt());
    r.setClosedAt(lead.closedAt());
    r.setClosestTaskAt(lead.closestTaskAt());
    r.setIsDeleted(lead.deleted());
    r.setCustomFields(lead.customFieldsJson());
    r.setCompanyName(lead.companyName());
    r.setSyncedAt(now);
    return r;
  }

  /** Marks deals that amoCRM no longer returns as deleted (their history stays). */
  public int markLeadsDeleted(long accountId, Collection<Long> leadIds, Instant now) {
    if (leadIds.isEmpty()) {
      return 0;
    }
    DirtyLeads.mark(dsl, accountId, leadIds, clock.instant());
    return dsl.update(LEADS)
        .set(LEADS.IS_DELETED, true)
        .set(LEADS.SYNCED_AT, now)
        .where(LEADS.ACCOUNT_ID.eq(accountId))
        .and(LEADS.LEAD_ID.in(leadIds))
        .execute();
  }

  public void upsertContacts(long accountId, List<Rows.Contact> incoming) {
    List<Rows.Contact> contacts =
        Upserts.notOlder(
            dsl,
            incoming,
            Rows.Contact::id,
            Rows.Contact::updatedAt,
            CONTACTS.CONTACT_ID,
            CONTACTS.UPDATED_AT,
            CONTACTS.ACCOUNT_ID.eq(accountId));
    Upserts.upsert(
        dsl,
        contacts.stream()
            .map(
                c ->
                    new ContactsRecord(
                        accountId,
                        c.id(),
                        c.name() == null ? "" : c.name(),
                        c.responsibleUserId(),
                        c.updatedAt()))
            .toList());
    DirtyLeads.markContacts(
        dsl, accountId, contacts.stream().map(Rows.Contact::id).toList(), clock.instant());
  }

  /**
   * Writes tasks read from amoCRM. amoCRM keeps no completion time on a task: a task first seen
   * completed gets its {@code updated_at}, the {@code task_completed} event replaces that with the
   * real moment ({@link #recordTaskCompletions}), and later reads of the still completed task keep
   * whichever is held. A task that is open again loses it.
   */
  public void upsertTasks(long accountId, List<Rows.Task> incoming, Instant now) {
    List<Rows.Task> tasks =
        Upserts.notOlder(
            dsl,
            incoming,
            Rows.Task::id,
            Rows.Task::updatedAt,
            TASKS.TASK_ID,
            TASKS.UPDATED_AT,
            TASKS.ACCOUNT_ID.eq(accountId));
    if (tasks.isEmpty()) {
      return;
    }
    Map<Long, Instant> completedAt =
        dsl.select(TASKS.TASK_ID, TASKS.COMPLETED_AT)
            .from(TASKS)
            .where(TASKS.ACCOUNT_ID.eq(accountId))
            .and(TASKS.TASK_ID.in(tasks.stream().map(Rows.Task::id).toList()))
            .and(TASKS.IS_COMPLETED.isTrue())
            .and(TASKS.COMPLETED_AT.isNotNull())
            .fetchMap(TASKS.TASK_ID, TASKS.COMPLETED_AT);
    Upserts.upsert(
        dsl,
        tasks.stream()
            .map(
                task -> {
                  var r = new TasksRecord();
                  r.setAccountId(accountId);
                  r.setTaskId(task.id());
                  r.setEntityType(task.entityType());
                  r.setEntityId(task.entityId());
                  r.setResponsibleUserId(task.responsibleUserId());
                  r.setTaskTypeId(task.taskTypeId());
                  r.setTaskText(task.text());
                  r.setCompleteTillAt(task.completeTill());
                  r.setIsCompleted(task.completed());
                  r.setResultText(task.resultText());
                  r.setCreatedBy(task.createdBy());
                  r.setCreatedAt(task.createdAt());
                  r.setUpdatedAt(task.updatedAt());
                  r.setCompletedAt(
                      task.completed()
                          ? completedAt.getOrDefault(task.id(), task.updatedAt())
                          : null);
                  r.setIsDeleted(false);
                  r.setSyncedAt(now);
                  return r;
                })
            .toList());
    DirtyLeads.mark(
        dsl,
        accountId,
        tasks.stream()
            .filter(task -> "leads".equals(task.entityType()) && task.entityId() != null)
            .map(Rows.Task::entityId)
            .toList(),
        clock.instant());
  }

  /**
   * Sets the completion time of completed tasks from their {@code task_completed} events: for each
   * task, the latest such event of one walk. A walk covers everything since its start, so the
   * latest event it saw is the task's latest completion; an open task is left alone (it was opened
   * again after that event).
   */
  public void recordTaskCompletions(long accountId, Map<Long, Instant> completions) {
    if (completions.isEmpty()) {
      return;
    }
    dsl.batch(
            completions.entrySet().stream()
                .map(
                    c ->
                        dsl.update(TASKS)
                            .set(TASKS.COMPLETED_AT, c.getValue())
                            .where(TASKS.ACCOUNT_ID.eq(accountId))
                            .and(TASKS.TASK_ID.eq(c.getKey()))
                            .and(TASKS.IS_COMPLETED.isTrue()))
                .toList())
        .execute();
    DirtyLeads.markTasks(dsl, accountId, completions.keySet(), clock.instant());
  }

  /** When each completed, live task was completed. */
  public Map<Long, Instant> completionTimes(long accountId) {
    return dsl.select(TASKS.TASK_ID, TASKS.COMPLETED_AT)
        .from(TASKS)
        .where(TASKS.ACCOUNT_ID.eq(accountId))
        .and(TASKS.IS_COMPLETED.isTrue())
        .and(TASKS.IS_DELETED.isFalse())
        .fetchMap(TASKS.TASK_ID, TASKS.COMPLETED_AT);
  }

  public int markTasksDeleted(long accountId, Collection<Long> taskIds, Instant now) {
    if (taskIds.isEmpty()) {
      return 0;
    }
    DirtyLeads.markTasks(dsl, accountId, taskIds, clock.instant());
    return dsl.update(TASKS)
        .set(TASKS.IS_DELETED, true)
        .set(TASKS.SYNCED_AT, now)
        .where(TASKS.ACCOUNT_ID.eq(accountId))
        .and(TASKS.TASK_ID.in(taskIds))
        .execute();
  }

  /** Appends stage entries not seen before; returns how many were new. */
  public int appendStatusChanges(long accountId, List<Rows.StatusChange> changes) {
    DirtyLeads.mark(
        dsl, accountId, changes.stream().map(Rows.StatusChange::leadId).toList(), clock.instant());
    return Upserts.insertNew(
        dsl,
        changes.stream()
            .map(
                c -> {
                  var r = new LeadStatusHistoryRecord();
                  r.setAccountId(accountId);
                  r.setLeadId(c.leadId());
                  r.setPipelineId(c.pipelineId());
                  r.setStatusId(c.statusId());
                  r.setOldPipelineId(c.oldPipelineId());
                  r.setOldStatusId(c.oldStatusId());
                  r.setChangedBy(c.changedBy());
                  r.setChangedAt(c.changedAt());
                  r.setSourceKey(c.sourceKey());
                  return r;
                })
            .toList());
  }

  /**
   * Records communications not seen before; returns how many were new. An incoming call whose note
   * the mirror already holds is marked missed here when that note lasted 0 seconds.
   */
  public int recordCommunications(long accountId, List<Rows.Communication> communications) {
    int inserted =
        Upserts.insertNew(
            dsl,
            communications.stream()
                .map(
                    c ->
                        new CommunicationsRecord(
                            accountId,
                            c.sourceKey(),
                            c.channel(),
                            c.direction(),
                            c.missed(),
                            c.entityType(),
                            c.entityId(),
                            c.leadId(),
                            c.userId(),
                            c.occurredAt(),
                            c.noteId()))
                .toList());
    MissedCalls.settle(
        dsl,
        accountId,
        communications.stream()
            .filter(
                c -> c.noteId() != null && "call".equals(c.channel()) && "in".equals(c.direction()))
            .map(Rows.Communication::noteId)
            .toList());
    Instant now = clock.instant();
    DirtyLeads.mark(
        dsl,
        accountId,
        communications.stream()
            .map(Rows.Communication::leadId)
            .filter(java.util.Objects::nonNull)
            .toList(),
        now);
    DirtyLeads.markContacts(
        dsl,
        accountId,
        communications.stream()
            .filter(c -> c.leadId() == null && "contact".equals(c.entityType()))
            .map(Rows.Communication::entityId)
            .toList(),
        now);
    return inserted;
  }

  /** Missed incoming calls per deal. */
  public Map<Long, Integer> missedCallsPerLead(long accountId) {
    return dsl.select(COMMUNICATIONS.LEAD_ID, DSL.count())
        .from(COMMUNICATIONS)
        .where(COMMUNICATIONS.ACCOUNT_ID.eq(accountId))
        .and(COMMUNICATIONS.IS_MISSED.isTrue())
        .groupBy(COMMUNICATIONS.LEAD_ID)
        .fetchMap(COMMUNICATIONS.LEAD_ID, DSL.count());
  }

  /** The mirrored stage of a deal, if the deal is known. */
  public Optional<Stage> stageOf(long accountId, long leadId) {
    return dsl.select(LEADS.PIPELINE_ID, LEADS.STATUS_ID, LEADS.IS_DELETED)
        .from(LEADS)
        .where(LEADS.ACCOUNT_ID.eq(accountId))
        .and(LEADS.LEAD_ID.eq(leadId))
        .fetchOptional(r -> new Stage(r.value1(), r.value2(), r.value3()));
  }

  public record Stage(long pipelineId, long statusId, boolean deleted) {}

  /** The stage entries of one deal, oldest first. */
  public List<Rows.StatusChange> history(long accountId, long leadId) {
    return dsl.selectFrom(LEAD_STATUS_HISTORY)
        .where(LEAD_STATUS_HISTORY.ACCOUNT_ID.eq(accountId))
        .and(LEAD_STATUS_HISTORY.LEAD_ID.eq(leadId))
        .orderBy(LEAD_STATUS_HISTORY.CHANGED_AT, LEAD_STATUS_HISTORY.ID)
        .fetch(
            r ->
                new Rows.StatusChange(
                    r.getLeadId(),
                    r.getPipelineId(),
                    r.getStatusId(),
                    r.getOldPipelineId(),
                    r.getOldStatusId(),
                    r.getChangedBy(),
                    r.getChangedAt(),
                    r.getSourceKey()));
  }

  /** Live (not deleted) deals per responsible manager. */
  public Map<Long, Integer> leadsPerManager(long accountId) {
    return dsl.select(LEADS.RESPONSIBLE_USER_ID, DSL.count())
        .from(LEADS)
        .where(LEADS.ACCOUNT_ID.eq(accountId))
        .and(LEADS.IS_DELETED.isFalse())
        .groupBy(LEADS.RESPONSIBLE_USER_ID)
        .fetchMap(LEADS.RESPONSIBLE_USER_ID, DSL.count());
  }

  /** Live tasks per responsible manager. */
  public Map<Long, Integer> tasksPerManager(long accountId) {
    return dsl.select(TASKS.RESPONSIBLE_USER_ID, DSL.count())
        .from(TASKS)
        .where(TASKS.ACCOUNT_ID.eq(accountId))
        .and(TASKS.IS_DELETED.isFalse())
        .groupBy(TASKS.RESPONSIBLE_USER_ID)
        .fetchMap(TASKS.RESPONSIBLE_USER_ID, DSL.count());
  }

  /** Stage moves per user who made them. */
  public Map<Long, Integer> historyPerUser(long accountId) {
    return dsl.select(LEAD_STATUS_HISTORY.CHANGED_BY, DSL.count())
        .from(LEAD_STATUS_HISTORY)
        .where(LEAD_STATUS_HISTORY.ACCOUNT_ID.eq(accountId))
        .groupBy(LEAD_STATUS_HISTORY.CHANGED_BY)
        .fetchMap(LEAD_STATUS_HISTORY.CHANGED_BY, DSL.count());
  }

  public int countHistory(long accountId) {
    return dsl.fetchCount(LEAD_STATUS_HISTORY, LEAD_STATUS_HISTORY.ACCOUNT_ID.eq(accountId));
  }

  public int countCommunications(long accountId) {
    return dsl.fetchCount(COMMUNICATIONS, COMMUNICATIONS.ACCOUNT_ID.eq(accountId));
  }

  public int countLeads(long accountId) {
    return dsl.fetchCount(LEADS, LEADS.ACCOUNT_ID.eq(accountId).and(LEADS.IS_DELETED.isFalse()));
  }

  public int countContacts(long accountId) {
    return dsl.fetchCount(CONTACTS, CONTACTS.ACCOUNT_ID.eq(accountId));
  }

  public int countTasks(long accountId) {
    return dsl.fetchCount(TASKS, TASKS.ACCOUNT_ID.eq(accountId).and(TASKS.IS_DELETED.isFalse()));
  }
}
