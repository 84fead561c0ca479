package app.reglament.inbox;

import app.reglament.amo.api.AccountAccess;
import app.reglament.amo.api.AmoAuthorizationException;
import app.reglament.amo.api.AmoUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes webhook rows from the inbox and hands each account's rows to the processor. One dispatcher
 * claims; a pool processes one account per slot, and accounts in a slot are left out of the next
 * claims, so a slow or failing account never holds the others back. A failed group is retried with
 * exponential backoff and parked after {@link Settings#maxAttempts()}; a paused account's rows wait
 * for the pause to end without spending attempts.
 */
public final class InboxWorker implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(InboxWorker.class);

  /** Tunables with the defaults Reglament runs with. */
  public record Settings(
      int slots,
      int batchSize,
      Duration lease,
      Duration idlePoll,
      int maxAttempts,
      Duration firstRetry,
      Duration maxRetry) {
    public static final Settings DEFAULTS =
        new Settings(
            4,
            100,
            Duration.ofMinutes(5),
            Duration.ofSeconds(1),
            8,
            Duration.ofSeconds(15),
            Duration.ofHours(1));
  }

  /** Done rows are kept this long, so amoCRM's redeliveries of the same body are recognized. */
  static final Duration DONE_RETENTION = Duration.ofDays(7);

  static final Duration PURGE_PERIOD = Duration.ofHours(1);
  static final int PURGE_BATCH = 10_000;

  private final InboxRepository inbox;
  private final InboxProcessor processor;
  private final AccountAccess access;
  private final Clock clock;
  private final Settings settings;
  private final String owner = "inbox-" + UUID.randomUUID().toString().substring(0, 8);
  private final Set<Long> busyAccounts = ConcurrentHashMap.newKeySet();
  private final Semaphore wakeups = new Semaphore(0);
  private volatile boolean running;
  private Instant lastPurge = Instant.EPOCH;
  private Thread dispatcher;
  private ExecutorService pool;
  private Semaphore slots;

  public InboxWorker(
      InboxRepository inbox,
      InboxProcessor processor,
      AccountAccess access,
      Clock clock,
      Settings settings) {
    this.inbox = inbox;
    this.processor = processor;
    this.access = access;
    this.clock = clock;
    this.settings = settings;
  }

  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    slots = new Semaphore(settings.slots());
    pool = Executors.newFixedThreadPool(settings.slots(), named("inbox-process"));
    dispatcher = named("inbox-dispatch").newThread(this::dispatchLoop);
    dispatcher.start();
    log.info("Inbox worker {} started with {} processing slots", owner, settings.slots());
  }

  /** Asks the dispatcher to look for work now (a webhook was just accepted). */
  public void wake() {
    if (wakeups.availablePermits() == 0) {
      wakeups.release();
    }
  }

  /**
   * Processes everything due now in the calling thread and returns how many rows were handled. For
   * tests and for one-shot tools; the running worker uses its own threads.
   */
  public int drain() {
    int handled = 0;
    List<InboxRow> rows;
    while (!(rows = inbox.claim(owner, clock.instant(), settings.batchSize(), settings.lease()))
        .isEmpty()) {
      for (var group : byAccount(rows).entrySet()) {
        processGroup(group.getKey(), group.getValue());
      }
      handled += rows.size();
    }
    return handled;
  }

  private void dispatchLoop() {
    while (running) {
      try {
        slots.acquire();
        slots.release();
        inbox.releaseExpiredClaims(clock.instant());
        purgeNowAndThen();
        List<InboxRow> rows =
            inbox.claim(
                owner,
                clock.instant(),
                settings.batchSize(),
                settings.lease(),
                Set.copyOf(busyAccounts));
        if (rows.isEmpty()) {
          wakeups.tryAcquire(settings.idlePoll().toMillis(), TimeUnit.MILLISECONDS);
          continue;
        }
        for (var group : byAccount(rows).entrySet()) {
          slots.acquire();
          long accountId = group.getKey();
          busyAccounts.add(accountId);
          pool.execute(
              () -> {
                try {
                  processGroup(accountId, group.getValue());
                } finally {
                  busyAccounts.remove(accountId);
                  slots.release();
                  wake();
                }
              });
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        // The database may be briefly away; the loop must outlive it.
        log.error("Inbox dispatch failed; retrying after {}", settings.idlePoll(), e);
        try {
          wakeups.tryAcquire(settings.idlePoll().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** Deletes old done rows at most once per {@link #PURGE_PERIOD}. */
  private void purgeNowAndThen() {
    Instant now = clock.instant();
    if (now.isAfter(lastPurge.plus(PURGE_PERIOD))) {
      lastPurge = now;
      int purged = inbox.purgeDone(now.minus(DONE_RETENTION), PURGE_BATCH);
      if (purged > 0) {
        log.info("Deleted {} processed webhooks older than {}", purged, DONE_RETENTION);
      }
    }
  }

  private void processGroup(long accountId, List<InboxRow> rows) {
    List<Long> ids = rows.stream().map(InboxRow::id).toList();
    try {
      Optional<Instant> paused = access.pausedUntil(accountId);
      if (paused.isPresent()) {
        inbox.defer(owner, accountId, ids, paused.get());
        return;
      }
      processor.process(accountId, rows);
      inbox.markDone(owner, accountId, ids, clock.instant());
    } catch (Exception e) {
      Optional<Instant> pausedNow = safePausedUntil(accountId);
      if (pausedNow.isPresent()) {
        inbox.defer(owner, accountId, ids, pausedNow.get());
        return;
      }
      boolean hopeless = e instanceof AmoAuthorizationException;
      // amoCRM may ask for a longer wait (Retry-After) than the client would block for.
      Duration asked =
          e instanceof AmoUnavailableException unavailable
              ? unavailable.retryAfter().orElse(Duration.ZERO)
              : Duration.ZERO;
      for (InboxRow row : rows) {
        boolean park = hopeless || row.attempts() + 1 >= settings.maxAttempts();
        Duration wait = backoff(row.attempts());
        inbox.markFailed(
            owner,
            accountId,
            row,
            describe(e),
            clock.instant().plus(asked.compareTo(wait) > 0 ? asked : wait),
            park);
      }
      log.warn(
          "Webhooks {} of account {} failed ({}): {}",
          ids,
          accountId,
          hopeless ? "parked, the account cannot be called" : "will retry",
          describe(e));
    }
  }

  private Optional<Instant> safePausedUntil(long accountId) {
    try {
      return access.pausedUntil(accountId);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  Duration backoff(int previousAttempts) {
    Duration delay = settings.firstRetry();
    for (int i = 0; i < previousAttempts && delay.compareTo(settings.maxRetry()) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(settings.maxRetry()) > 0 ? settings.maxRetry() : delay;
  }

  private static String describe(Exception e) {
    return e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  private static Map<Long, List<InboxRow>> byAccount(List<InboxRow> rows) {
    Map<Long, List<InboxRow>> groups = new LinkedHashMap<>();
    for (InboxRow row : rows) {
      groups.computeIfAbsent(row.accountId(), id -> new java.util.ArrayList<>()).add(row);
    }
    return groups;
  }

  private static java.util.concurrent.ThreadFactory named(String prefix) {
    var counter = new java.util.concurrent.atomic.AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** Stops claiming, lets groups in progress finish (up to 30 s), and returns. */
  @Override
  public synchronized void close() {
    if (!running) {
      return;
    }
    running = false;
    dispatcher.interrupt();
    pool.shutdown();
    try {
      dispatcher.join(TimeUnit.SECONDS.toMillis(10));
      if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
        pool.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    log.info("Inbox worker {} stopped", owner);
  }
}
