package app.reglament.engine;

import static app.reglament.db.generated.Tables.COMMUNICATIONS;
import static app.reglament.db.generated.Tables.CONTACTS;
import static app.reglament.db.generated.Tables.CUSTOM_FIELDS;
import static app.reglament.db.generated.Tables.LEADS;
import static app.reglament.db.generated.Tables.LEAD_CONTACTS;
import static app.reglament.db.generated.Tables.LEAD_STATUS_HISTORY;
import static app.reglament.db.generated.Tables.NOTES;
import static app.reglament.db.generated.Tables.PIPELINES;
import static app.reglament.db.generated.Tables.STATUSES;
import static app.reglament.db.generated.Tables.TASKS;
import static app.reglament.db.generated.Tables.USERS;

import app.reglament.db.JdbcRows;
import app.reglament.db.OneOf;
import app.reglament.rules.facts.AccountFacts;
import app.reglament.rules.facts.DealFacts;
import app.reglament.rules.facts.NoteFacts;
import app.reglament.rules.facts.StageChange;
import app.reglament.rules.facts.TaskFacts;
import app.reglament.rules.facts.Touch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.ResultQuery;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Reads the rule facts out of the mirror: the account's reference data, and deals with everything
 * on them, a batch of deals at a time (a handful of queries per batch, whatever its size).
 */
public final class FactsLoader {
  /** Deals per batch: an IN list this long stays cheap on H2 and MariaDB alike. */
  public static final int BATCH = 1000;

  /** How a completed task learns its manager's previous result. */
  public interface PreviousResults {
    /** The previous result of each completed task's manager, by task id; absent when none. */
    Map<Long, String> of(List<Completed> completed);

    default String previous(Completed task) {
      return of(List.of(task)).get(task.taskId());
    }
  }

  /**
   * A completed task as the previous-result lookup needs it.
   *
   * @param completedAt completed_at, or its last update when the mirror has no completion time
   */
  public record Completed(long taskId, Long responsibleUserId, Instant completedAt) {}

  /** Previous results looked up together: one statement per this many tasks. */
  private static final int PREVIOUS_PER_STATEMENT = 50;

  private final DSLContext dsl;

  public FactsLoader(DSLContext dsl) {
    this.dsl = dsl;
  }

  public AccountFacts account(long accountId) {
    Map<Long, AccountFacts.UserFacts> users = new HashMap<>();
    dsl.selectFrom(USERS)
        .where(USERS.ACCOUNT_ID.eq(accountId))
        .forEach(
            u ->
                users.put(
                    u.getUserId(),
                    new AccountFacts.UserFacts(
                        u.getUserId(), u.getName(), u.getIsAdmin(), u.getIsActive())));
    Map<Long, List<AccountFacts.StatusFacts>> pipelines = new HashMap<>();
    dsl.selectFrom(STATUSES)
        .where(STATUSES.ACCOUNT_ID.eq(accountId))
        .orderBy(STATUSES.PIPELINE_ID, STATUSES.SORT, STATUSES.STATUS_ID)
        .forEach(
            s ->
                pipelines
                    .computeIfAbsent(s.getPipelineId(), p -> new ArrayList<>())
                    .add(
                        new AccountFacts.StatusFacts(
                            s.getPipelineId(),
                            s.getStatusId(),
                            s.getName(),
                            s.getSort(),
                            s.getStatusType())));
    Map<Long, AccountFacts.FieldDefinition> fields = new HashMap<>();
    dsl.selectFrom(CUSTOM_FIELDS)
        .where(CUSTOM_FIELDS.ACCOUNT_ID.eq(accountId), CUSTOM_FIELDS.ENTITY_TYPE.eq("leads"))
        .forEach(
            f ->
                fields.put(
                    f.getFieldId(),
                    new AccountFacts.FieldDefinition(
                        f.getFieldId(), f.getName(), f.getFieldType())));
    Map<Long, String> pipelineNames =
        dsl.select(PIPELINES.PIPELINE_ID, PIPELINES.NAME)
            .from(PIPELINES)
            .where(PIPELINES.ACCOUNT_ID.eq(accountId))
            .fetchMap(PIPELINES.PIPELINE_ID, PIPELINES.NAME);
    return new AccountFacts(accountId, users, pipelines, fields, pipelineNames);
  }

