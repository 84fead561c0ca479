package app.reglament.timers;

import static org.assertj.core.api.Assertions.assertThat;

import app.reglament.testing.DatabaseTest;
import app.reglament.testing.MutableClock;
import app.reglament.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Durable timers on an injected clock: the loop's pass is driven directly, so nothing sleeps. */
class TimerSchedulerTest {
  private static final long ACCOUNT = 31_000_001L;
  private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
  private static final String SLA = "first_contact_sla";

  private final MutableClock clock = new MutableClock(NOW);

  /** What fired, as "account/key@due". */
  private final List<String> fired = new CopyOnWriteArrayList<>();

  private TimerScheduler scheduler(TimerRepository timers) {
    return new TimerScheduler(timers, clock, TimerScheduler.Settings.DEFAULTS.withMaxAttempts(3))
        .register(SLA, (account, key, due) -> fired.add(account + "/" + key + "@" + due));
  }

  @DatabaseTest
  void a_timer_fires_once_at_its_deadline_and_not_before(TestDatabase db) {
    TimerRepository timers = new TimerRepository(db.dsl(), clock);
    TimerScheduler scheduler = scheduler(timers);
    Instant due = NOW.plus(Duration.ofMinutes(15));
    timers.schedule(db.dsl(), ACCOUNT, SLA, "lead:1001", due);

    assertThat(scheduler.runOnce(due.minusMillis(1))).isZero();
    assertThat(fired).isEmpty();

    clock.set(due);
    assertThat(scheduler.runOnce(due)).isEqualTo(1);
    assertThat(scheduler.runOnce(due.plusSeconds(60))).isZero();

    assertThat(fired).containsExactly(ACCOUNT + "/lead:1001@" + due);
    assertThat(timers.state(ACCOUNT, SLA, "lead:1001")).isEqualTo("fired");
  }

  @DatabaseTest
  void a_cancelled_timer_never_fires(TestDatabase db) {
    TimerRepository timers = new TimerRepository(db.dsl(), clock);
    TimerScheduler scheduler = scheduler(timers);
    timers.schedule(db.dsl(), ACCOUNT, SLA, "lead:1001", NOW.plusSeconds(60));
    timers.cancel(db.dsl(), ACCOUNT, SLA, "lead:1001");

    assertThat(scheduler.runOnce(NOW.plus(Duration.ofDays(1)))).isZero();
    assertThat(fired).isEmpty();
  }

  @DatabaseTest
  void scheduling_again_moves_the_deadline_and_replaying_a_fired_one_does_nothing(TestDatabase db) {
    TimerRepository timers = new TimerRepository(db.dsl(), clock);
    TimerScheduler scheduler = scheduler(timers);
    Instant first = NOW.plusSeconds(60);
    Instant later = NOW.plusSeconds(600);
    timers.schedule(db.dsl(), ACCOUNT, SLA, "lead:1001", first);
    timers.schedule(db.dsl(), ACCOUNT, SLA, "lead:1001", later);

    assertThat(scheduler.runOnce(first)).isZero();
    assertThat(scheduler.runOnce(later)).isEqualTo(1);

    timers.schedule(db.dsl(), ACCOUNT, SLA, "lead:1001", later); // the same trigger, replayed
    assertThat(scheduler.runOnce(later.plusSeconds(60))).isZero();

    Instant next = later.plusSeconds(3600);
    timers.schedule(db.dsl(), ACCOUNT, SLA, "lead:1001", next); // a new deadline
    assertThat(scheduler.runOnce(next)).isEqualTo(1);
    assertThat(fired)
        .containsExactly(ACCOUNT + "/lead:1001@" + later, ACCOUNT + "/lead:1001@" + next);
  }

  @DatabaseTest
  void a_timer_survives_a_restart(TestDatabase db) {
    new TimerRepository(db.dsl(), clock)
        .schedule(db.dsl(), ACCOUNT, SLA, "lead:1001", NOW.plusSeconds(60));

    // Another instance, started later, with nothing in memory but its handler.
    TimerScheduler restarted = scheduler(new TimerRepository(db.dsl(), clock));
    assertThat(restarted.runOnce(NOW.plusSeconds(61))).isEqualTo(1);
    assertThat(fired).hasSize(1);
  }

