package app.reglament.sandbox.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Creates and changes tasks: all-or-nothing batches, amoCRM's defaults and task events. */
final class TaskWriter {
  private static final Set<String> ENTITY_TYPES = Set.of(Task.ON_LEADS, Task.ON_CONTACTS);

  private TaskWriter() {}

  static List<Task> create(Write write, List<NewTask> input) {
    List<Violation> violations = new ArrayList<>();
    List<Task> planned = new ArrayList<>();
    for (int i = 0; i < input.size(); i++) {
      planned.add(planCreate(write, input.get(i), i, violations));
    }
    if (!violations.isEmpty()) {
      throw new InvalidChangeException(violations);
    }
    List<Task> created = new ArrayList<>();
    for (Task draft : planned) {
      Task task =
          new Task(
              write.state.newTaskId(),
              draft.entityType(),
              draft.entityId(),
              draft.responsibleUserId(),
              draft.taskTypeId(),
              draft.text(),
              draft.duration(),
              draft.completeTill(),
              false,
              null,
              write.by,
              write.by,
              write.at,
              write.at);
      write.state.putTask(task);
      write.event(
          EventTypes.TASK_ADDED,
          EventTypes.ENTITY_TASK,
          task.id(),
          EventValues.none(),
          EventValues.task(task));
      write.changes.add(new Change.TaskAdded(task));
      created.add(task);
    }
    return created;
  }

  private static Task planCreate(Write write, NewTask in, int index, List<Violation> out) {
    StoreState state = write.state;
    int before = out.size();
    Long defaultResponsible = null;
    if (!ENTITY_TYPES.contains(in.entityType())) {
      out.add(
          new Violation(
              index,
              Violation.NOT_SUPPORTED_CHOICE,
              "entity_type",
              "Tasks can be set on leads or contacts, not on " + in.entityType()));
    } else if (Task.ON_LEADS.equals(in.entityType())) {
      Lead lead = state.leads.get(in.entityId());
      if (lead == null || lead.deleted()) {
        out.add(notFound(index, "entity_id", "deal", in.entityId()));
      } else {
        defaultResponsible = lead.responsibleUserId();
      }
    } else if (!state.contacts.containsKey(in.entityId())) {
      out.add(notFound(index, "entity_id", "contact", in.entityId()));
    }
    if (in.text() == null || in.text().isBlank()) {
      out.add(new Violation(index, Violation.FIELD_MISSING, "text", "A task needs a text"));
    }
    if (in.completeTill() == null) {
      out.add(
          new Violation(
              index, Violation.FIELD_MISSING, "complete_till", "A task needs a deadline"));
    }
    long type = in.taskTypeId() == null ? TaskType.FOLLOW_UP : in.taskTypeId();
    checkType(state, type, index, out);
    long responsible =
        in.responsibleUserId() != null
            ? in.responsibleUserId()
            : defaultResponsible != null ? defaultResponsible : write.actingUser();
    LeadWriter.checkUser(state, responsible, index, out);
    if (out.size() > before) {
      return null;
    }
    return new Task(
        0,
        in.entityType(),
        in.entityId(),
        responsible,
        type,
        in.text(),
        in.duration() == null ? 0 : in.duration(),
        in.completeTill(),
        false,
        null,
        write.by,
        write.by,
        write.at,
        write.at);
  }

