package app.reglament.sandbox.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The account's event log, oldest first. Loaded history is sorted by time; new events are appended
 * with the store's clock, which only moves forward in normal use.
 */
final class EventLog {
  /** amoCRM's event ids are opaque strings; ours are this prefix and a hexadecimal counter. */
  static final String ID_PREFIX = "sbx";

  private final List<Event> events = new ArrayList<>();
  private final Set<String> ids = new HashSet<>();
  private long nextId = 1;

  void load(List<Event> loaded) {
    List<Event> sorted = new ArrayList<>(loaded);
    sorted.sort(Comparator.comparing(Event::createdAt));
    for (Event event : sorted) {
      if (ids.add(event.id())) {
        events.add(event);
      }
    }
  }

  Event append(
      String type,
      String entityType,
      long entityId,
      long by,
      Instant at,
      List<Map<String, Object>> before,
      List<Map<String, Object>> after) {
    Event event = new Event(newId(), type, entityType, entityId, by, at, before, after);
    events.add(event);
    return event;
  }

  List<Event> matching(Predicate<Event> filter) {
    return events.stream().filter(filter).toList();
  }

  Event last() {
    return events.get(events.size() - 1);
  }

  int size() {
    return events.size();
  }

  void clear() {
    events.clear();
    ids.clear();
    nextId = 1;
  }

  private String newId() {
    String id;
    do {
      id = ID_PREFIX + Long.toHexString(nextId++);
    } while (!ids.add(id));
    return id;
  }
}