  /** The deals with these ids that the mirror has (deleted ones included, marked so). */
  public List<DealFacts> deals(long accountId, Collection<Long> leadIds, PreviousResults previous) {
    if (leadIds.isEmpty()) {
      return List.of();
    }
    OneOf ofLeads = OneOf.of(dsl, LEADS, LEADS.LEAD_ID, leadIds, LEADS.ACCOUNT_ID.eq(accountId));
    List<LeadRow> leads =
        leadRows(dsl.select(LEAD_COLUMNS).from(ofLeads.from()).where(ofLeads.where()));
    if (leads.isEmpty()) {
      return List.of();
    }
    List<Long> ids = leads.stream().map(LeadRow::id).toList();
    return assemble(
        accountId,
        leads,
        (table, column, keys) -> OneOf.of(dsl, table, column, ids, keys),
        previous);
  }

  /**
   * The next {@code limit} deals of the account after {@code afterId}, ascending (deleted ones
   * included). Everything on them is read by the range of their ids rather than a list of them: one
   * contiguous index range per table, which is what a full evaluation walks.
   */
  public List<DealFacts> dealsAfter(
      long accountId, long afterId, int limit, PreviousResults previous) {
    List<LeadRow> leads =
        leadRows(
            dsl.select(LEAD_COLUMNS)
                .from(LEADS)
                .where(LEADS.ACCOUNT_ID.eq(accountId), LEADS.LEAD_ID.gt(afterId))
                .orderBy(LEADS.ACCOUNT_ID, LEADS.LEAD_ID)
                .limit(limit));
    if (leads.isEmpty()) {
      return List.of();
    }
    long lastId = leads.get(leads.size() - 1).id();
    return assemble(
        accountId,
        leads,
        (table, column, keys) ->
            new OneOf(table, column.gt(afterId).and(column.le(lastId)).and(DSL.and(keys))),
        previous);
  }

  /** Which deals' rows a read covers, as a condition on a table's lead column. */
  @FunctionalInterface
  private interface Covering {
    OneOf of(Table<?> table, Field<Long> leadColumn, Condition... keys);
  }

  // Every read below names its columns and takes them off the JDBC result set by position: a full
  // evaluation reads some fifteen million rows, and building a jOOQ record for each cost more than
  // the database's own work. Rows come in index order, not sorted by the database; each deal's
  // lists are put in time order here.

  private static final Field<?>[] LEAD_COLUMNS = {
    LEADS.LEAD_ID,
    LEADS.NAME,
    LEADS.RESPONSIBLE_USER_ID,
    LEADS.PIPELINE_ID,
    LEADS.STATUS_ID,
    LEADS.LOSS_REASON_ID,
    LEADS.CREATED_AT,
    LEADS.UPDATED_AT,
    LEADS.CLOSED_AT,
    LEADS.IS_DELETED,
    LEADS.CUSTOM_FIELDS,
    LEADS.COMPANY_NAME
  };

  /** A deal's own columns. */
  private record LeadRow(
      long id,
      String name,
      Long responsibleUserId,
      long pipelineId,
      long statusId,
      Long lossReasonId,
      Instant createdAt,
      Instant updatedAt,
      Instant closedAt,
      boolean deleted,
      String customFields,
      String companyName) {}

  private static List<LeadRow> leadRows(ResultQuery<?> query) {
    List<LeadRow> out = new ArrayList<>();
    JdbcRows.each(
        query,
        r ->
            out.add(
                new LeadRow(
                    r.longValue(1),
                    r.text(2),
                    r.longOrNull(3),
                    r.longValue(4),
                    r.longValue(5),
                    r.longOrNull(6),
                    r.instant(7),
                    r.instant(8),
                    r.instant(9),
                    r.bool(10),
                    r.text(11),
                    r.text(12))));
    out.sort(java.util.Comparator.comparingLong(LeadRow::id));
    return out;
  }

  /** A deal's link to a contact, with the contact's name. */
  private record Link(long leadId, long contactId, boolean main, String name) {}

  private static final java.util.Comparator<Link> LINK_ORDER =
      java.util.Comparator.comparingLong(Link::leadId)
          .thenComparing(Link::main, java.util.Comparator.reverseOrder())
          .thenComparingLong(Link::contactId);

