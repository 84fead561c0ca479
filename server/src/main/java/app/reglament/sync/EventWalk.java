package app.reglament.sync;

import app.reglament.amo.api.model.Event;
import app.reglament.mirror.ActivityMirror;
import app.reglament.mirror.DealMirror;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One walk over the event log, page by page (amoCRM lists newest first): stage moves,
 * communications and users' active minutes are stored as each page comes; what only makes sense
 * over the whole walk is gathered for the end: the deals and tasks to re-read, the latest
 * completion of each task, and whether any note was added.
 */
final class EventWalk {
  private final long accountId;
  private final DealMirror deals;
  private final ActivityMirror activity;
  private final Set<Long> leadsToRecheck = new TreeSet<>();
  private final Set<Long> tasksToRecheck = new TreeSet<>();
  private final Map<Long, Instant> completions = new HashMap<>();
  private boolean notesAdded;
  private int seen;

  EventWalk(long accountId, DealMirror deals, ActivityMirror activity) {
    this.accountId = accountId;
    this.deals = deals;
    this.activity = activity;
  }

  void apply(List<Event> page) {
    deals.appendStatusChanges(
        accountId, page.stream().map(Mapping::statusChange).flatMap(Optional::stream).toList());
    deals.recordCommunications(
        accountId, page.stream().map(Mapping::communication).flatMap(Optional::stream).toList());
    activity.record(
        accountId, page.stream().map(Mapping::heartbeat).flatMap(Optional::stream).toList());
    for (Event e : page) {
      Mapping.taskCompletion(e)
          .ifPresent(c -> completions.merge(c.getKey(), c.getValue(), EventWalk::later));
      if (e.entityId() != null) {
        if (Mapping.LEAD_DELETED.equals(e.type()) || Mapping.LEAD_RESTORED.equals(e.type())) {
          leadsToRecheck.add(e.entityId());
        } else if (Mapping.TASK_DELETED.equals(e.type())) {
          tasksToRecheck.add(e.entityId());
        }
      }
      notesAdded |= Mapping.addsLeadNote(e);
    }
    seen += page.size();
  }

  /** Stores the completion times; after the re-reads, so a restored task gets its time too. */
  void finish() {
    deals.recordTaskCompletions(accountId, completions);
  }

  Set<Long> leadsToRecheck() {
    return leadsToRecheck;
  }

  Set<Long> tasksToRecheck() {
    return tasksToRecheck;
  }

  boolean notesAdded() {
    return notesAdded;
  }

  int seen() {
    return seen;
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
