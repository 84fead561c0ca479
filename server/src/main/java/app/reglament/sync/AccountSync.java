package app.reglament.sync;

import app.reglament.amo.api.AmoClient;
import app.reglament.amo.api.EntityFilter;
import app.reglament.amo.api.EventFilter;
import app.reglament.amo.api.NoteFilter;
import app.reglament.amo.api.TaskFilter;
import app.reglament.amo.api.model.AmoAccount;
import app.reglament.amo.api.model.Contact;
import app.reglament.amo.api.model.Lead;
import app.reglament.amo.api.model.Note;
import app.reglament.amo.api.model.Pipeline;
import app.reglament.amo.api.model.Task;
import app.reglament.mirror.ActivityMirror;
import app.reglament.mirror.DealMirror;
import app.reglament.mirror.NoteMirror;
import app.reglament.mirror.ReferenceMirror;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings an account's mirror in line with amoCRM: the initial sync (reference data, every lead,
 * contact, task and lead note, and the last 30 days of events of every type), the periodic
 * reconciliation (whatever changed since the cursors, which repairs lost webhooks), and the
 * targeted re-read of what webhooks touched. Every write is idempotent, so overlapping windows and
 * repeats are harmless.
 */
public final class AccountSync {
  private static final Logger log = LoggerFactory.getLogger(AccountSync.class);

  static final Duration EVENTS_WINDOW = Duration.ofDays(30);

  /** Pulls start this much before the cursor: amoCRM's lists are not strictly ordered in time. */
  static final Duration CURSOR_OVERLAP = Duration.ofMinutes(2);

  private final AmoClient amo;
  private final ReferenceMirror reference;
  private final DealMirror deals;
  private final NoteMirror notes;
  private final ActivityMirror activity;
  private final SyncStateRepository state;
  private final Clock clock;

  public AccountSync(
      AmoClient amo,
      ReferenceMirror reference,
      DealMirror deals,
      NoteMirror notes,
      ActivityMirror activity,
      SyncStateRepository state,
      Clock clock) {
    this.amo = amo;
    this.reference = reference;
    this.deals = deals;
    this.notes = notes;
    this.activity = activity;
    this.state = state;
    this.clock = clock;
  }

  /** Whether the account has completed its initial sync. */
  public boolean initialDone(long accountId) {
    return state.cursors(accountId).initialDone();
  }

  /** Pulls everything; progress is saved after every page so it can be watched. */
  public void initial(long accountId) {
    initial(accountId, SyncLease.none(state, accountId, clock));
  }

  void initial(long accountId, SyncLease lease) {
    Instant started = clock.instant();
    Progress progress =
        new Progress(accountId, state.status(accountId).orElse(SyncStatus.queued()), lease);
    progress.phase("reference", started);
    syncReference(accountId, progress);

    progress.phase("leads", clock.instant());
    var leads = new AtomicInteger();
    walkLeads(
        accountId,
        Instant.EPOCH,
        page -> {
          deals.upsertLeads(accountId, page.stream().map(Mapping::lead).toList(), clock.instant());
          progress.count("leads", leads.addAndGet(page.size()));
        });

    progress.phase("contacts", clock.instant());
    var contacts = new AtomicInteger();
    walkContacts(
        accountId,
        Instant.EPOCH,
        page -> {
          deals.upsertContacts(accountId, page.stream().map(Mapping::contact).toList());
          progress.count("contacts", contacts.addAndGet(page.size()));
        });

    progress.phase("tasks", clock.instant());
    var tasks = new AtomicInteger();
    amo.tasks()
        .forEachPage(
            accountId,
            TaskFilter.all(),
            page -> {
              deals.upsertTasks(
                  accountId, page.stream().map(Mapping::task).toList(), clock.instant());
              progress.count("tasks", tasks.addAndGet(page.size()));
            });

    progress.phase("notes", clock.instant());
    var noteCount = new AtomicInteger();
    walkNotes(
        accountId,
        Instant.EPOCH,
        page -> {
          notes.upsert(accountId, page.stream().map(Mapping::note).toList());
          progress.count("notes", noteCount.addAndGet(page.size()));
        });

    progress.phase("events", clock.instant());
    Instant historyFrom = started.minus(EVENTS_WINDOW);
    pullEvents(accountId, historyFrom, progress);

    state.markHistoryFrom(accountId, historyFrom);
    state.saveCursors(accountId, started);
    progress.done(clock.instant());
    log.info(
        "Initial sync of account {} done: {} leads, {} contacts, {} tasks, {} notes",
        accountId,
        leads.get(),
        contacts.get(),
        tasks.get(),
        noteCount.get());
  }