  private List<DealFacts> assemble(
      long accountId, List<LeadRow> leads, Covering covering, PreviousResults previous) {
    Map<Long, List<Long>> leadsOfContact = new HashMap<>();
    Map<Long, String> mainContactName = new HashMap<>();
    OneOf ofLinks =
        covering.of(LEAD_CONTACTS, LEAD_CONTACTS.LEAD_ID, LEAD_CONTACTS.ACCOUNT_ID.eq(accountId));
    List<Link> links = new ArrayList<>();
    JdbcRows.each(
        dsl.select(
                LEAD_CONTACTS.LEAD_ID,
                LEAD_CONTACTS.CONTACT_ID,
                LEAD_CONTACTS.IS_MAIN,
                CONTACTS.NAME)
            .from(ofLinks.from())
            .leftJoin(CONTACTS)
            .on(
                CONTACTS.ACCOUNT_ID.eq(LEAD_CONTACTS.ACCOUNT_ID),
                CONTACTS.CONTACT_ID.eq(LEAD_CONTACTS.CONTACT_ID))
            .where(ofLinks.where()),
        r -> links.add(new Link(r.longValue(1), r.longValue(2), r.bool(3), r.text(4))));
    // The name shown is the main contact's, else that of the first named contact by id.
    links.sort(LINK_ORDER);
    for (Link link : links) {
      leadsOfContact.computeIfAbsent(link.contactId(), k -> new ArrayList<>()).add(link.leadId());
      if (link.name() != null) {
        mainContactName.putIfAbsent(link.leadId(), link.name());
      }
    }

    Map<Long, List<StageChange>> stages = new HashMap<>();
    OneOf ofHistory =
        covering.of(
            LEAD_STATUS_HISTORY,
            LEAD_STATUS_HISTORY.LEAD_ID,
            LEAD_STATUS_HISTORY.ACCOUNT_ID.eq(accountId));
    Map<Long, List<HistoryRow>> history = new HashMap<>();
    JdbcRows.each(
        dsl.select(
                LEAD_STATUS_HISTORY.LEAD_ID,
                LEAD_STATUS_HISTORY.ID,
                LEAD_STATUS_HISTORY.PIPELINE_ID,
                LEAD_STATUS_HISTORY.STATUS_ID,
                LEAD_STATUS_HISTORY.OLD_PIPELINE_ID,
                LEAD_STATUS_HISTORY.OLD_STATUS_ID,
                LEAD_STATUS_HISTORY.CHANGED_BY,
                LEAD_STATUS_HISTORY.CHANGED_AT)
            .from(ofHistory.from())
            .where(ofHistory.where()),
        r ->
            history
                .computeIfAbsent(r.longValue(1), k -> new ArrayList<>())
                .add(
                    new HistoryRow(
                        r.longValue(2),
                        new StageChange(
                            r.longValue(3),
                            r.longValue(4),
                            r.longOrNull(5),
                            r.longOrNull(6),
                            r.longOrNull(7),
                            r.instant(8)))));
    history.forEach(
        (lead, rows) -> {
          rows.sort(HISTORY_ORDER);
          List<StageChange> changes = new ArrayList<>(rows.size());
          rows.forEach(h -> changes.add(h.change()));
          stages.put(lead, changes);
        });

    Map<Long, List<TaskRow>> taskRows = new HashMap<>();
    List<Completed> completed = new ArrayList<>();
    OneOf ofTasks =
        covering.of(
            TASKS, TASKS.ENTITY_ID, TASKS.ACCOUNT_ID.eq(accountId), TASKS.ENTITY_TYPE.eq("leads"));
    JdbcRows.each(
        dsl.select(
                TASKS.ENTITY_ID,
                TASKS.TASK_ID,
                TASKS.RESPONSIBLE_USER_ID,
                TASKS.TASK_TYPE_ID,
                TASKS.TASK_TEXT,
                TASKS.COMPLETE_TILL_AT,
                TASKS.IS_COMPLETED,
                TASKS.RESULT_TEXT,
                TASKS.CREATED_AT,
                TASKS.COMPLETED_AT,
                TASKS.UPDATED_AT)
            .from(ofTasks.from())
            .where(ofTasks.where(), TASKS.IS_DELETED.isFalse()),
        r -> {
          boolean done = r.bool(7);
          Instant completedAt = r.instant(10);
          TaskRow t =
              new TaskRow(
                  r.longValue(2),
                  r.longOrNull(3),
                  r.longOrNull(4),
                  r.text(5),
                  r.instant(6),
                  done,
                  r.text(8),
                  r.instant(9),
                  done ? (completedAt != null ? completedAt : r.instant(11)) : null);
          taskRows.computeIfAbsent(r.longValue(1), k -> new ArrayList<>()).add(t);
          if (done) {
            completed.add(new Completed(t.taskId(), t.responsibleUserId(), t.completedAt()));
          }
        });
    Map<Long, String> previousResults = completed.isEmpty() ? Map.of() : previous.of(completed);
    Map<Long, List<TaskFacts>> tasks = new HashMap<>();
    taskRows.forEach(
        (lead, rows) -> {
          rows.sort(TASK_ORDER);
          List<TaskFacts> facts = new ArrayList<>(rows.size());
          for (TaskRow t : rows) {
            facts.add(t.facts(previousResults.get(t.taskId())));
          }
          tasks.put(lead, facts);
        });

    Map<Long, List<Touch>> touches = touches(accountId, covering, leadsOfContact);
    Map<Long, List<NoteFacts>> notes = notes(accountId, covering);

    List<DealFacts> deals = new ArrayList<>(leads.size());
    for (LeadRow l : leads) {
      long id = l.id();
      deals.add(
          new DealFacts(
              id,
              l.name(),
              l.responsibleUserId(),
              l.pipelineId(),
              l.statusId(),
              l.lossReasonId(),
              l.createdAt(),
              l.updatedAt(),
              l.closedAt(),
              l.deleted(),
              CustomFieldsJson.read(l.customFields()),
              mainContactName.get(id),
              l.companyName(),
              stages.getOrDefault(id, List.of()),
              tasks.getOrDefault(id, List.of()),
              touches.getOrDefault(id, List.of()),
              notes.getOrDefault(id, List.of())));
    }
    return deals;
  }