  static List<Task> update(Write write, List<TaskPatch> patches) {
    List<Violation> violations = new ArrayList<>();
    Map<Long, Task> working = new HashMap<>();
    List<Task[]> planned = new ArrayList<>();
    for (int i = 0; i < patches.size(); i++) {
      TaskPatch patch = patches.get(i);
      Task current = working.getOrDefault(patch.id(), write.state.tasks.get(patch.id()));
      Task after = planUpdate(write, current, patch, i, violations);
      if (after != null) {
        working.put(after.id(), after);
        planned.add(new Task[] {current, after});
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidChangeException(violations);
    }
    List<Task> updated = new ArrayList<>();
    for (Task[] pair : planned) {
      write.state.putTask(pair[1]);
      logChanges(write, pair[0], pair[1]);
      write.changes.add(new Change.TaskUpdated(pair[0], pair[1]));
      updated.add(pair[1]);
    }
    return updated;
  }

  private static Task planUpdate(
      Write write, Task task, TaskPatch patch, int index, List<Violation> out) {
    if (task == null) {
      out.add(notFound(index, "id", "task", patch.id()));
      return null;
    }
    int before = out.size();
    long type = patch.taskTypeId() == null ? task.taskTypeId() : patch.taskTypeId();
    checkType(write.state, type, index, out);
    long responsible =
        patch.responsibleUserId() == null ? task.responsibleUserId() : patch.responsibleUserId();
    LeadWriter.checkUser(write.state, responsible, index, out);
    if (patch.text() != null && patch.text().isBlank()) {
      out.add(new Violation(index, Violation.FIELD_MISSING, "text", "A task needs a text"));
    }
    if (out.size() > before) {
      return null;
    }
    boolean completed = patch.completed() == null ? task.completed() : patch.completed();
    // A task opened again loses its old result: the next completion must bring a new one.
    String result =
        patch.resultText() != null ? patch.resultText() : completed ? task.resultText() : null;
    return task.with(
        responsible,
        type,
        patch.text() == null ? task.text() : patch.text(),
        patch.duration() == null ? task.duration() : patch.duration(),
        patch.completeTill() == null ? task.completeTill() : patch.completeTill(),
        completed,
        result,
        write.by,
        write.at);
  }

  private static void logChanges(Write write, Task before, Task after) {
    long id = after.id();
    String task = EventTypes.ENTITY_TASK;
    if (!before.text().equals(after.text())) {
      write.event(
          EventTypes.TASK_TEXT_CHANGED,
          task,
          id,
          EventValues.taskText(before.text()),
          EventValues.taskText(after.text()));
    }
    if (!before.completeTill().equals(after.completeTill())) {
      write.event(
          EventTypes.TASK_DEADLINE_CHANGED,
          task,
          id,
          EventValues.taskDeadline(before.completeTill().getEpochSecond()),
          EventValues.taskDeadline(after.completeTill().getEpochSecond()));
    }
    if (before.taskTypeId() != after.taskTypeId()) {
      write.event(
          EventTypes.TASK_TYPE_CHANGED,
          task,
          id,
          EventValues.taskType(before.taskTypeId()),
          EventValues.taskType(after.taskTypeId()));
    }
    if (before.responsibleUserId() != after.responsibleUserId()) {
      write.event(
          EventTypes.RESPONSIBLE_CHANGED,
          task,
          id,
          EventValues.responsible(before.responsibleUserId()),
          EventValues.responsible(after.responsibleUserId()));
    }
    if (!before.completed() && after.completed()) {
      write.event(
          EventTypes.TASK_COMPLETED,
          task,
          id,
          EventValues.taskCompleted(false),
          EventValues.taskCompleted(true));
    }
    String result = after.resultText();
    if (result != null && !result.isBlank() && !result.equals(before.resultText())) {
      write.event(
          EventTypes.TASK_RESULT_ADDED,
          task,
          id,
          EventValues.none(),
          EventValues.taskResult(result));
    }
  }

  private static void checkType(StoreState state, long typeId, int index, List<Violation> out) {
    if (state.taskTypes.stream().noneMatch(t -> t.id() == typeId)) {
      out.add(
          new Violation(
              index,
              Violation.NOT_SUPPORTED_CHOICE,
              "task_type_id",
              "There is no task type " + typeId));
    }
  }

  private static Violation notFound(int index, String path, String what, long id) {
    return new Violation(index, Violation.NOT_FOUND, path, "There is no " + what + " " + id);
  }
}
