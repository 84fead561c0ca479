package app.reglament.sandbox.store;

import app.reglament.sandbox.scenario.Scenario;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of the one amoCRM account the sandbox plays, and the only way to read or change it. The
 * API, the web UI and the scenario's live mode all go through here, so a change made anywhere looks
 * the same everywhere: {@code updated_at} moves, amoCRM's events are logged, and every {@link
 * StoreListener} (the webhook sender) hears of it.
 *
 * <p><b>Reads</b> return immutable records; lists come in id order and leave out deleted deals
 * unless said otherwise. <b>Writes</b> name the acting user ({@code by}, the amoCRM user id; 0 is
 * amoCRM itself or a robot), check everything before changing anything, and throw {@link
 * InvalidChangeException} with amoCRM's codes and paths when refused. Each write is one {@link
 * ChangeSet}. Times come from the injected {@link Clock}, in whole seconds as amoCRM keeps them.
 *
 * <p>Thread-safe: one lock guards everything. Reads copy what they return, so hold no reference
 * into the store.
 */
public final class Store {
  private static final Logger log = LoggerFactory.getLogger(Store.class);

  private final Object lock = new Object();
  private final Clock clock;
  private final StoreState state = new StoreState();
  private final List<StoreListener> listeners = new CopyOnWriteArrayList<>();

  private Store(Clock clock) {
    this.clock = clock;
  }

  /** The minimal valid account: one admin, one pipeline, no deals. */
  public static Store empty(Clock clock) {
    Store store = new Store(clock);
    store.reset();
    return store;
  }

  /** The account a generated scenario describes. */
  public static Store of(Scenario scenario, Clock clock) {
    Store store = new Store(clock);
    store.load(scenario);
    return store;
  }

  /**
   * Replaces the account with the scenario's. Webhook subscriptions are kept: they belong to the
   * installed integration, which should go on hearing about the new data.
   */
  public void load(Scenario scenario) {
    synchronized (lock) {
      List<Webhook> kept = List.copyOf(state.webhooks.values());
      state.clear();
      ScenarioImport.load(state, scenario, now());
      kept.forEach(w -> state.webhooks.put(w.id(), w));
      state.continueIdsAfterLoaded();
    }
  }

  /** Back to the minimal account, subscriptions kept. */
  public void reset() {
    synchronized (lock) {
      List<Webhook> kept = List.copyOf(state.webhooks.values());
      state.clear();
      DefaultAccount.fill(state, now());
      kept.forEach(w -> state.webhooks.put(w.id(), w));
      state.continueIdsAfterLoaded();
    }
  }

  public void addListener(StoreListener listener) {
    listeners.add(listener);
  }