  /** A stage change with the id that orders changes of the same moment. */
  private record HistoryRow(long id, StageChange change) {}

  private static final java.util.Comparator<HistoryRow> HISTORY_ORDER =
      java.util.Comparator.comparing((HistoryRow h) -> h.change().at())
          .thenComparingLong(HistoryRow::id);

  /** A task on a deal as read, before its manager's previous result is known. */
  private record TaskRow(
      long taskId,
      Long responsibleUserId,
      Long taskTypeId,
      String text,
      Instant completeTill,
      boolean completed,
      String result,
      Instant createdAt,
      Instant completedAt) {

    TaskFacts facts(String previousResult) {
      return new TaskFacts(
          taskId,
          responsibleUserId,
          taskTypeId,
          text,
          completeTill,
          completed,
          result,
          createdAt,
          completedAt,
          completed ? previousResult : null);
    }
  }

  private static final java.util.Comparator<TaskRow> TASK_ORDER =
      java.util.Comparator.comparing(TaskRow::createdAt).thenComparingLong(TaskRow::taskId);

  /** The deals of these tasks (for tasks on deals). */
  public List<Long> leadsOfTasks(long accountId, Collection<Long> taskIds) {
    if (taskIds.isEmpty()) {
      return List.of();
    }
    OneOf ofTasks = OneOf.of(dsl, TASKS, TASKS.TASK_ID, taskIds, TASKS.ACCOUNT_ID.eq(accountId));
    return dsl.selectDistinct(TASKS.ENTITY_ID)
        .from(ofTasks.from())
        .where(ofTasks.where(), TASKS.ENTITY_TYPE.eq("leads"))
        .fetch(TASKS.ENTITY_ID);
  }

  /** The deals of these contacts. */
  public List<Long> leadsOfContacts(long accountId, Collection<Long> contactIds) {
    if (contactIds.isEmpty()) {
      return List.of();
    }
    OneOf ofContacts =
        OneOf.of(
            dsl,
            LEAD_CONTACTS,
            LEAD_CONTACTS.CONTACT_ID,
            contactIds,
            LEAD_CONTACTS.ACCOUNT_ID.eq(accountId));
    return dsl.selectDistinct(LEAD_CONTACTS.LEAD_ID)
        .from(ofContacts.from())
        .where(ofContacts.where())
        .fetch(LEAD_CONTACTS.LEAD_ID);
  }

