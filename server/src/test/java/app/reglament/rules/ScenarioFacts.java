package app.reglament.rules;

import app.reglament.rules.facts.AccountFacts;
import app.reglament.rules.facts.DealFacts;
import app.reglament.rules.facts.FieldValue;
import app.reglament.rules.facts.ManagerActivity;
import app.reglament.rules.facts.NoteFacts;
import app.reglament.rules.facts.StageChange;
import app.reglament.rules.facts.TaskFacts;
import app.reglament.rules.facts.Touch;
import app.reglament.sandbox.scenario.Scenario;
import app.reglament.sandbox.scenario.ScenarioGenerator;
import app.reglament.sandbox.scenario.ScenarioSettings;
import app.reglament.sandbox.store.Contact;
import app.reglament.sandbox.store.CustomField;
import app.reglament.sandbox.store.Event;
import app.reglament.sandbox.store.EventTypes;
import app.reglament.sandbox.store.Lead;
import app.reglament.sandbox.store.Note;
import app.reglament.sandbox.store.Pipeline;
import app.reglament.sandbox.store.Status;
import app.reglament.sandbox.store.Store;
import app.reglament.sandbox.store.Task;
import app.reglament.sandbox.store.User;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A generated sandbox account as Reglament's rule facts: what the mirror would hold after syncing
 * the account through amoCRM's API v4, built straight from the sandbox's {@link Store} (the data
 * /api/v4 serves) with no database and no HTTP in between.
 *
 * <p>Readings, matching the mirror's: stage moves are the {@code lead_status_changed} events;
 * touches are the call, chat, mail and SMS events on the deal or on any of its contacts (key {@code
 * event:<id>}; an incoming call is missed when its call note lasted 0 seconds); a task's {@code
 * completedAt} is its last {@code task_completed} event (else its last update); select values are
 * option names; user id 0 (amoCRM itself, a robot) becomes null. A deal is deleted when its last
 * {@code lead_deleted}/{@code lead_restored} event is a deletion or the store says so; such deals
 * stay in {@link #deals()} with {@code deleted = true}.
 */
public record ScenarioFacts(
    Scenario scenario,
    ScenarioSettings settings,
    Store store,
    AccountFacts account,
    List<DealFacts> deals,
    Map<Long, ManagerActivity> activity) {

  private static final long ROBOT = 0;

  public ScenarioFacts {
    deals = List.copyOf(deals);
    activity = Map.copyOf(activity);
  }

  /** Generates the scenario, loads it into a sandbox store, and reads the facts back. */
  public static ScenarioFacts generate(ScenarioSettings settings) {
    Scenario scenario = ScenarioGenerator.generate(settings);
    Store store = Store.of(scenario, Clock.fixed(settings.now(), ZoneOffset.UTC));
    return fromStore(scenario, settings, store);
  }

  /** The facts of an already loaded store. */
  public static ScenarioFacts fromStore(Scenario scenario, ScenarioSettings settings, Store store) {
    Reader reader = new Reader(store, settings.windowStart());
    return new ScenarioFacts(
        scenario, settings, store, reader.account(), reader.deals(), reader.activity());
  }

  /** The scenario's {@code now}: the moment the history ends. */
  public Instant now() {
    return settings.now();
  }

  /** The first moment of the history (now − historyDays). */
  public Instant historyFrom() {
    return settings.windowStart();
  }

  public Optional<DealFacts> deal(long leadId) {
    return deals.stream().filter(d -> d.leadId() == leadId).findFirst();
  }

  /** The deals not deleted at now. */
  public List<DealFacts> liveDeals() {
    return deals.stream().filter(d -> !d.deleted()).toList();
  }

  /** Reads the store once and indexes what the facts need. */
  private static final class Reader {
    private final Store store;
    private final Instant historyFrom;
    private final Map<Long, CustomField> fieldDefinitions = new LinkedHashMap<>();
    private final Map<String, List<Event>> eventsByEntity = new HashMap<>();
    private final Map<Long, Note> notes = new HashMap<>();
    private final Map<Long, List<Note>> notesByLead = new HashMap<>();
    private final Map<Long, List<Task>> tasksByLead = new HashMap<>();
    private final List<Event> events;

    Reader(Store store, Instant historyFrom) {
      this.store = store;
      this.historyFrom = historyFrom;
      store.leadFields().forEach(f -> fieldDefinitions.put(f.id(), f));
      events = store.events(e -> true);
      for (Event e : events) {
        eventsByEntity
            .computeIfAbsent(entity(e.entityType(), e.entityId()), k -> new ArrayList<>())
            .add(e);
      }
      for (Note n : store.notes(n -> true)) {
        notes.put(n.id(), n);
        notesByLead.computeIfAbsent(n.leadId(), k -> new ArrayList<>()).add(n);
      }
      for (Task t : store.tasks(t -> t.entityType().equals(Task.ON_LEADS))) {
        tasksByLead.computeIfAbsent(t.entityId(), k -> new ArrayList<>()).add(t);
      }
    }

    AccountFacts account() {
      Map<Long, AccountFacts.UserFacts> users = new LinkedHashMap<>();
      for (User u : store.users()) {
        users.put(u.id(), new AccountFacts.UserFacts(u.id(), u.name(), u.admin(), u.active()));
      }
      Map<Long, List<AccountFacts.StatusFacts>> pipelines = new LinkedHashMap<>();
      for (Pipeline p : store.pipelines()) {
        List<AccountFacts.StatusFacts> statuses = new ArrayList<>();
        for (Status s : p.statuses()) {
          statuses.add(new AccountFacts.StatusFacts(p.id(), s.id(), s.name(), s.sort(), s.type()));
        }
        pipelines.put(p.id(), statuses);
      }
      Map<Long, AccountFacts.FieldDefinition> fields = new LinkedHashMap<>();
      fieldDefinitions
          .values()
          .forEach(
              f ->
                  fields.put(f.id(), new AccountFacts.FieldDefinition(f.id(), f.name(), f.type())));
      return new AccountFacts(store.account().id(), users, pipelines, fields);
    }

    List<DealFacts> deals() {
      List<Lead> leads = new ArrayList<>(store.leads(l -> true));
      leads.addAll(store.deletedLeads());
      leads.sort(Comparator.comparingLong(Lead::id));
      Map<Long, String> previousResults = previousResults();
      List<DealFacts> deals = new ArrayList<>();
      for (Lead lead : leads) {
        deals.add(deal(lead, previousResults));
      }
      return deals;
    }

    Map<Long, ManagerActivity> activity() {
      Map<Long, List<Instant>> times = new TreeMap<>();
      store.users().forEach(u -> times.put(u.id(), new ArrayList<>()));
      for (Event e : events) {
        List<Instant> own = times.get(e.createdBy());
        if (own != null) {
          own.add(e.createdAt());
        }
      }
      Map<Long, ManagerActivity> activity = new LinkedHashMap<>();
      times.forEach(
          (userId, list) -> {
            list.sort(Comparator.naturalOrder());
            activity.put(userId, new ManagerActivity(userId, historyFrom, List.of(), list));
          });
      return activity;
    }

    private DealFacts deal(Lead lead, Map<Long, String> previousResults) {
      List<Event> own = eventsOf(EventTypes.ENTITY_LEAD, lead.id());
      List<Contact> contacts = store.contactsOf(lead.id());
      List<Touch> touches = new ArrayList<>();
      Stream.concat(
              own.stream(),
              contacts.stream().flatMap(c -> eventsOf(EventTypes.ENTITY_CONTACT, c.id()).stream()))
          .filter(e -> EventTypes.COMMUNICATIONS.contains(e.type()))
          .map(this::touch)
          .forEach(touches::add);
      touches.sort(Comparator.comparing(Touch::at).thenComparing(Touch::key));
      List<TaskFacts> tasks =
          tasksByLead.getOrDefault(lead.id(), List.of()).stream()
              .sorted(Comparator.comparing(Task::createdAt).thenComparingLong(Task::id))
              .map(t -> task(t, previousResults.get(t.id())))
              .toList();
      List<NoteFacts> noteFacts =
          notesByLead.getOrDefault(lead.id(), List.of()).stream()
              .sorted(Comparator.comparing(Note::createdAt).thenComparingLong(Note::id))
              .map(Reader::note)
              .toList();
      return new DealFacts(
          lead.id(),
          lead.name(),
          user(lead.responsibleUserId()),
          lead.pipelineId(),
          lead.statusId(),
          lead.lossReasonId(),
          lead.createdAt(),
          lead.updatedAt(),
          lead.closedAt(),
          lead.deleted() || deletedByEvents(own),
          lead.customFields().stream().map(this::field).toList(),
          contacts.isEmpty() ? null : contacts.get(0).name(),
          null,
          own.stream()
              .filter(e -> e.type().equals(EventTypes.LEAD_STATUS_CHANGED))
              .map(Reader::stage)
              .toList(),
          tasks,
          touches,
          noteFacts);
    }

    private static boolean deletedByEvents(List<Event> own) {
      boolean deleted = false;
      for (Event e : own) {
        if (e.type().equals(EventTypes.LEAD_DELETED)) {
          deleted = true;
        } else if (e.type().equals(EventTypes.LEAD_RESTORED)) {
          deleted = false;
        }
      }
      return deleted;
    }

    private Touch touch(Event e) {
      String type = e.type();
      boolean outgoing = type.startsWith("outgoing_");
      String channel;
      if (type.endsWith("_call")) {
        channel = "call";
      } else if (type.endsWith("_chat_message")) {
        channel = "chat";
      } else if (type.endsWith("_mail")) {
        channel = "mail";
      } else {
        channel = "sms";
      }
      boolean missed =
          type.equals(EventTypes.INCOMING_CALL)
              && noteOf(e).map(n -> duration(n)).map(d -> d == 0).orElse(false);
      return new Touch(
          "event:" + e.id(), channel, outgoing, missed, user(e.createdBy()), e.createdAt());
    }

    /** The note an event points to ({@code value_after: [{"note": {"id": ...}}]}). */
    private Optional<Note> noteOf(Event e) {
      for (Map<String, Object> value : e.valueAfter()) {
        if (value.get("note") instanceof Map<?, ?> note && note.get("id") instanceof Number id) {
          return Optional.ofNullable(notes.get(id.longValue()));
        }
      }
      return Optional.empty();
    }

    private TaskFacts task(Task t, String previousResult) {
      return new TaskFacts(
          t.id(),
          user(t.responsibleUserId()),
          t.taskTypeId(),
          t.text(),
          t.completeTill(),
          t.completed(),
          t.resultText(),
          t.createdAt(),
          completedAt(t),
          previousResult);
    }

    private Instant completedAt(Task t) {
      if (!t.completed()) {
        return null;
      }
      Instant at = null;
      for (Event e : eventsOf(EventTypes.ENTITY_TASK, t.id())) {
        if (e.type().equals(EventTypes.TASK_COMPLETED)) {
          at = e.createdAt();
        }
      }
      return at != null ? at : t.updatedAt();
    }

    /** Each completed task's id → its responsible's previous completed task's result. */
    private Map<Long, String> previousResults() {
      Map<Long, List<Task>> byUser = new TreeMap<>();
      Map<Long, Instant> completed = new HashMap<>();
      for (Task t : store.tasks(t -> t.completed() && t.entityType().equals(Task.ON_LEADS))) {
        completed.put(t.id(), completedAt(t));
        byUser.computeIfAbsent(t.responsibleUserId(), k -> new ArrayList<>()).add(t);
      }
      Map<Long, String> previous = new HashMap<>();
      for (List<Task> own : byUser.values()) {
        own.sort(
            Comparator.comparing((Task t) -> completed.get(t.id())).thenComparingLong(Task::id));
        String last = null;
        for (Task t : own) {
          if (last != null) {
            previous.put(t.id(), last);
          }
          last = t.resultText();
        }
      }
      return previous;
    }

    private FieldValue field(app.reglament.sandbox.store.FieldValue value) {
      CustomField definition = fieldDefinitions.get(value.fieldId());
      return new FieldValue(
          value.fieldId(),
          definition == null ? null : definition.name(),
          definition == null ? null : definition.type(),
          value.values().stream()
              .map(app.reglament.sandbox.store.FieldValue.Value::value)
              .toList());
    }

    private static StageChange stage(Event e) {
      Map<?, ?> after = leadStatus(e.valueAfter());
      Map<?, ?> before = leadStatus(e.valueBefore());
      return new StageChange(
          number(after, "pipeline_id"),
          number(after, "id"),
          before == null ? null : number(before, "pipeline_id"),
          before == null ? null : number(before, "id"),
          user(e.createdBy()),
          e.createdAt());
    }

    private static Map<?, ?> leadStatus(List<Map<String, Object>> values) {
      for (Map<String, Object> value : values) {
        if (value.get("lead_status") instanceof Map<?, ?> status) {
          return status;
        }
      }
      return null;
    }

    private static long number(Map<?, ?> map, String key) {
      return ((Number) map.get(key)).longValue();
    }

    private static NoteFacts note(Note n) {
      return new NoteFacts(
          n.id(), n.noteType(), n.text(), duration(n), user(n.createdBy()), n.createdAt());
    }

    private static Integer duration(Note n) {
      return n.params().get("duration") instanceof Number d ? d.intValue() : null;
    }

    private List<Event> eventsOf(String entityType, long id) {
      return eventsByEntity.getOrDefault(entity(entityType, id), List.of());
    }

    private static String entity(String type, long id) {
      return type + ":" + id;
    }

    private static Long user(long id) {
      return id == ROBOT ? null : id;
    }
  }
}
