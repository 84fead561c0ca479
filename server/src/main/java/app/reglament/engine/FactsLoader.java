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

import app.reglament.amo.api.model.CustomFieldValue;
import app.reglament.db.OneOf;
import app.reglament.db.generated.tables.records.LeadsRecord;
import app.reglament.db.generated.tables.records.TasksRecord;
import app.reglament.rules.facts.AccountFacts;
import app.reglament.rules.facts.DealFacts;
import app.reglament.rules.facts.FieldValue;
import app.reglament.rules.facts.NoteFacts;
import app.reglament.rules.facts.StageChange;
import app.reglament.rules.facts.TaskFacts;
import app.reglament.rules.facts.Touch;
import app.reglament.web.Json;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Reads the rule facts out of the mirror: the account's reference data, and deals with everything
 * on them, a batch of deals at a time (a handful of queries per batch, whatever its size).
 */
public final class FactsLoader {
  /** Deals per batch: an IN list this long stays cheap on H2 and MariaDB alike. */
  public static final int BATCH = 1000;

  private static final ObjectMapper JSON = Json.mapper();
  private static final TypeReference<List<CustomFieldValue>> FIELD_VALUES =
      new TypeReference<>() {};

  /** How a completed task learns its manager's previous result. */
  public interface PreviousResults {
    /** The previous result of each completed task's manager, by task id; absent when none. */
    Map<Long, String> of(List<TasksRecord> completed);

    default String previous(TasksRecord task) {
      return of(List.of(task)).get(task.getTaskId());
    }
  }

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
    List<LeadsRecord> leads =
        dsl.select(LEADS.fields())
            .from(ofLeads.from())
            .where(ofLeads.where())
            .orderBy(LEADS.LEAD_ID)
            .coerce(LEADS)
            .fetch();
    if (leads.isEmpty()) {
      return List.of();
    }
    List<Long> ids = leads.stream().map(LeadsRecord::getLeadId).toList();
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
    List<LeadsRecord> leads =
        dsl.selectFrom(LEADS)
            .where(LEADS.ACCOUNT_ID.eq(accountId), LEADS.LEAD_ID.gt(afterId))
            .orderBy(LEADS.ACCOUNT_ID, LEADS.LEAD_ID)
            .limit(limit)
            .fetch();
    if (leads.isEmpty()) {
      return List.of();
    }
    long lastId = leads.get(leads.size() - 1).getLeadId();
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

