package app.reglament.inbox;

import static app.reglament.db.generated.Tables.WEBHOOK_INBOX;
import static org.assertj.core.api.Assertions.assertThat;

import app.reglament.testing.DatabaseTest;
import app.reglament.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

class InboxRepositoryTest {
  private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
  private static final Duration LEASE = Duration.ofMinutes(5);

  @DatabaseTest
  void a_redelivered_body_is_absorbed_but_another_account_may_send_the_same(TestDatabase db) {
    var inbox = new InboxRepository(db.dsl());

    assertThat(inbox.accept(1L, "leads[add][0][id]=1", T0)).isTrue();
    assertThat(inbox.accept(1L, "leads[add][0][id]=1", T0.plusSeconds(30))).isFalse();
    assertThat(inbox.accept(2L, "leads[add][0][id]=1", T0)).isTrue();

    assertThat(db.dsl().fetchCount(WEBHOOK_INBOX)).isEqualTo(2);
  }

  @DatabaseTest
  void claimed_rows_go_to_one_worker_in_arrival_order(TestDatabase db) {
    var inbox = new InboxRepository(db.dsl());
    for (int i = 0; i < 5; i++) {
      inbox.accept(1L, "body-" + i, T0);
    }

    List<InboxRow> first = inbox.claim("worker-a", T0, 3, LEASE);
    List<InboxRow> second = inbox.claim("worker-b", T0, 3, LEASE);
    List<InboxRow> third = inbox.claim("worker-c", T0, 3, LEASE);

    assertThat(first).extracting(InboxRow::body).containsExactly("body-0", "body-1", "body-2");
    assertThat(second).extracting(InboxRow::body).containsExactly("body-3", "body-4");
    assertThat(third).isEmpty();
  }

  @DatabaseTest
  void rows_locked_by_another_instance_are_skipped_not_waited_for(TestDatabase db)
      throws Exception {
    var inbox = new InboxRepository(db.dsl());
    for (int i = 0; i < 4; i++) {
      inbox.accept(1L, "body-" + i, T0);
    }
    List<Long> firstTwo =
        db.dsl()
            .select(WEBHOOK_INBOX.ID)
            .from(WEBHOOK_INBOX)
            .orderBy(WEBHOOK_INBOX.ID)
            .limit(2)
            .fetch(WEBHOOK_INBOX.ID);
    var locked = new CountDownLatch(1);
    var release = new CountDownLatch(1);
    // Another instance holds the first two rows locked (by key) in an open transaction.
    CompletableFuture<Void> other =
        CompletableFuture.runAsync(
            () ->
                db.dsl()
                    .transaction(
                        tx -> {
                          tx.dsl()
                              .selectFrom(WEBHOOK_INBOX)
                              .where(WEBHOOK_INBOX.ACCOUNT_ID.eq(1L))
                              .and(WEBHOOK_INBOX.ID.in(firstTwo))
                              .forUpdate()
                              .fetch();
                          locked.countDown();
                          release.await(30, TimeUnit.SECONDS);
                        }));
    assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();

    List<InboxRow> claimed =
        CompletableFuture.supplyAsync(() -> inbox.claim("worker-b", T0, 10, LEASE))
            .get(5, TimeUnit.SECONDS);
    release.countDown();
    other.get(10, TimeUnit.SECONDS);

    assertThat(claimed).extracting(InboxRow::body).containsExactly("body-2", "body-3");
  }

  @DatabaseTest
  void concurrent_claimers_never_share_a_row(TestDatabase db) throws Exception {
    var inbox = new InboxRepository(db.dsl());
    for (int i = 0; i < 200; i++) {
      inbox.accept(1 + i % 3, "body-" + i, T0);
    }
    List<CompletableFuture<List<Long>>> workers = new ArrayList<>();
    for (int w = 0; w < 4; w++) {
      String owner = "worker-" + w;
      workers.add(
          CompletableFuture.supplyAsync(
              () -> {
                List<Long> mine = new ArrayList<>();
                List<InboxRow> batch;
                while (!(batch = inbox.claim(owner, T0, 7, LEASE)).isEmpty()) {
                  batch.forEach(row -> mine.add(row.id()));
                }
                return mine;
              }));
    }
    Set<Long> seen = new HashSet<>();
    int total = 0;
    for (var worker : workers) {
      List<Long> ids = worker.get(60, TimeUnit.SECONDS);
      total += ids.size();
      seen.addAll(ids);
    }

    assertThat(total).isEqualTo(200);
    assertThat(seen).hasSize(200);
  }

  @DatabaseTest
  void a_claim_whose_worker_died_returns_after_its_lease(TestDatabase db) {
    var inbox = new InboxRepository(db.dsl());
    inbox.accept(1L, "body", T0);
    inbox.claim("worker-that-dies", T0, 10, LEASE);

    assertThat(inbox.releaseExpiredClaims(T0.plus(LEASE).minusSeconds(1))).isZero();
    assertThat(inbox.releaseExpiredClaims(T0.plus(LEASE).plusSeconds(1))).isEqualTo(1);
    assertThat(inbox.claim("worker-b", T0.plus(LEASE).plusSeconds(1), 10, LEASE))
        .extracting(InboxRow::body)
        .containsExactly("body");
  }

