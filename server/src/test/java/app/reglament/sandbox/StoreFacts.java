package app.reglament.sandbox;

import app.reglament.sandbox.store.Event;
import app.reglament.sandbox.store.Note;
import app.reglament.sandbox.store.Store;
import app.reglament.sandbox.store.Task;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the mirror should hold, computed from the sandbox's store by the readings of the sandbox's
 * scenario package: a missed call is an incoming call whose note lasted 0 seconds, a task is
 * completed when its last {@code task_completed} event says so, a user is active in each minute he
 * made an event in.
 */
final class StoreFacts {
  private StoreFacts() {}

  /** Per deal, its notes as (id, type, text, call duration, author, time), oldest first. */
  static Map<Long, List<String>> notesByLead(Store store) {
    return store.notes(n -> true).stream()
        .sorted(java.util.Comparator.comparing(Note::createdAt).thenComparingLong(Note::id))
        .collect(
            Collectors.groupingBy(
                Note::leadId,
                TreeMap::new,
                Collectors.mapping(StoreFacts::describe, Collectors.toList())));
  }

  static String describe(Note n) {
    boolean call = n.noteType().startsWith("call_");
    Object text = n.params().get("text");
    return describe(
        n.id(),
        n.noteType(),
        text == null ? null : text.toString(),
        call ? ((Number) n.params().get("duration")).intValue() : null,
        n.createdBy(),
        n.createdAt());
  }

  static String describe(
      long id, String type, String text, Integer duration, Long createdBy, Instant at) {
    return id + " " + type + " " + duration + " by " + createdBy + " at " + at + ": " + text;
  }

  /** Incoming calls whose note lasted 0 seconds, per deal. */
  static Map<Long, Integer> missedCallsPerLead(Store store) {
    return store.events(e -> e.type().equals("incoming_call")).stream()
        .filter(e -> noteOf(store, e).map(StoreFacts::lastedZero).orElse(false))
        .collect(Collectors.groupingBy(Event::entityId, Collectors.summingInt(e -> 1)));
  }

  /** Each completed task's last {@code task_completed} event, or its last update without one. */
  static Map<Long, Instant> completionTimes(Store store) {
    Map<Long, Instant> lastEvent =
        store.events(e -> e.type().equals("task_completed")).stream()
            .collect(Collectors.toMap(Event::entityId, Event::createdAt, StoreFacts::later));
    return store.tasks(Task::completed).stream()
        .collect(
            Collectors.toMap(
                Task::id, t -> lastEvent.getOrDefault(t.id(), t.updatedAt()), StoreFacts::later));
  }

  /** Per user (robots, user 0, left out), the minutes he made events in from {@code from} on. */
  static Map<Long, List<Instant>> activeMinutes(Store store, Instant from) {
    return store.events(e -> e.createdBy() > 0 && !e.createdAt().isBefore(from)).stream()
        .collect(
            Collectors.groupingBy(
                Event::createdBy,
                Collectors.mapping(
                    e -> e.createdAt().truncatedTo(ChronoUnit.MINUTES),
                    Collectors.collectingAndThen(
                        Collectors.toCollection(TreeSet::new), List::copyOf))));
  }

  static <T> Map<Long, Integer> countBy(List<T> items, Function<T, Long> key) {
    return items.stream().collect(Collectors.groupingBy(key, Collectors.summingInt(item -> 1)));
  }

  private static Optional<Note> noteOf(Store store, Event e) {
    return e.valueAfter().stream()
        .map(v -> v.get("note"))
        .filter(Map.class::isInstance)
        .map(note -> ((Map<?, ?>) note).get("id"))
        .filter(Number.class::isInstance)
        .findFirst()
        .flatMap(id -> store.note(((Number) id).longValue()));
  }

  private static boolean lastedZero(Note note) {
    return note.params().get("duration") instanceof Number d && d.intValue() == 0;
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