  /**
   * The previous result of the task's manager, read from the database: one seek in
   * ix_tasks_previous_result, whose order (newest first) the ORDER BY repeats column by column, the
   * constant ones included, because H2 reads an index in order only when the ORDER BY is a prefix
   * of it. The mirror sets completed_at on every completed task, so completion time is
   * completed_at.
   */
  public PreviousResults previousFromDatabase(long accountId) {
    return completed -> {
      List<Completed> asked = new ArrayList<>();
      for (Completed task : completed) {
        if (task.responsibleUserId() != null) {
          asked.add(task);
        }
      }
      Map<Long, String> out = new HashMap<>();
      // Each lookup is a scalar subquery of one SELECT: a deal's tasks cost one round trip.
      for (int from = 0; from < asked.size(); from += PREVIOUS_PER_STATEMENT) {
        List<Completed> chunk =
            asked.subList(from, Math.min(asked.size(), from + PREVIOUS_PER_STATEMENT));
        List<Field<String>> lookups = new ArrayList<>(chunk.size());
        for (Completed task : chunk) {
          lookups.add(DSL.field(previousOf(accountId, task)));
        }
        var row = dsl.select(lookups).fetchOne();
        for (int i = 0; i < chunk.size(); i++) {
          String text = row == null ? null : (String) row.get(i);
          if (text != null) {
            out.put(chunk.get(i).taskId(), text);
          }
        }
      }
      return out;
    };
  }

  private org.jooq.Select<org.jooq.Record1<String>> previousOf(long accountId, Completed task) {
    Instant at = task.completedAt();
    return DSL.select(TASKS.RESULT_TEXT)
        .from(TASKS)
        .where(
            TASKS.ACCOUNT_ID.eq(accountId),
            TASKS.RESPONSIBLE_USER_ID.eq(task.responsibleUserId()),
            TASKS.COMPLETED_AT.le(at),
            TASKS.COMPLETED_AT.lt(at).or(TASKS.TASK_ID.lt(task.taskId())),
            TASKS.IS_COMPLETED.isTrue(),
            TASKS.IS_DELETED.isFalse(),
            TASKS.TASK_ID.ne(task.taskId()))
        .orderBy(
            TASKS.ACCOUNT_ID,
            TASKS.RESPONSIBLE_USER_ID,
            TASKS.COMPLETED_AT.desc(),
            TASKS.TASK_ID.desc())
        .limit(1);
  }

  /**
   * For a whole account at once: one pass over its completed tasks, each manager's newest first
   * (the order of ix_tasks_previous_result, so neither database sorts), keeps only the previous
   * results that a result repeats (by {@link app.reglament.rules.JunkText#essence}); every other
   * task gets none, which cannot change its verdict. Memory stays proportional to the repeats, not
   * to the tasks.
   */
  public PreviousResults previousForAccount(long accountId) {
    Repeats repeats = new Repeats();
    JdbcRows.each(
        dsl.select(TASKS.TASK_ID, TASKS.RESPONSIBLE_USER_ID, TASKS.RESULT_TEXT)
            .from(TASKS)
            .where(
                TASKS.ACCOUNT_ID.eq(accountId),
                TASKS.RESPONSIBLE_USER_ID.isNotNull(),
                TASKS.COMPLETED_AT.isNotNull(),
                TASKS.IS_COMPLETED.isTrue(),
                TASKS.IS_DELETED.isFalse())
            .orderBy(
                TASKS.ACCOUNT_ID,
                TASKS.RESPONSIBLE_USER_ID,
                TASKS.COMPLETED_AT.desc(),
                TASKS.TASK_ID.desc())
            .fetchSize(5000),
        repeats);
    return completed -> {
      Map<Long, String> out = new HashMap<>();
      for (Completed task : completed) {
        String text = repeats.found.get(task.taskId());
        if (text != null) {
          out.put(task.taskId(), text);
        }
      }
      return out;
    };
  }

  /**
   * Walks completed tasks each manager's newest first and keeps, for each task whose result the
   * next newer task of the same manager repeats, that result.
   */
  private static final class Repeats implements java.util.function.Consumer<JdbcRows.Row> {
    final Map<Long, String> found = new HashMap<>();
    private Long newerUser;
    private long newerTask;
    private String newerEssence;