  /** Pulls what changed since the cursors; a webhook that never came is repaired here. */
  public void reconcile(long accountId) {
    reconcile(accountId, SyncLease.none(state, accountId, clock));
  }

  void reconcile(long accountId, SyncLease lease) {
    SyncStateRepository.Cursors cursors = state.cursors(accountId);
    Instant started = clock.instant();
    Progress progress =
        new Progress(accountId, state.status(accountId).orElse(SyncStatus.queued()), lease);
    syncReference(accountId, progress);
    Instant leadsFrom = cursors.leads().orElse(started).minus(CURSOR_OVERLAP);
    walkLeads(
        accountId,
        leadsFrom,
        page -> {
          deals.upsertLeads(accountId, page.stream().map(Mapping::lead).toList(), clock.instant());
          lease.renew();
        });
    walkContacts(
        accountId,
        leadsFrom,
        page -> {
          deals.upsertContacts(accountId, page.stream().map(Mapping::contact).toList());
          lease.renew();
        });
    amo.tasks()
        .forEachPage(
            accountId,
            TaskFilter.updatedSince(cursors.tasks().orElse(started).minus(CURSOR_OVERLAP)),
            page ->
                deals.upsertTasks(
                    accountId, page.stream().map(Mapping::task).toList(), clock.instant()));
    // No notes cursor yet: the account was synced before notes were mirrored, so read them all.
    walkNotes(
        accountId,
        cursors.notes().map(at -> at.minus(CURSOR_OVERLAP)).orElse(Instant.EPOCH),
        page -> {
          notes.upsert(accountId, page.stream().map(Mapping::note).toList());
          lease.renew();
        });
    pullEvents(accountId, cursors.events().orElse(started).minus(CURSOR_OVERLAP), progress);
    state.saveCursors(accountId, started);
    state.saveStatus(accountId, progress.status.reconciled(clock.instant()));
  }

  /**
   * Re-reads what webhooks said changed, then the events since the cursor (stage moves,
   * communications, completions, activity), then, when those events added notes to deals, the notes
   * changed since the notes cursor. Entities amoCRM no longer returns are marked deleted.
   */
  public void refresh(
      long accountId,
      Collection<Long> leadIds,
      Collection<Long> taskIds,
      Collection<Long> contactIds) {
    recheckLeads(accountId, leadIds);
    recheckTasks(accountId, taskIds);
    if (!contactIds.isEmpty()) {
      deals.upsertContacts(
          accountId,
          amo.contacts().list(accountId, EntityFilter.ids(contactIds)).stream()
              .map(Mapping::contact)
              .toList());
    }
    SyncStateRepository.Cursors cursors = state.cursors(accountId);
    if (cursors.events().isPresent()) {
      Instant pulled = clock.instant();
      EventWalk events = pullEvents(accountId, cursors.events().get().minus(CURSOR_OVERLAP), null);
      state.saveEventsCursor(accountId, pulled);
      if (events.notesAdded() && cursors.notes().isPresent()) {
        // One walk of what changed since the cursor (usually one request for any number of deals)
        // rather than every note of each deal again.
        Instant notesPulled = clock.instant();
        walkNotes(
            accountId,
            cursors.notes().get().minus(CURSOR_OVERLAP),
            page -> notes.upsert(accountId, page.stream().map(Mapping::note).toList()));
        state.saveNotesCursor(accountId, notesPulled);
      }
    }
  }

  private void walkLeads(long accountId, Instant from, Consumer<List<Lead>> consumer) {
    ChangedSince.walk(
        from,
        amo.leads().pageLimit(),
        (since, page) -> amo.leads().changedPage(accountId, EntityFilter.updatedSince(since), page),
        Lead::id,
        Lead::updatedAt,
        consumer);
  }

  private void walkContacts(long accountId, Instant from, Consumer<List<Contact>> consumer) {
    ChangedSince.walk(
        from,
        amo.leads().pageLimit(),
        (since, page) ->
            amo.contacts().changedPage(accountId, EntityFilter.updatedSince(since), page),
        Contact::id,
        Contact::updatedAt,
        consumer);
  }

