package app.reglament.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each active account's synchronization when it is due: the initial sync first (also after a
 * crash in the middle of one: the lease runs out and it starts again), then a reconciliation every
 * {@link Settings#interval()}. Accounts are leased in the database, so with several instances each
 * account is synchronized by one of them at a time.
 */
public final class SyncScheduler implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SyncScheduler.class);

  public record Settings(
      Duration interval, Duration poll, Duration lease, Duration retryAfterFailure, int parallel) {
    public static final Settings DEFAULTS =
        new Settings(
            Duration.ofMinutes(10),
            Duration.ofSeconds(5),
            Duration.ofMinutes(30),
            Duration.ofMinutes(1),
            2);

    public Settings withInterval(Duration value) {
      return new Settings(value, poll, lease, retryAfterFailure, parallel);
    }
  }

  private final AccountSync sync;
  private final SyncStateRepository state;
  private final Clock clock;
  private final Settings settings;
  private final String owner = "sync-" + UUID.randomUUID().toString().substring(0, 8);
  private final List<Thread> loops = new ArrayList<>();
  private final Semaphore wakeups = new Semaphore(0);
  private volatile boolean running;

  public SyncScheduler(
      AccountSync sync, SyncStateRepository state, Clock clock, Settings settings) {
    this.sync = sync;
    this.state = state;
    this.clock = clock;
    this.settings = settings;
  }

  /** Synchronizes at most one due account; returns it, or empty when none was due. */
  public Optional<Long> runOnce() {
    return runOnce(owner + "-0");
  }

  /**
   * As {@link #runOnce()} under {@code leaseOwner}: every loop has its own, so one loop can never
   * release a lease that another loop of the same instance took over.
   */
  Optional<Long> runOnce(String leaseOwner) {
    List<Long> claimed = state.claimDue(leaseOwner, clock.instant(), settings.lease(), 1);
    if (claimed.isEmpty()) {
      return Optional.empty();
    }
    long accountId = claimed.get(0);
    Instant next;
    try {
      SyncLease lease = new SyncLease(state, accountId, leaseOwner, settings.lease(), clock);
      if (sync.initialDone(accountId)) {
        sync.reconcile(accountId, lease);
      } else {
        sync.initial(accountId, lease);
      }
      next = clock.instant().plus(settings.interval());
    } catch (RuntimeException e) {
      SyncStatus failed =
          state
              .status(accountId)
              .orElse(SyncStatus.queued())
              .failed(e.getMessage(), clock.instant());
      state.saveStatus(accountId, failed);
      Duration wait = retryDelay(failed.consecutiveFailures());
      log.warn(
          "Synchronization of account {} failed ({} in a row, next try in {}): {}",
          accountId,
          failed.consecutiveFailures(),
          wait,
          e.getMessage());
      next = clock.instant().plus(wait);
    }
    state.release(accountId, leaseOwner, next);
    return Optional.of(accountId);
  }

  /** One minute after the first failure, doubling with each further one, at most the interval. */
  Duration retryDelay(int consecutiveFailures) {
    Duration delay = settings.retryAfterFailure();
    for (int i = 1; i < consecutiveFailures && delay.compareTo(settings.interval()) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(settings.interval()) > 0 ? settings.interval() : delay;
  }

  /** Synchronizes due accounts until none is left; for tests and tools. */
  public int drain() {
    int count = 0;
    while (runOnce().isPresent()) {
      count++;
    }
    return count;
  }

  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    for (int i = 0; i < settings.parallel(); i++) {
      String leaseOwner = owner + "-" + i;
      Thread loop = new Thread(() -> loop(leaseOwner), leaseOwner);
      loop.setDaemon(true);
      loops.add(loop);
      loop.start();
    }
  }

  private void loop(String leaseOwner) {
    while (running) {
      try {
        if (runOnce(leaseOwner).isEmpty()) {
          wakeups.tryAcquire(settings.poll().toMillis(), TimeUnit.MILLISECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        log.error("The sync loop failed; it goes on", e);
      }
    }
  }

  /** Looks for due accounts now (an installation just queued one). */
  public void wake() {
    wakeups.release(settings.parallel());
  }

  @Override
  public synchronized void close() {
    running = false;
    loops.forEach(Thread::interrupt);
    for (Thread loop : loops) {
      try {
        loop.join(TimeUnit.SECONDS.toMillis(30));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    loops.clear();
  }
}