  private List<DealFacts> assemble(
      long accountId, List<LeadsRecord> leads, Covering covering, PreviousResults previous) {
    Map<Long, List<Long>> contactsOfLead = new HashMap<>();
    Map<Long, List<Long>> leadsOfContact = new HashMap<>();
    Map<Long, String> mainContactName = new HashMap<>();
    OneOf ofLinks =
        covering.of(LEAD_CONTACTS, LEAD_CONTACTS.LEAD_ID, LEAD_CONTACTS.ACCOUNT_ID.eq(accountId));
    dsl.select(
            LEAD_CONTACTS.LEAD_ID, LEAD_CONTACTS.CONTACT_ID, LEAD_CONTACTS.IS_MAIN, CONTACTS.NAME)
        .from(ofLinks.from())
        .leftJoin(CONTACTS)
        .on(
            CONTACTS.ACCOUNT_ID.eq(LEAD_CONTACTS.ACCOUNT_ID),
            CONTACTS.CONTACT_ID.eq(LEAD_CONTACTS.CONTACT_ID))
        .where(ofLinks.where())
        .orderBy(LEAD_CONTACTS.LEAD_ID, LEAD_CONTACTS.IS_MAIN.desc(), LEAD_CONTACTS.CONTACT_ID)
        .forEach(
            r -> {
              long lead = r.value1();
              long contact = r.value2();
              contactsOfLead.computeIfAbsent(lead, k -> new ArrayList<>()).add(contact);
              leadsOfContact.computeIfAbsent(contact, k -> new ArrayList<>()).add(lead);
              if (!mainContactName.containsKey(lead) && r.value4() != null) {
                mainContactName.put(lead, r.value4());
              }
            });

    Map<Long, List<StageChange>> stages = new HashMap<>();
    OneOf ofHistory =
        covering.of(
            LEAD_STATUS_HISTORY,
            LEAD_STATUS_HISTORY.LEAD_ID,
            LEAD_STATUS_HISTORY.ACCOUNT_ID.eq(accountId));
    dsl.select(LEAD_STATUS_HISTORY.fields())
        .from(ofHistory.from())
        .where(ofHistory.where())
        .orderBy(
            LEAD_STATUS_HISTORY.LEAD_ID, LEAD_STATUS_HISTORY.CHANGED_AT, LEAD_STATUS_HISTORY.ID)
        .coerce(LEAD_STATUS_HISTORY)
        .fetch()
        .forEach(
            h ->
                stages
                    .computeIfAbsent(h.getLeadId(), k -> new ArrayList<>())
                    .add(
                        new StageChange(
                            h.getPipelineId(),
                            h.getStatusId(),
                            h.getOldPipelineId(),
                            h.getOldStatusId(),
                            h.getChangedBy(),
                            h.getChangedAt())));

    Map<Long, List<TaskFacts>> tasks = new HashMap<>();
    List<TasksRecord> taskRecords = new ArrayList<>();
    OneOf ofTasks =
        covering.of(
            TASKS, TASKS.ENTITY_ID, TASKS.ACCOUNT_ID.eq(accountId), TASKS.ENTITY_TYPE.eq("leads"));
    dsl.select(TASKS.fields())
        .from(ofTasks.from())
        .where(ofTasks.where(), TASKS.IS_DELETED.isFalse())
        .orderBy(TASKS.ENTITY_ID, TASKS.CREATED_AT, TASKS.TASK_ID)
        .coerce(TASKS)
        .fetch()
        .forEach(t -> taskRecords.add(t));
    List<TasksRecord> completed = new ArrayList<>();
    for (TasksRecord t : taskRecords) {
      if (t.getIsCompleted()) {
        completed.add(t);
      }
    }
    Map<Long, String> previousResults = completed.isEmpty() ? Map.of() : previous.of(completed);
    for (TasksRecord t : taskRecords) {
      tasks.computeIfAbsent(t.getEntityId(), k -> new ArrayList<>()).add(task(t, previousResults));
    }

    Map<Long, List<Touch>> touches = touches(accountId, covering, leadsOfContact);
    Map<Long, List<NoteFacts>> notes = notes(accountId, covering);

    List<DealFacts> deals = new ArrayList<>(leads.size());
    for (LeadsRecord l : leads) {
      long id = l.getLeadId();
      deals.add(
          new DealFacts(
              id,
              l.getName(),
              l.getResponsibleUserId(),
              l.getPipelineId(),
              l.getStatusId(),
              l.getLossReasonId(),
              l.getCreatedAt(),
              l.getUpdatedAt(),
              l.getClosedAt(),
              l.getIsDeleted(),
              fields(l.getCustomFields()),
              mainContactName.get(id),
              l.getCompanyName(),
              stages.getOrDefault(id, List.of()),
              tasks.getOrDefault(id, List.of()),
              touches.getOrDefault(id, List.of()),
              notes.getOrDefault(id, List.of())));
    }
    return deals;
  }

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
      List<TasksRecord> asked = new ArrayList<>();
      for (TasksRecord task : completed) {
        if (task.getIsCompleted() && task.getResponsibleUserId() != null) {
          asked.add(task);
        }
      }
      Map<Long, String> out = new HashMap<>();
      // Each lookup is a scalar subquery of one SELECT: a deal's tasks cost one round trip.
      for (int from = 0; from < asked.size(); from += PREVIOUS_PER_STATEMENT) {
        List<TasksRecord> chunk =
            asked.subList(from, Math.min(asked.size(), from + PREVIOUS_PER_STATEMENT));
        List<Field<String>> lookups = new ArrayList<>(chunk.size());
        for (TasksRecord task : chunk) {
          lookups.add(DSL.field(previousOf(accountId, task)));
        }
        var row = dsl.select(lookups).fetchOne();
        for (int i = 0; i < chunk.size(); i++) {
          String text = row == null ? null : (String) row.get(i);
          if (text != null) {
            out.put(chunk.get(i).getTaskId(), text);
          }
        }
      }
      return out;
    };
  }

  private org.jooq.Select<org.jooq.Record1<String>> previousOf(long accountId, TasksRecord task) {
    Instant at = completedAt(task);
    return DSL.select(TASKS.RESULT_TEXT)
        .from(TASKS)
        .where(
            TASKS.ACCOUNT_ID.eq(accountId),
            TASKS.RESPONSIBLE_USER_ID.eq(task.getResponsibleUserId()),
            TASKS.COMPLETED_AT.le(at),
            TASKS.COMPLETED_AT.lt(at).or(TASKS.TASK_ID.lt(task.getTaskId())),
            TASKS.IS_COMPLETED.isTrue(),
            TASKS.IS_DELETED.isFalse(),
            TASKS.TASK_ID.ne(task.getTaskId()))
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
    Map<Long, String> repeats = new HashMap<>();
    Long newerUser = null;
    Long newerTask = null;
    String newerEssence = null;
    try (var cursor =
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
            .fetchSize(5000)
            .fetchLazy()) {
      for (var r : cursor) {
        // r is the previous task of the one read before it, when both are the same manager's.
        String text = r.value3() == null ? "" : r.value3();
        String essence = app.reglament.rules.JunkText.essence(text);
        if (Objects.equals(newerUser, r.value2()) && essence.equals(newerEssence)) {
          repeats.put(newerTask, text);
        }
        newerUser = r.value2();
        newerTask = r.value1();
        newerEssence = essence;
      }
    }
    return completed -> {
      Map<Long, String> out = new HashMap<>();
      for (TasksRecord task : completed) {
        String text = repeats.get(task.getTaskId());
        if (text != null) {
          out.put(task.getTaskId(), text);
        }
      }
      return out;
    };
  }

  private static Instant completedAt(TasksRecord t) {
    return t.getCompletedAt() != null ? t.getCompletedAt() : t.getUpdatedAt();
  }

  private static TaskFacts task(TasksRecord t, Map<Long, String> previous) {
    boolean completed = t.getIsCompleted();
    return new TaskFacts(
        t.getTaskId(),
        t.getResponsibleUserId(),
        t.getTaskTypeId(),
        t.getTaskText(),
        t.getCompleteTillAt(),
        completed,
        t.getResultText(),
        t.getCreatedAt(),
        completed ? completedAt(t) : null,
        completed ? previous.get(t.getTaskId()) : null);
  }

  private Map<Long, List<Touch>> touches(
      long accountId, Covering covering, Map<Long, List<Long>> leadsOfContact) {
    Map<Long, List<Touch>> touches = new HashMap<>();
    // Two indexed queries rather than one OR-ed condition, which H2 would answer by a scan.
    OneOf ofLeads =
        covering.of(
            COMMUNICATIONS, COMMUNICATIONS.LEAD_ID, COMMUNICATIONS.ACCOUNT_ID.eq(accountId));
    dsl.select(COMMUNICATIONS.fields())
        .from(ofLeads.from())
        .where(ofLeads.where())
        .coerce(COMMUNICATIONS)
        .fetch()
        .forEach(c -> touches.computeIfAbsent(c.getLeadId(), k -> new ArrayList<>()).add(touch(c)));
    if (!leadsOfContact.isEmpty()) {
      OneOf ofContacts =
          OneOf.of(
              dsl,
              COMMUNICATIONS,
              COMMUNICATIONS.ENTITY_ID,
              leadsOfContact.keySet(),
              COMMUNICATIONS.ACCOUNT_ID.eq(accountId),
              COMMUNICATIONS.ENTITY_TYPE.eq("contact"));
      dsl.select(COMMUNICATIONS.fields())
          .from(ofContacts.from())
          .where(ofContacts.where())
          .coerce(COMMUNICATIONS)
          .fetch()
          .forEach(
              c -> {
                for (long lead : leadsOfContact.getOrDefault(c.getEntityId(), List.of())) {
                  touches.computeIfAbsent(lead, k -> new ArrayList<>()).add(touch(c));
                }
              });
    }
    touches.values().forEach(list -> list.sort(TOUCH_ORDER));
    return touches;
  }

  private static final java.util.Comparator<Touch> TOUCH_ORDER =
      java.util.Comparator.comparing(Touch::at).thenComparing(Touch::key);

  private static Touch touch(app.reglament.db.generated.tables.records.CommunicationsRecord c) {
    return new Touch(
        c.getSourceKey(),
        c.getChannel(),
        "out".equals(c.getDirection()),
        c.getIsMissed(),
        c.getUserId(),
        c.getOccurredAt());
  }

  private Map<Long, List<NoteFacts>> notes(long accountId, Covering covering) {
    Map<Long, List<NoteFacts>> notes = new HashMap<>();
    OneOf ofLeads = covering.of(NOTES, NOTES.LEAD_ID, NOTES.ACCOUNT_ID.eq(accountId));
    dsl.select(NOTES.fields())
        .from(ofLeads.from())
        .where(ofLeads.where())
        .orderBy(NOTES.LEAD_ID, NOTES.CREATED_AT, NOTES.NOTE_ID)
        .coerce(NOTES)
        .fetch()
        .forEach(
            n ->
                notes
                    .computeIfAbsent(n.getLeadId(), k -> new ArrayList<>())
                    .add(
                        new NoteFacts(
                            n.getNoteId(),
                            n.getNoteType(),
                            n.getText(),
                            n.getDuration(),
                            n.getCreatedBy(),
                            n.getCreatedAt())));
    return notes;
  }

  private static List<FieldValue> fields(String json) {
    if (json == null || json.isBlank()) {
      return List.of();
    }
    try {
      List<CustomFieldValue> values = JSON.readValue(json, FIELD_VALUES);
      List<FieldValue> out = new ArrayList<>(values.size());
      for (CustomFieldValue v : values) {
        if (v.fieldId() == null) {
          continue;
        }
        List<String> texts = new ArrayList<>();
        for (CustomFieldValue.Value value : v.values()) {
          String text = value.text();
          if (text != null) {
            texts.add(text);
          }
        }
        out.add(new FieldValue(v.fieldId(), v.fieldName(), v.fieldType(), texts));
      }
      return out;
    } catch (java.io.IOException e) {
      // The mirror wrote this JSON itself; a value it cannot read back is treated as no values.
      return List.of();
    }
  }
}