  @DatabaseTest
  void a_failed_row_comes_back_later_and_is_parked_with_its_error_at_the_end(TestDatabase db) {
    var inbox = new InboxRepository(db.dsl());
    inbox.accept(1L, "body", T0);
    InboxRow row = inbox.claim("w", T0, 1, LEASE).get(0);

    inbox.markFailed("w", 1L, row, "amoCRM answered 500", T0.plusSeconds(30), false);
    assertThat(inbox.claim("w", T0.plusSeconds(29), 1, LEASE)).isEmpty();
    InboxRow again = inbox.claim("w", T0.plusSeconds(30), 1, LEASE).get(0);
    assertThat(again.attempts()).isEqualTo(1);

    inbox.markFailed("w", 1L, again, "amoCRM answered 500 again", T0.plusSeconds(90), true);

    assertThat(inbox.claim("w", T0.plus(Duration.ofDays(1)), 1, LEASE)).isEmpty();
    assertThat(inbox.parked(1L, 10))
        .singleElement()
        .satisfies(
            parked -> {
              assertThat(parked.attempts()).isEqualTo(2);
              assertThat(parked.error()).isEqualTo("amoCRM answered 500 again");
            });
    assertThat(inbox.parked(2L, 10)).isEmpty();
    assertThat(inbox.countsByState()).containsEntry("parked", 1);
  }

  @DatabaseTest
  void a_worker_whose_lease_ran_out_cannot_mark_done_a_row_the_next_one_holds(TestDatabase db) {
    var inbox = new InboxRepository(db.dsl());
    inbox.accept(1L, "body", T0);
    InboxRow row = inbox.claim("slow-worker", T0, 1, LEASE).get(0);
    inbox.releaseExpiredClaims(T0.plus(LEASE).plusSeconds(1));
    inbox.claim("next-worker", T0.plus(LEASE).plusSeconds(1), 1, LEASE);

    inbox.markDone("slow-worker", 1L, List.of(row.id()), T0.plus(LEASE).plusSeconds(2));

    assertThat(inbox.countsByState()).containsExactly(java.util.Map.entry("claimed", 1));
  }

  @DatabaseTest
  void a_worker_whose_lease_ran_out_cannot_overwrite_the_outcome_of_the_next(TestDatabase db) {
    var inbox = new InboxRepository(db.dsl());
    inbox.accept(1L, "body", T0);
    InboxRow row = inbox.claim("slow-worker", T0, 1, LEASE).get(0);
    inbox.releaseExpiredClaims(T0.plus(LEASE).plusSeconds(1));
    inbox.claim("next-worker", T0.plus(LEASE).plusSeconds(1), 1, LEASE);
    inbox.markDone("next-worker", 1L, List.of(row.id()), T0.plus(LEASE).plusSeconds(2));

    inbox.markFailed("slow-worker", 1L, row, "late failure", T0.plus(LEASE).plusSeconds(3), true);

    assertThat(inbox.countsByState()).containsExactly(java.util.Map.entry("done", 1));
  }

  @DatabaseTest
  void done_rows_are_purged_after_their_retention_and_others_are_kept(TestDatabase db) {
    var inbox = new InboxRepository(db.dsl());
    inbox.accept(1L, "old", T0);
    inbox.accept(1L, "pending", T0);
    InboxRow old = inbox.claim("w", T0, 1, LEASE).get(0);
    inbox.markDone("w", 1L, List.of(old.id()), T0);

    assertThat(inbox.purgeDone(T0, 100)).isZero();
    assertThat(inbox.purgeDone(T0.plusSeconds(1), 100)).isEqualTo(1);
    assertThat(inbox.countsByState()).containsExactly(java.util.Map.entry("pending", 1));
  }

  @DatabaseTest
  void done_and_deferred_rows_touch_only_their_own_account(TestDatabase db) {
    var inbox = new InboxRepository(db.dsl());
    inbox.accept(1L, "one", T0);
    inbox.accept(2L, "two", T0);
    List<InboxRow> rows = inbox.claim("w", T0, 10, LEASE);
    List<Long> ids = rows.stream().map(InboxRow::id).toList();

    inbox.markDone("w", 1L, ids, T0);
    inbox.defer("w", 2L, ids, T0.plusSeconds(600));

    assertThat(inbox.countsByState()).containsEntry("done", 1).containsEntry("pending", 1);
    assertThat(inbox.claim("w", T0.plusSeconds(599), 10, LEASE)).isEmpty();
    assertThat(inbox.claim("w", T0.plusSeconds(600), 10, LEASE))
        .singleElement()
        .satisfies(row -> assertThat(row.attempts()).isZero());
  }
}
