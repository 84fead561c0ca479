package app.reglament.inbox;

import static app.reglament.db.generated.Tables.WEBHOOK_INBOX;
import static org.assertj.core.api.Assertions.assertThat;

import app.reglament.amo.api.AmoAuthorizationException;
import app.reglament.testing.DatabaseTest;
import app.reglament.testing.FakeAccountAccess;
import app.reglament.testing.MutableClock;
import app.reglament.testing.TestDatabase;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

class InboxWorkerTest {
  private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

  private final MutableClock clock = new MutableClock(T0);
  private final FakeAccountAccess access =
      new FakeAccountAccess(URI.create("http://unused"), clock);

  private InboxWorker worker(TestDatabase db, InboxProcessor processor) {
    return new InboxWorker(
        new InboxRepository(db.dsl()), processor, access, clock, InboxWorker.Settings.DEFAULTS);
  }

  @DatabaseTest
  void webhooks_accepted_while_no_worker_ran_are_all_processed_once_after_start(TestDatabase db)
      throws Exception {
    var inbox = new InboxRepository(db.dsl());
    for (int i = 0; i < 250; i++) {
      inbox.accept(1 + i % 3, "leads[update][0][id]=" + i, T0);
    }
    List<Long> processed = Collections.synchronizedList(new ArrayList<>());
    var allDone = new CountDownLatch(250);
    InboxProcessor recorder =
        (accountId, rows) ->
            rows.forEach(
                row -> {
                  processed.add(row.id());
                  allDone.countDown();
                });

    try (InboxWorker first = worker(db, recorder)) {
      first.start();
      assertThat(allDone.await(30, TimeUnit.SECONDS)).isTrue();
    }
    // A restarted worker finds nothing left to do.
    try (InboxWorker second = worker(db, recorder)) {
      assertThat(second.drain()).isZero();
    }

    assertThat(processed).hasSize(250).doesNotHaveDuplicates();
    assertThat(inbox.countsByState()).containsExactly(java.util.Map.entry("done", 250));
  }

  @DatabaseTest
  void a_slow_account_does_not_hold_back_another(TestDatabase db) throws Exception {
    var inbox = new InboxRepository(db.dsl());
    inbox.accept(1L, "slow", T0);
    var releaseSlow = new CountDownLatch(1);
    var fastDone = new CountDownLatch(3);
    InboxProcessor processor =
        (accountId, rows) -> {
          if (accountId == 1L) {
            releaseSlow.await(30, TimeUnit.SECONDS);
          } else {
            rows.forEach(row -> fastDone.countDown());
          }
        };

    try (InboxWorker running = worker(db, processor)) {
      running.start();
      for (int i = 0; i < 3; i++) {
        inbox.accept(2L, "fast-" + i, T0);
        running.wake();
      }
      assertThat(fastDone.await(30, TimeUnit.SECONDS))
          .as("account 2 is processed while account 1 is still busy")
          .isTrue();
      releaseSlow.countDown();
    }
  }

  @DatabaseTest
  void a_failing_group_is_retried_with_backoff_and_parked_with_its_error(TestDatabase db) {
    var inbox = new InboxRepository(db.dsl());
    inbox.accept(1L, "body", T0);
    InboxProcessor failing =
        (accountId, rows) -> {
          throw new IllegalStateException("amoCRM answered 502");
        };
    InboxWorker worker = worker(db, failing);

    for (int attempt = 0; attempt < InboxWorker.Settings.DEFAULTS.maxAttempts(); attempt++) {
      assertThat(worker.drain()).as("attempt %d", attempt + 1).isEqualTo(1);
      assertThat(worker.drain()).as("nothing before the backoff ends").isZero();
      clock.advance(worker.backoff(attempt));
    }

    assertThat(worker.drain()).isZero();
    assertThat(inbox.parked(1L, 10))
        .singleElement()
        .satisfies(
            parked -> {
              assertThat(parked.attempts()).isEqualTo(8);
              assertThat(parked.error()).contains("amoCRM answered 502");
            });
  }

  @DatabaseTest
  void backoff_doubles_from_fifteen_seconds_up_to_an_hour(TestDatabase db) {
    InboxWorker worker = worker(db, (accountId, rows) -> {});

    assertThat(worker.backoff(0)).isEqualTo(Duration.ofSeconds(15));
    assertThat(worker.backoff(1)).isEqualTo(Duration.ofSeconds(30));
    assertThat(worker.backoff(3)).isEqualTo(Duration.ofMinutes(2));
    assertThat(worker.backoff(20)).isEqualTo(Duration.ofHours(1));
  }

  @DatabaseTest
  void a_paused_accounts_rows_wait_without_spending_attempts(TestDatabase db) {
    var inbox = new InboxRepository(db.dsl());
    inbox.accept(1L, "body", T0);
    access.pause(1L, Duration.ofMinutes(15), "HTML 403");
    List<Long> processed = new ArrayList<>();
    InboxWorker worker = worker(db, (accountId, rows) -> processed.add(accountId));

    worker.drain();
    clock.advance(Duration.ofMinutes(14));
    worker.drain();
    assertThat(processed).isEmpty();

    clock.advance(Duration.ofMinutes(1));
    worker.drain();

    assertThat(processed).containsExactly(1L);
    assertThat(db.dsl().fetchValue(WEBHOOK_INBOX.ATTEMPTS)).isEqualTo(1);
  }

  @DatabaseTest
  void an_account_that_needs_reauthorization_parks_its_rows_at_once(TestDatabase db) {
    var inbox = new InboxRepository(db.dsl());
    inbox.accept(1L, "body", T0);
    InboxWorker worker =
        worker(
            db,
            (accountId, rows) -> {
              throw new AmoAuthorizationException(accountId, "account 1 is needs_reauth");
            });

    worker.drain();

    assertThat(inbox.parked(1L, 10))
        .singleElement()
        .satisfies(p -> assertThat(p.attempts()).isEqualTo(1));
  }
}