  private void walkNotes(long accountId, Instant from, Consumer<List<Note>> consumer) {
    ChangedSince.walk(
        from,
        amo.notes().pageLimit(),
        (since, page) -> amo.notes().changedPage(accountId, NoteFilter.updatedSince(since), page),
        Note::id,
        Note::updatedAt,
        consumer);
  }

  private void syncReference(long accountId, Progress progress) {
    AmoAccount account = amo.setup().account(accountId);
    var users = amo.setup().users(accountId).stream().map(Mapping::user).toList();
    reference.replaceUsers(accountId, Mapping.groups(account), users, clock.instant());
    progress.count("users", users.size());
    List<Pipeline> pipelines = amo.setup().pipelines(accountId);
    reference.replacePipelines(
        accountId,
        pipelines.stream().map(Mapping::pipeline).toList(),
        pipelines.stream().flatMap(p -> Mapping.statuses(p).stream()).toList());
    progress.count("pipelines", pipelines.size());
    var fields = amo.setup().leadCustomFields(accountId).stream().map(Mapping::field).toList();
    reference.replaceCustomFields(accountId, "leads", fields);
    progress.count("customFields", fields.size());
    var reasons = amo.setup().lossReasons(accountId).stream().map(Mapping::lossReason).toList();
    reference.replaceLossReasons(accountId, reasons);
    progress.count("lossReasons", reasons.size());
  }

  /**
   * Applies the events since {@code from}, of every type in one walk (each user's event is a minute
   * of activity): stage history, communications and activity are stored as they come; deals and
   * tasks that were deleted or restored are re-read once at the end, because amoCRM lists events
   * newest first and a deal deleted, then restored, must end up restored; then the completion
   * times.
   */
  private EventWalk pullEvents(long accountId, Instant from, Progress progress) {
    EventWalk walk = new EventWalk(accountId, deals, activity);
    amo.events()
        .forEachPage(
            accountId,
            EventFilter.since(from),
            page -> {
              walk.apply(page);
              if (progress != null) {
                progress.count("events", walk.seen());
              }
            });
    recheckLeads(accountId, walk.leadsToRecheck());
    recheckTasks(accountId, walk.tasksToRecheck());
    walk.finish();
    return walk;
  }

  /** Re-reads deals by id: what amoCRM returns is stored, what it no longer has is deleted. */
  private void recheckLeads(long accountId, Collection<Long> leadIds) {
    if (leadIds.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    List<Lead> leads = amo.leads().list(accountId, EntityFilter.ids(leadIds));
    deals.upsertLeads(accountId, leads.stream().map(Mapping::lead).toList(), now);
    deals.markLeadsDeleted(accountId, missing(leadIds, leads.stream().map(Lead::id).toList()), now);
  }

  private void recheckTasks(long accountId, Collection<Long> taskIds) {
    if (taskIds.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    List<Task> tasks = amo.tasks().list(accountId, TaskFilter.ids(taskIds));
    deals.upsertTasks(accountId, tasks.stream().map(Mapping::task).toList(), now);
    deals.markTasksDeleted(accountId, missing(taskIds, tasks.stream().map(Task::id).toList()), now);
  }

  private static List<Long> missing(Collection<Long> asked, List<Long> returned) {
    Set<Long> found = new HashSet<>(returned);
    List<Long> gone = new ArrayList<>();
    for (long id : asked) {
      if (!found.contains(id)) {
        gone.add(id);
      }
    }
    return gone;
  }

  /** The status document of a running sync, saved as it changes. */
  private final class Progress {
    private final long accountId;
    private final SyncLease lease;
    private SyncStatus status;

    Progress(long accountId, SyncStatus status, SyncLease lease) {
      this.accountId = accountId;
      this.status = status;
      this.lease = lease;
    }

    void phase(String phase, Instant now) {
      status = status.running(phase, now);
      state.saveStatus(accountId, status);
    }

    void count(String entity, int total) {
      status = status.count(entity, total);
      state.saveStatus(accountId, status);
      lease.renew();
    }

    void done(Instant now) {
      status = status.done(now);
      state.saveStatus(accountId, status);
    }
  }
}