  @DatabaseTest
  void a_timer_claimed_by_an_instance_that_died_fires_elsewhere_after_the_lease(TestDatabase db) {
    TimerRepository timers = new TimerRepository(db.dsl(), clock);
    timers.schedule(db.dsl(), ACCOUNT, SLA, "lead:1001", NOW);
    assertThat(timers.claim("dead-instance", List.of(SLA), NOW, 10, Duration.ofMinutes(5)))
        .hasSize(1);
    TimerScheduler survivor = scheduler(timers);

    assertThat(survivor.runOnce(NOW.plusSeconds(60))).isZero();
    assertThat(survivor.runOnce(NOW.plus(Duration.ofMinutes(6)))).isEqualTo(1);
    assertThat(fired).hasSize(1);
  }

  @DatabaseTest
  void a_failing_handler_is_called_again_with_backoff_and_parked_at_last(TestDatabase db) {
    TimerRepository timers = new TimerRepository(db.dsl(), clock);
    List<Instant> calls = new CopyOnWriteArrayList<>();
    TimerScheduler scheduler =
        new TimerScheduler(timers, clock, TimerScheduler.Settings.DEFAULTS.withMaxAttempts(3))
            .register(
                SLA,
                (account, key, due) -> {
                  calls.add(clock.instant());
                  throw new IllegalStateException("amoCRM is away");
                });
    timers.schedule(db.dsl(), ACCOUNT, SLA, "lead:1001", NOW);

    scheduler.runOnce(NOW);
    assertThat(scheduler.runOnce(NOW.plusSeconds(1))).as("backing off").isZero();
    for (int i = 0; i < 5; i++) {
      clock.advance(Duration.ofHours(1));
      scheduler.runOnce(clock.instant());
    }

    assertThat(calls).hasSize(3);
    assertThat(timers.state(ACCOUNT, SLA, "lead:1001")).isEqualTo("parked");
  }

  @DatabaseTest
  void timers_of_a_kind_without_a_handler_here_are_left_to_other_instances(TestDatabase db) {
    TimerRepository timers = new TimerRepository(db.dsl(), clock);
    timers.schedule(db.dsl(), ACCOUNT, "daily_report", "2026-11-30", NOW);

    assertThat(scheduler(timers).runOnce(NOW.plusSeconds(60))).isZero();
    assertThat(timers.state(ACCOUNT, "daily_report", "2026-11-30")).isEqualTo("scheduled");
  }

  @DatabaseTest
  void two_schedulers_on_one_database_fire_each_timer_exactly_once(TestDatabase db)
      throws Exception {
    TimerRepository timers = new TimerRepository(db.dsl(), clock);
    int count = 300;
    for (int i = 0; i < count; i++) {
      timers.schedule(db.dsl(), ACCOUNT, SLA, "lead:" + i, NOW.plusSeconds(i % 7));
    }
    TimerScheduler a = scheduler(new TimerRepository(db.dsl(), clock));
    TimerScheduler b = scheduler(new TimerRepository(db.dsl(), clock));
    Instant later = NOW.plusSeconds(10);
    CountDownLatch start = new CountDownLatch(1);
    var first = CompletableFuture.supplyAsync(() -> drain(a, later, start));
    var second = CompletableFuture.supplyAsync(() -> drain(b, later, start));
    start.countDown();

    assertThat(first.get(60, TimeUnit.SECONDS) + second.get(60, TimeUnit.SECONDS)).isEqualTo(count);
    assertThat(fired).hasSize(count).doesNotHaveDuplicates();
  }

  private static int drain(TimerScheduler scheduler, Instant now, CountDownLatch start) {
    try {
      start.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    int total = 0;
    int pass;
    while ((pass = scheduler.runOnce(now)) > 0) {
      total += pass;
    }
    return total;
  }
}
