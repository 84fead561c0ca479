package app.reglament.sandbox.store;

import app.reglament.sandbox.scenario.Scenario;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a generated {@link Scenario} into the store's state. The scenario is plain data; what
 * amoCRM guarantees and a generator might forget (142 and 143 in every pipeline, the standard task
 * types) is added here.
 */
final class ScenarioImport {
  private static final Logger log = LoggerFactory.getLogger(ScenarioImport.class);

  private ScenarioImport() {}

  static void load(StoreState state, Scenario scenario, Instant now) {
    Scenario.Account a = scenario.account();
    Instant created =
        list(scenario.leads()).stream()
            .map(Scenario.Lead::createdAt)
            .min(Comparator.naturalOrder())
            .orElse(a.now() != null ? a.now() : now);
    state.account = new Account(a.id(), a.name(), a.subdomain(), a.currentUserId(), "RUB", created);
    list(scenario.groups()).forEach(g -> state.groups.put(g.id(), new Group(g.id(), g.name())));
    state.groups.putIfAbsent(0L, new Group(0, "Отдел продаж"));
    for (Scenario.User u : list(scenario.users())) {
      state.users.put(
          u.id(), new User(u.id(), u.name(), u.email(), u.groupId(), u.admin(), u.active()));
    }
    list(scenario.pipelines()).forEach(p -> state.pipelines.put(p.id(), pipeline(p)));
    list(scenario.leadFields()).forEach(f -> state.leadFields.put(f.id(), field(f)));
    for (Scenario.LossReason r : list(scenario.lossReasons())) {
      state.lossReasons.put(r.id(), new LossReason(r.id(), r.name(), r.sort(), created, created));
    }
    state.taskTypes.addAll(DefaultAccount.standardTaskTypes());
    addTaskTypesInUse(state, scenario);
    list(scenario.contacts()).forEach(c -> state.contacts.put(c.id(), contact(c)));
    list(scenario.leads()).forEach(l -> state.leads.put(l.id(), lead(state, l)));
    list(scenario.tasks()).forEach(t -> state.putTask(task(t)));
    list(scenario.notes()).forEach(n -> state.notes.put(n.id(), note(n)));
    state.events.load(list(scenario.events()).stream().map(ScenarioImport::event).toList());
    log.info(
        "Loaded scenario of account {} ({}): {} users, {} pipelines, {} leads, {} contacts, {} tasks,"
            + " {} notes, {} events",
        a.id(),
        a.subdomain(),
        state.users.size(),
        state.pipelines.size(),
        state.leads.size(),
        state.contacts.size(),
        state.tasks.size(),
        state.notes.size(),
        state.events.size());
  }

  /**
   * The scenario names no task types; a task of a type beyond amoCRM's two standard ones gets that
   * type as the account's own, so later edits of the task are not refused for it.
   */
  private static void addTaskTypesInUse(StoreState state, Scenario scenario) {
    list(scenario.tasks()).stream()
        .map(Scenario.Task::taskTypeId)
        .distinct()
        .sorted()
        .filter(id -> state.taskTypes.stream().noneMatch(t -> t.id() == id))
        .forEach(id -> state.taskTypes.add(new TaskType(id, "Тип задачи " + id, null, null, null)));
  }

  private static Pipeline pipeline(Scenario.Pipeline p) {
    List<Status> statuses = new ArrayList<>();
    for (Scenario.Status s : p.statuses()) {
      statuses.add(new Status(s.id(), p.id(), s.name(), s.sort(), s.type(), s.color()));
    }
    addIfMissing(statuses, p.id(), Status.WON, "Успешно реализовано", 10_000, "#ccff66");
    addIfMissing(statuses, p.id(), Status.LOST, "Закрыто и не реализовано", 11_000, "#d5d8db");
    statuses.sort(Comparator.comparingInt(Status::sort));
    return new Pipeline(p.id(), p.name(), p.sort(), p.main(), statuses);
  }

