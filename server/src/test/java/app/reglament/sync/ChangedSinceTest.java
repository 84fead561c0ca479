package app.reglament.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChangedSinceTest {
  private static final int LIMIT = 10;

  record Item(long id, Instant updatedAt) {}

  /** amoCRM's list: filter[updated_at][from] inclusive, ordered by updated_at then id, paged. */
  static final class Store {
    final Map<Long, Item> items = new LinkedHashMap<>();
    int requests;

    List<Item> page(Instant from, int page) {
      requests++;
      List<Item> matching =
          items.values().stream()
              .filter(i -> i.updatedAt().getEpochSecond() >= from.getEpochSecond())
              .sorted(Comparator.comparing(Item::updatedAt).thenComparing(Item::id))
              .toList();
      int start = (page - 1) * LIMIT;
      return start >= matching.size()
          ? List.of()
          : matching.subList(start, Math.min(start + LIMIT, matching.size()));
    }

    void put(long id, long second) {
      items.put(id, new Item(id, Instant.ofEpochSecond(second)));
    }
  }

  @Test
  void an_entity_changed_during_the_walk_does_not_push_another_out_of_sight() {
    var store = new Store();
    for (long id = 1; id <= 35; id++) {
      store.put(id, 1_000 + id);
    }
    Set<Long> seen = new HashSet<>();
    List<Integer> pages = new ArrayList<>();

    ChangedSince.walk(
        Instant.ofEpochSecond(1_000),
        LIMIT,
        (from, page) -> {
          List<Item> answer = store.page(from, page);
          if (pages.isEmpty()) {
            store.put(3, 5_000); // changed right after the first page was read
          }
          pages.add(answer.size());
          return answer;
        },
        Item::id,
        Item::updatedAt,
        page -> page.forEach(i -> seen.add(i.id())));

    assertThat(seen).hasSize(35);
  }

  @Test
  void page_numbers_would_have_skipped_it() {
    var store = new Store();
    for (long id = 1; id <= 35; id++) {
      store.put(id, 1_000 + id);
    }
    Set<Long> seen = new HashSet<>();
    for (int page = 1; ; page++) {
      List<Item> answer = store.page(Instant.ofEpochSecond(1_000), page);
      if (page == 1) {
        store.put(3, 5_000);
      }
      answer.forEach(i -> seen.add(i.id()));
      if (answer.size() < LIMIT) {
        break;
      }
    }

    assertThat(seen).as("the naive walk misses one").hasSize(34);
  }

  @Test
  void more_than_a_page_changed_in_one_second_is_read_deeper_within_that_second() {
    var store = new Store();
    for (long id = 1; id <= 25; id++) {
      store.put(id, 2_000);
    }
    store.put(26, 2_001);
    List<Long> seen = new ArrayList<>();

    ChangedSince.walk(
        Instant.ofEpochSecond(1_000),
        LIMIT,
        store::page,
        Item::id,
        Item::updatedAt,
        page -> page.forEach(i -> seen.add(i.id())));

    assertThat(seen).hasSize(26).doesNotHaveDuplicates();
    assertThat(store.requests).isLessThan(10);
  }
}