  /** The store's clock, truncated to seconds as amoCRM's timestamps are. */
  public Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }

  // ---- the account's setup -------------------------------------------------------------------

  public Account account() {
    return read(s -> s.account);
  }

  public List<Group> groups() {
    return read(s -> List.copyOf(s.groups.values()));
  }

  public List<User> users() {
    return read(s -> List.copyOf(s.users.values()));
  }

  public Optional<User> user(long id) {
    return read(s -> Optional.ofNullable(s.users.get(id)));
  }

  /** Pipelines by their sort order, each with its stages in order. */
  public List<Pipeline> pipelines() {
    return read(
        s ->
            s.pipelines.values().stream()
                .sorted(Comparator.comparingInt(Pipeline::sort).thenComparingLong(Pipeline::id))
                .toList());
  }

  public Optional<Pipeline> pipeline(long id) {
    return read(s -> Optional.ofNullable(s.pipelines.get(id)));
  }

  public List<CustomField> leadFields() {
    return read(
        s ->
            s.leadFields.values().stream()
                .sorted(
                    Comparator.comparingInt(CustomField::sort).thenComparingLong(CustomField::id))
                .toList());
  }

  /** A generated scenario's field value converted to the store's (options by id or text). */
  public FieldValue fieldValue(Scenario.FieldValue value) {
    return ScenarioImport.fieldValue(leadField(value.fieldId()).orElse(null), value);
  }

  public Optional<CustomField> leadField(long id) {
    return read(s -> Optional.ofNullable(s.leadFields.get(id)));
  }

  public List<LossReason> lossReasons() {
    return read(s -> List.copyOf(s.lossReasons.values()));
  }

  public List<TaskType> taskTypes() {
    return read(s -> List.copyOf(s.taskTypes));
  }

  /**
   * The fields amoCRM's own settings require in that stage and the deal leaves empty: what amoCRM's
   * UI checks before it lets a deal move there. The store does not enforce it (the API does not
   * either); the UI may.
   */
  public List<CustomField> missingRequiredFields(long leadId, long pipelineId, long statusId) {
    return read(
        s -> {
          Lead lead = s.leads.get(leadId);
          if (lead == null) {
            return List.of();
          }
          return s.leadFields.values().stream()
              .filter(f -> f.requiredIn(pipelineId, statusId))
              .filter(f -> lead.field(f.id()).flatMap(FieldValue::firstText).isEmpty())
              .toList();
        });
  }

  /**
   * Sets the stages at which fields are required, all or none: an unknown field or stage refuses
   * the whole batch, as amoCRM does. Returns the fields as they are after.
   */
  public List<CustomField> updateLeadFields(List<FieldPatch> patches) {
    synchronized (lock) {
      List<Violation> violations = new ArrayList<>();
      for (int i = 0; i < patches.size(); i++) {
        FieldPatch patch = patches.get(i);
        if (!state.leadFields.containsKey(patch.id())) {
          violations.add(
              new Violation(i, Violation.NOT_FOUND, "id", "There is no field " + patch.id()));
        }
        for (int j = 0; j < patch.requiredStatuses().size(); j++) {
          RequiredStatus required = patch.requiredStatuses().get(j);
          Pipeline pipeline = state.pipelines.get(required.pipelineId());
          if (pipeline == null || pipeline.status(required.statusId()).isEmpty()) {
            violations.add(
                new Violation(
                    i,
                    Violation.NOT_FOUND,
                    "required_statuses." + j + ".status_id",
                    "There is no status "
                        + required.statusId()
                        + " in pipeline "
                        + required.pipelineId()));
          }
        }
      }
      if (!violations.isEmpty()) {
        throw new InvalidChangeException(violations);
      }
      List<CustomField> updated = new ArrayList<>();
      for (FieldPatch patch : patches) {
        CustomField f = state.leadFields.get(patch.id());
        CustomField changed =
            new CustomField(
                f.id(),
                f.name(),
                f.code(),
                f.type(),
                f.sort(),
                f.enums(),
                patch.requiredStatuses());
        state.leadFields.put(f.id(), changed);
        updated.add(changed);
      }
      return updated;
    }
  }

  // ---- deals, contacts, tasks, notes, events ---------------------------------------------------

  /** A deal, deleted ones included (see {@link Lead#deleted()}). */
  public Optional<Lead> lead(long id) {
    return read(s -> Optional.ofNullable(s.leads.get(id)));
  }

  /** The deals that are not deleted and match {@code filter}, in id order. */
  public List<Lead> leads(Predicate<Lead> filter) {
    return read(s -> s.leads.values().stream().filter(l -> !l.deleted()).filter(filter).toList());
  }

  /** Deleted deals only, in id order (amoCRM's {@code with=only_deleted}). */
  public List<Lead> deletedLeads() {
    return read(s -> s.leads.values().stream().filter(Lead::deleted).toList());
  }

  /** One column of the pipeline board. */
  public List<Lead> leadsInStage(long pipelineId, long statusId) {
    return leads(l -> l.pipelineId() == pipelineId && l.statusId() == statusId);
  }

  public Optional<Contact> contact(long id) {
    return read(s -> Optional.ofNullable(s.contacts.get(id)));
  }

  public List<Contact> contacts(Predicate<Contact> filter) {
    return read(s -> s.contacts.values().stream().filter(filter).toList());
  }

  /** The deal's contacts, main first. */
  public List<Contact> contactsOf(long leadId) {
    return read(
        s -> {
          Lead lead = s.leads.get(leadId);
          return lead == null
              ? List.<Contact>of()
              : lead.contactIds().stream().map(s.contacts::get).filter(c -> c != null).toList();
        });
  }

  /** The deals linked to a contact. */
  public List<Long> leadIdsOfContact(long contactId) {
    return read(
        s ->
            s.leads.values().stream()
                .filter(l -> !l.deleted() && l.contactIds().contains(contactId))
                .map(Lead::id)
                .toList());
  }

  public Optional<Task> task(long id) {
    return read(s -> Optional.ofNullable(s.tasks.get(id)));
  }

  public List<Task> tasks(Predicate<Task> filter) {
    return read(s -> s.tasks.values().stream().filter(filter).toList());
  }

  public List<Task> tasksOfLead(long leadId) {
    return read(s -> List.copyOf(s.tasksOfLead(leadId)));
  }

  /** The deadline of the deal's nearest open task ({@code closest_task_at}), if it has one. */
  public Optional<Instant> closestTaskAt(long leadId) {
    return read(
        s ->
            s.tasksOfLead(leadId).stream()
                .filter(t -> !t.completed())
                .map(Task::completeTill)
                .min(Comparator.naturalOrder()));
  }

  public Optional<Note> note(long id) {
    return read(s -> Optional.ofNullable(s.notes.get(id)));
  }

  public List<Note> notes(Predicate<Note> filter) {
    return read(s -> s.notes.values().stream().filter(filter).toList());
  }

  public List<Note> notesOfLead(long leadId) {
    return notes(n -> n.leadId() == leadId);
  }

  /** Matching events, oldest first. */
  public List<Event> events(Predicate<Event> filter) {
    return read(s -> s.events.matching(filter));
  }

  /** The events logged on a deal (not on its tasks), oldest first. */
  public List<Event> eventsOfLead(long leadId) {
    return events(e -> EventTypes.ENTITY_LEAD.equals(e.entityType()) && e.entityId() == leadId);
  }

  public int eventCount() {
    return read(s -> s.events.size());
  }

  public List<Webhook> webhooks() {
    return read(s -> List.copyOf(s.webhooks.values()));
  }

  public Optional<Webhook> webhook(String destination) {
    return read(
        s ->
            s.webhooks.values().stream()
                .filter(w -> w.destination().equals(destination))
                .findFirst());
  }

  // ---- writes ------------------------------------------------------------------------------

  /** Creates deals, all or none; returns them in the order given. */
  public List<Lead> createLeads(List<NewLead> leads, long by) {
    return write(by, w -> LeadWriter.create(w, leads));
  }

  public Lead createLead(NewLead lead, long by) {
    return createLeads(List.of(lead), by).get(0);
  }

  /** Applies the patches in order, all or none; returns the deals as they are after. */
  public List<Lead> updateLeads(List<LeadPatch> patches, long by) {
    return write(by, w -> LeadWriter.update(w, patches));
  }

  public Lead updateLead(LeadPatch patch, long by) {
    return updateLeads(List.of(patch), by).get(0);
  }

  /** Moves a deal to a stage (the pipeline may be another one). */
  public Lead moveLead(long leadId, long pipelineId, long statusId, long by) {
    return updateLead(LeadPatch.of(leadId).withStage(pipelineId, statusId), by);
  }

  public Lead renameLead(long leadId, String name, long by) {
    return updateLead(LeadPatch.of(leadId).withName(name), by);
  }

  /** Hands a deal to another manager. */
  public Lead assignLead(long leadId, long userId, long by) {
    return updateLead(LeadPatch.of(leadId).withResponsible(userId), by);
  }

  /**
   * Sets one field of a deal to these texts (for a select field, its options' texts); no texts
   * clears it.
   */
  public Lead setLeadField(long leadId, long fieldId, List<String> values, long by) {
    FieldValue value =
        new FieldValue(fieldId, values.stream().map(FieldValue.Value::text).toList());
    return updateLead(LeadPatch.of(leadId).withFields(List.of(value)), by);
  }

  public Lead deleteLead(long leadId, long by) {
    return write(by, w -> LeadWriter.setDeleted(w, leadId, true));
  }

  public Lead restoreLead(long leadId, long by) {
    return write(by, w -> LeadWriter.setDeleted(w, leadId, false));
  }

  public List<Task> createTasks(List<NewTask> tasks, long by) {
    return write(by, w -> TaskWriter.create(w, tasks));
  }

  public Task createTask(NewTask task, long by) {
    return createTasks(List.of(task), by).get(0);
  }

  public List<Task> updateTasks(List<TaskPatch> patches, long by) {
    return write(by, w -> TaskWriter.update(w, patches));
  }

  public Task updateTask(TaskPatch patch, long by) {
    return updateTasks(List.of(patch), by).get(0);
  }

  /** Completes a task with what the manager wrote (may be junk like "+": that is the point). */
  public Task completeTask(long taskId, String resultText, long by) {
    return updateTask(TaskPatch.of(taskId).completedWith(resultText), by);
  }

  public List<Note> addNotes(List<NewNote> notes, long by) {
    return write(by, w -> NoteWriter.add(w, notes));
  }

  public Note addNote(NewNote note, long by) {
    return addNotes(List.of(note), by).get(0);
  }

  /** Creates contacts, all or none. */
  public List<Contact> createContacts(List<NewContact> contacts, long by) {
    return write(by, w -> ContactWriter.create(w, contacts));
  }

  public Contact createContact(NewContact contact, long by) {
    return createContacts(List.of(contact), by).get(0);
  }

  /**
   * Logs a communication on a deal, one of {@link EventTypes#COMMUNICATIONS}. Calls and SMS come
   * with their note (so a {@code note_lead} webhook is sent, as amoCRM's telephony does); chat
   * messages and mails are events only.
   */
  public Event recordCommunication(long leadId, String type, long by) {
    if (!EventTypes.COMMUNICATIONS.contains(type)) {
      throw InvalidChangeException.of(
          0, Violation.NOT_SUPPORTED_CHOICE, "type", type + " is not a communication");
    }
    String noteType =
        switch (type) {
          case EventTypes.INCOMING_CALL -> NoteTypes.CALL_IN;
          case EventTypes.OUTGOING_CALL -> NoteTypes.CALL_OUT;
          case EventTypes.INCOMING_SMS -> NoteTypes.SMS_IN;
          case EventTypes.OUTGOING_SMS -> NoteTypes.SMS_OUT;
          default -> null;
        };
    return write(
        by,
        w -> {
          if (noteType == null) {
            return NoteWriter.message(w, leadId, type);
          }
          NoteWriter.add(w, List.of(new NewNote(leadId, noteType, callParams(w))));
          return w.state.events.last();
        });
  }

  private static Map<String, Object> callParams(Write w) {
    String uniq = "sbx-call-" + w.state.events.size();
    return Map.of(
        "uniq", uniq, "duration", 60, "source", "sandbox", "phone", "+79000000000", "link", "");
  }

  /**
   * Subscribes a destination to event codes ({@link WebhookCodes}). amoCRM keeps one subscription
   * per destination: subscribing again replaces its settings and sort.
   */
  public Webhook subscribe(String destination, List<String> settings, int sort, long by) {
    synchronized (lock) {
      return WebhookWriter.subscribe(state, destination, settings, sort, by, now());
    }
  }

  /** Removes the destination's subscription; false when there was none. */
  public boolean unsubscribe(String destination) {
    synchronized (lock) {
      return state.webhooks.values().removeIf(w -> w.destination().equals(destination));
    }
  }

  // ---- machinery -----------------------------------------------------------------------------

  private <T> T read(Function<StoreState, T> reader) {
    synchronized (lock) {
      return reader.apply(state);
    }
  }

  private <T> T write(long by, Function<Write, T> writer) {
    synchronized (lock) {
      Write write = new Write(state, now(), by);
      T result = writer.apply(write);
      if (!write.changes.isEmpty()) {
        publish(write.changeSet());
      }
      return result;
    }
  }

  private void publish(ChangeSet changes) {
    for (StoreListener listener : listeners) {
      try {
        listener.changed(changes, this);
      } catch (RuntimeException e) {
        // A listener's failure must not undo or fail a change that has been made.
        log.warn("A store listener failed on {} changes", changes.changes().size(), e);
      }
    }
  }

  /** For tests and the stats page: how many of each the store holds. */
  public Counts counts() {
    return read(
        s ->
            new Counts(
                s.users.size(),
                s.leads.size(),
                s.contacts.size(),
                s.tasks.size(),
                s.notes.size(),
                s.events.size(),
                s.webhooks.size()));
  }

  public record Counts(
      int users, int leads, int contacts, int tasks, int notes, int events, int webhooks) {}
}
