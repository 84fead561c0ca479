package app.reglament.sandbox.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The account's data behind the {@link Store}'s lock: plain mutable maps of immutable records, and
 * the next id of each kind. Not thread-safe on its own; only the store touches it.
 */
final class StoreState {
  /** New entities get ids above everything loaded, starting at least here (amoCRM-like sizes). */
  static final long FIRST_LEAD_ID = 20_000_001L;

  static final long FIRST_CONTACT_ID = 30_000_001L;
  static final long FIRST_TASK_ID = 40_000_001L;
  static final long FIRST_NOTE_ID = 50_000_001L;
  static final long FIRST_WEBHOOK_ID = 1L;

  Account account;
  final Map<Long, Group> groups = new LinkedHashMap<>();
  final Map<Long, User> users = new LinkedHashMap<>();
  final Map<Long, Pipeline> pipelines = new LinkedHashMap<>();
  final Map<Long, CustomField> leadFields = new LinkedHashMap<>();
  final Map<Long, LossReason> lossReasons = new LinkedHashMap<>();
  final List<TaskType> taskTypes = new ArrayList<>();
  final TreeMap<Long, Contact> contacts = new TreeMap<>();
  final TreeMap<Long, Lead> leads = new TreeMap<>();
  final TreeMap<Long, Task> tasks = new TreeMap<>();
  final TreeMap<Long, Note> notes = new TreeMap<>();
  final TreeMap<Long, Webhook> webhooks = new TreeMap<>();
  final EventLog events = new EventLog();

  /** Task ids per deal, so a deal's nearest open task is found without a scan. */
  final Map<Long, List<Long>> taskIdsByLead = new HashMap<>();

  private long nextLeadId = FIRST_LEAD_ID;
  private long nextContactId = FIRST_CONTACT_ID;
  private long nextTaskId = FIRST_TASK_ID;
  private long nextNoteId = FIRST_NOTE_ID;
  private long nextWebhookId = FIRST_WEBHOOK_ID;

  long newLeadId() {
    return nextLeadId++;
  }

  long newContactId() {
    return nextContactId++;
  }

  long newTaskId() {
    return nextTaskId++;
  }

  long newNoteId() {
    return nextNoteId++;
  }

  long newWebhookId() {
    return nextWebhookId++;
  }

  /** After loading: new ids continue above the largest loaded ones. */
  void continueIdsAfterLoaded() {
    nextLeadId = Math.max(FIRST_LEAD_ID, maxKey(leads) + 1);
    nextContactId = Math.max(FIRST_CONTACT_ID, maxKey(contacts) + 1);
    nextTaskId = Math.max(FIRST_TASK_ID, maxKey(tasks) + 1);
    nextNoteId = Math.max(FIRST_NOTE_ID, maxKey(notes) + 1);
    nextWebhookId = Math.max(FIRST_WEBHOOK_ID, maxKey(webhooks) + 1);
  }

  private static long maxKey(TreeMap<Long, ?> map) {
    return map.isEmpty() ? 0 : map.lastKey();
  }

  void putTask(Task task) {
    Task previous = tasks.put(task.id(), task);
    if (previous == null && Task.ON_LEADS.equals(task.entityType())) {
      taskIdsByLead.computeIfAbsent(task.entityId(), id -> new ArrayList<>()).add(task.id());
    }
  }

  List<Task> tasksOfLead(long leadId) {
    List<Task> found = new ArrayList<>();
    for (long taskId : taskIdsByLead.getOrDefault(leadId, List.of())) {
      found.add(tasks.get(taskId));
    }
    return found;
  }

  Optional<Status> status(long pipelineId, long statusId) {
    Pipeline pipeline = pipelines.get(pipelineId);
    return pipeline == null ? Optional.empty() : pipeline.status(statusId);
  }

  Pipeline mainPipeline() {
    return pipelines.values().stream()
        .filter(Pipeline::main)
        .findFirst()
        .orElseGet(() -> pipelines.values().iterator().next());
  }

  void clear() {
    account = null;
    groups.clear();
    users.clear();
    pipelines.clear();
    leadFields.clear();
    lossReasons.clear();
    taskTypes.clear();
    contacts.clear();
    leads.clear();
    tasks.clear();
    notes.clear();
    webhooks.clear();
    events.clear();
    taskIdsByLead.clear();
  }
}