  private static void addIfMissing(
      List<Status> statuses, long pipelineId, long id, String name, int sort, String color) {
    if (statuses.stream().noneMatch(s -> s.id() == id)) {
      statuses.add(new Status(id, pipelineId, name, sort, Status.TYPE_REGULAR, color));
    }
  }

  private static CustomField field(Scenario.CustomField f) {
    return new CustomField(
        f.id(),
        f.name(),
        f.code(),
        f.type(),
        f.sort(),
        list(f.enums()).stream().map(e -> new FieldEnum(e.id(), e.value(), e.sort())).toList(),
        list(f.requiredStatuses()).stream()
            .map(r -> new RequiredStatus(r.pipelineId(), r.statusId()))
            .toList());
  }

  private static Contact contact(Scenario.Contact c) {
    List<FieldValue> fields = list(c.customFields()).stream().map(v -> plain(v)).toList();
    return new Contact(
        c.id(),
        c.name(),
        c.responsibleUserId(),
        fields,
        c.responsibleUserId(),
        c.responsibleUserId(),
        c.createdAt(),
        c.updatedAt());
  }

  /** A scenario's field value in the store's terms: options for enum fields, texts otherwise. */
  static FieldValue fieldValue(CustomField definition, Scenario.FieldValue v) {
    return definition != null && definition.hasEnums() ? options(definition, v) : plain(v);
  }

  private static Lead lead(StoreState state, Scenario.Lead l) {
    List<FieldValue> fields = new ArrayList<>();
    for (Scenario.FieldValue v : list(l.customFields())) {
      fields.add(fieldValue(state.leadFields.get(v.fieldId()), v));
    }
    return new Lead(
        l.id(),
        l.name(),
        l.price(),
        l.responsibleUserId(),
        l.pipelineId(),
        l.statusId(),
        l.lossReasonId(),
        l.createdBy(),
        l.createdBy(),
        l.createdAt(),
        l.updatedAt(),
        l.closedAt(),
        false,
        fields,
        list(l.contactIds()));
  }

  /** Option values by id (the scenario's way), or by text when it gave texts only. */
  private static FieldValue options(CustomField field, Scenario.FieldValue v) {
    List<FieldValue.Value> values = new ArrayList<>();
    for (long enumId : list(v.enumIds())) {
      field.enumById(enumId).ifPresent(e -> values.add(FieldValue.Value.option(e)));
    }
    if (values.isEmpty()) {
      for (String text : list(v.values())) {
        values.add(
            field
                .enumByValue(text)
                .map(FieldValue.Value::option)
                .orElse(FieldValue.Value.text(text)));
      }
    }
    return new FieldValue(v.fieldId(), values);
  }

  private static FieldValue plain(Scenario.FieldValue v) {
    return new FieldValue(
        v.fieldId(), list(v.values()).stream().map(FieldValue.Value::text).toList());
  }

  private static Task task(Scenario.Task t) {
    return new Task(
        t.id(),
        Task.ON_LEADS,
        t.leadId(),
        t.responsibleUserId(),
        t.taskTypeId(),
        t.text(),
        0,
        t.completeTill(),
        t.completed(),
        t.resultText(),
        t.createdBy(),
        t.createdBy(),
        t.createdAt(),
        t.updatedAt());
  }

  private static Note note(Scenario.Note n) {
    return new Note(
        n.id(),
        n.leadId(),
        n.noteType(),
        n.params() == null ? Map.of() : n.params(),
        n.createdBy(),
        n.createdBy(),
        n.createdBy(),
        n.createdAt(),
        n.createdAt());
  }

  private static Event event(Scenario.Event e) {
    return new Event(
        e.id(),
        e.type(),
        e.entityType(),
        e.entityId(),
        e.createdBy(),
        e.createdAt(),
        list(e.valueBefore()),
        list(e.valueAfter()));
  }

  private static <T> List<T> list(List<T> list) {
    return list == null ? List.of() : list;
  }
}