    @Override
    public void accept(JdbcRows.Row r) {
      long task = r.longValue(1);
      long user = r.longValue(2);
      String text = r.text(3) == null ? "" : r.text(3);
      String essence = app.reglament.rules.JunkText.essence(text);
      // The task read just before is newer than this one; when both are one manager's, this one's
      // result is the previous one of that task.
      if (newerUser != null && newerUser == user && essence.equals(newerEssence)) {
        found.put(newerTask, text);
      }
      newerUser = user;
      newerTask = task;
      newerEssence = essence;
    }
  }

  private static final Field<?>[] TOUCH_COLUMNS = {
    COMMUNICATIONS.SOURCE_KEY,
    COMMUNICATIONS.CHANNEL,
    COMMUNICATIONS.DIRECTION,
    COMMUNICATIONS.IS_MISSED,
    COMMUNICATIONS.USER_ID,
    COMMUNICATIONS.OCCURRED_AT,
    COMMUNICATIONS.LEAD_ID,
    COMMUNICATIONS.ENTITY_ID
  };

  private static Touch touch(JdbcRows.Row r) {
    return new Touch(
        r.text(1), r.text(2), "out".equals(r.text(3)), r.bool(4), r.longOrNull(5), r.instant(6));
  }

  private Map<Long, List<Touch>> touches(
      long accountId, Covering covering, Map<Long, List<Long>> leadsOfContact) {
    Map<Long, List<Touch>> touches = new HashMap<>();
    // Two indexed queries rather than one OR-ed condition, which H2 would answer by a scan.
    OneOf ofLeads =
        covering.of(
            COMMUNICATIONS, COMMUNICATIONS.LEAD_ID, COMMUNICATIONS.ACCOUNT_ID.eq(accountId));
    JdbcRows.each(
        dsl.select(TOUCH_COLUMNS).from(ofLeads.from()).where(ofLeads.where()),
        r -> touches.computeIfAbsent(r.longValue(7), k -> new ArrayList<>()).add(touch(r)));
    if (!leadsOfContact.isEmpty()) {
      OneOf ofContacts =
          OneOf.of(
              dsl,
              COMMUNICATIONS,
              COMMUNICATIONS.ENTITY_ID,
              leadsOfContact.keySet(),
              COMMUNICATIONS.ACCOUNT_ID.eq(accountId),
              COMMUNICATIONS.ENTITY_TYPE.eq("contact"));
      JdbcRows.each(
          dsl.select(TOUCH_COLUMNS).from(ofContacts.from()).where(ofContacts.where()),
          r -> {
            Touch touch = touch(r);
            for (long lead : leadsOfContact.getOrDefault(r.longValue(8), List.of())) {
              touches.computeIfAbsent(lead, k -> new ArrayList<>()).add(touch);
            }
          });
    }
    touches.values().forEach(list -> list.sort(TOUCH_ORDER));
    return touches;
  }

  private static final java.util.Comparator<Touch> TOUCH_ORDER =
      java.util.Comparator.comparing(Touch::at).thenComparing(Touch::key);

  private Map<Long, List<NoteFacts>> notes(long accountId, Covering covering) {
    Map<Long, List<NoteFacts>> notes = new HashMap<>();
    OneOf ofLeads = covering.of(NOTES, NOTES.LEAD_ID, NOTES.ACCOUNT_ID.eq(accountId));
    // The order of ix_notes_lead, so the database does not sort.
    JdbcRows.each(
        dsl.select(
                NOTES.LEAD_ID,
                NOTES.NOTE_ID,
                NOTES.NOTE_TYPE,
                NOTES.TEXT,
                NOTES.DURATION,
                NOTES.CREATED_BY,
                NOTES.CREATED_AT)
            .from(ofLeads.from())
            .where(ofLeads.where())
            .orderBy(NOTES.LEAD_ID, NOTES.CREATED_AT, NOTES.NOTE_ID),
        r ->
            notes
                .computeIfAbsent(r.longValue(1), k -> new ArrayList<>())
                .add(
                    new NoteFacts(
                        r.longValue(2),
                        r.text(3),
                        r.text(4),
                        r.intOrNull(5),
                        r.longOrNull(6),
                        r.instant(7))));
    return notes;
  }
}
