package app.reglament.sync;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Walks the entities changed since a moment, ordered by their change time, by that time itself
 * rather than by page numbers. Page numbers shift when an entity changes during the walk (it moves
 * to the end and everything after it moves up), which would skip an unrelated entity for good; a
 * walk keyed by {@code updated_at} cannot skip, it only sees the moved entity again later.
 */
final class ChangedSince {
  /** One page of the entities changed at or after {@code from} (whole seconds), oldest first. */
  interface PageSource<T> {
    List<T> page(Instant from, int page);
  }

  private ChangedSince() {}

  static <T> void walk(
      Instant from,
      int pageLimit,
      PageSource<T> source,
      Function<T, Long> idOf,
      Function<T, Instant> updatedAtOf,
      Consumer<List<T>> consumer) {
    long cursor = from.getEpochSecond();
    Set<Long> seenAtCursor = new HashSet<>();
    int page = 1;
    while (true) {
      List<T> items = source.page(Instant.ofEpochSecond(cursor), page);
      long second = cursor;
      List<T> fresh =
          items.stream()
              .filter(
                  i ->
                      !(secondOf(updatedAtOf.apply(i)) == second
                          && seenAtCursor.contains(idOf.apply(i))))
              .toList();
      if (!fresh.isEmpty()) {
        consumer.accept(fresh);
      }
      if (items.size() < pageLimit) {
        return;
      }
      long last = secondOf(updatedAtOf.apply(items.get(items.size() - 1)));
      if (last > cursor) {
        cursor = last;
        page = 1;
        seenAtCursor.clear();
      } else {
        page++; // a whole page changed within one second: read deeper into that second
      }
      for (T item : items) {
        if (secondOf(updatedAtOf.apply(item)) == cursor) {
          seenAtCursor.add(idOf.apply(item));
        }
      }
    }
  }

  private static long secondOf(Instant instant) {
    return instant == null ? 0 : instant.getEpochSecond();
  }
}
