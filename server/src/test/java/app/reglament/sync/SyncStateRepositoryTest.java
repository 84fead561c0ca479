package app.reglament.sync;

import static org.assertj.core.api.Assertions.assertThat;

import app.reglament.account.AccountRepository;
import app.reglament.testing.DatabaseTest;
import app.reglament.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

class SyncStateRepositoryTest {
  private static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");

  @DatabaseTest
  void the_history_start_is_set_by_the_first_full_sync_and_never_moves_later(TestDatabase db) {
    new AccountRepository(db.dsl()).install(1L, "sales.amocrm.ru", T0);
    var state = new SyncStateRepository(db.dsl());
    assertThat(state.historyFrom(1L)).isEmpty();

    state.markHistoryFrom(1L, T0.minus(Duration.ofDays(30)));
    state.queueInitial(1L, T0.plus(Duration.ofDays(40)));
    state.markHistoryFrom(1L, T0.plus(Duration.ofDays(10)));

    assertThat(state.historyFrom(1L)).contains(T0.minus(Duration.ofDays(30)));
  }

  @DatabaseTest
  void a_new_full_sync_clears_the_notes_cursor_with_the_others(TestDatabase db) {
    new AccountRepository(db.dsl()).install(1L, "sales.amocrm.ru", T0);
    var state = new SyncStateRepository(db.dsl());
    state.saveCursors(1L, T0);
    state.saveNotesCursor(1L, T0.plusSeconds(60));
    assertThat(state.cursors(1L).notes()).contains(T0.plusSeconds(60));

    state.queueInitial(1L, T0.plusSeconds(120));

    assertThat(state.cursors(1L))
        .isEqualTo(
            new SyncStateRepository.Cursors(
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
  }
}
