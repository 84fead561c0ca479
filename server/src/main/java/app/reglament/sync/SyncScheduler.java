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
    List<Long> claimed = state.claimDue(owner, clock.instant(), settings.lease(), 1);
    if (claimed.isEmpty()) {
      return Optional.empty();
    }
    long accountId = claimed.get(0);
    Instant next;
    try {
      if (sync.initialDone(accountId)) {
        sync.reconcile(accountId);
      } else {
        sync.initial(accountId);
      }
      next = clock.instant().plus(settings.interval());
    } catch (RuntimeException e) {
      log.warn("Synchronization of account {} failed: {}", accountId, e.getMessage());
      state
          .status(accountId)
          .ifPresent(
              status ->
                  state.saveStatus(accountId, status.failed(e.getMessage(), clock.instant())));
      next = clock.instant().plus(settings.retryAfterFailure());
    }
    state.release(accountId, owner, next);
    return Optional.of(accountId);
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
      Thread loop = new Thread(this::loop, owner + "-" + i);
      loop.setDaemon(true);
      loops.add(loop);
      loop.start();
    }
  }

  private void loop() {
    while (running) {
      try {
        if (runOnce().isEmpty()) {
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
