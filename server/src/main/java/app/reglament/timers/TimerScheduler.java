package app.reglament.timers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires due timers: every {@link Settings#poll()} it claims the due timers of the kinds that have a
 * handler here, calls each kind's {@link Timers.Handler} and marks the timer fired. A handler that
 * throws is called again later with exponential backoff, and the timer is parked after {@link
 * Settings#maxAttempts()}. Only kinds registered in this instance are claimed, so an instance that
 * does not know a kind (an older version during a rolling update) leaves its timers to the others.
 */
public final class TimerScheduler implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TimerScheduler.class);

  /**
   * Tunables with the defaults Reglament runs with.
   *
   * @param poll how often due timers are looked for: a timer fires at most this late (plus the
   *     handlers ahead of it)
   * @param retention how long fired and cancelled timers are kept (a replayed schedule of a timer
   *     that fired is recognized while it is kept)
   */
  public record Settings(
      Duration poll,
      int batchSize,
      Duration lease,
      int maxAttempts,
      Duration firstRetry,
      Duration maxRetry,
      Duration retention) {
    public static final Settings DEFAULTS =
        new Settings(
            Duration.ofSeconds(2),
            100,
            Duration.ofMinutes(5),
            10,
            Duration.ofSeconds(30),
            Duration.ofHours(1),
            Duration.ofDays(7));

    public Settings withPoll(Duration value) {
      return new Settings(value, batchSize, lease, maxAttempts, firstRetry, maxRetry, retention);
    }

    public Settings withMaxAttempts(int value) {
      return new Settings(poll, batchSize, lease, value, firstRetry, maxRetry, retention);
    }
  }

  static final Duration HOUSEKEEPING_PERIOD = Duration.ofMinutes(1);
  static final int PURGE_BATCH = 10_000;

  private final TimerRepository timers;
  private final Clock clock;
  private final Settings settings;
  private final String owner = "timers-" + UUID.randomUUID().toString().substring(0, 8);
  private final Map<String, Timers.Handler> handlers = new ConcurrentHashMap<>();
  private final Semaphore wakeups = new Semaphore(0);
  private volatile boolean running;
  private Instant lastHousekeeping = Instant.EPOCH;
  private Thread thread;

  public TimerScheduler(TimerRepository timers, Clock clock, Settings settings) {
    this.timers = timers;
    this.clock = clock;
    this.settings = settings;
  }

  /**
   * Makes this instance fire timers of {@code kind} with {@code handler}. Register before {@link
   * #start()} or after: the next poll picks it up. One handler per kind.
   */
  public TimerScheduler register(String kind, Timers.Handler handler) {
    if (handlers.putIfAbsent(kind, handler) != null) {
      throw new IllegalStateException("Timers of kind " + kind + " already have a handler");
    }
    return this;
  }

  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    thread = new Thread(this::loop, "timer-scheduler");
    thread.setDaemon(true);
    thread.start();
    log.info("Timer scheduler {} started, polling every {}", owner, settings.poll());
  }

  /** Looks for due timers now instead of at the next poll. */
  public void wake() {
    if (wakeups.availablePermits() == 0) {
      wakeups.release();
    }
  }

  private void loop() {
    while (running) {
      try {
        int fired = runOnce(clock.instant());
        if (fired < settings.batchSize()) {
          wakeups.tryAcquire(settings.poll().toMillis(), TimeUnit.MILLISECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        // The database may be briefly away; the loop must outlive it.
        log.error("Timer scheduler pass failed; retrying after {}", settings.poll(), e);
        try {
          wakeups.tryAcquire(settings.poll().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /**
   * One pass: claims the timers due at {@code now} and fires them in the calling thread. The loop
   * calls it every poll; tests call it with the time they set.
   *
   * @return how many timers were claimed (fired or failed)
   */
  public int runOnce(Instant now) {
    housekeeping(now);
    Set<String> kinds = Set.copyOf(handlers.keySet());
    List<DueTimer> due = timers.claim(owner, kinds, now, settings.batchSize(), settings.lease());
    for (DueTimer timer : due) {
      fire(timer);
    }
    return due.size();
  }

  private void fire(DueTimer timer) {
    Timers.Handler handler = handlers.get(timer.kind());
    try {
      handler.fire(timer.accountId(), timer.key(), timer.dueAt());
      timers.markFired(owner, timer, clock.instant());
    } catch (RuntimeException e) {
      boolean park = timer.attempts() + 1 >= settings.maxAttempts();
      Instant retryAt = clock.instant().plus(backoff(timer.attempts()));
      timers.markFailed(
          owner, timer, e.getClass().getSimpleName() + ": " + e.getMessage(), retryAt, park);
      log.warn(
          "Timer {}/{} of account {} failed ({}); {}",
          timer.kind(),
          timer.key(),
          timer.accountId(),
          e.toString(),
          park ? "parked after " + (timer.attempts() + 1) + " attempts" : "retry at " + retryAt,
          e);
    }
  }

  private void housekeeping(Instant now) {
    if (now.isAfter(lastHousekeeping.plus(HOUSEKEEPING_PERIOD))) {
      lastHousekeeping = now;
      int released = timers.releaseExpiredClaims(now);
      if (released > 0) {
        log.warn("{} timers whose instance's lease ran out are scheduled again", released);
      }
      timers.purge(now.minus(settings.retention()), PURGE_BATCH);
    }
  }

  Duration backoff(int previousAttempts) {
    Duration delay = settings.firstRetry();
    for (int i = 0; i < previousAttempts && delay.compareTo(settings.maxRetry()) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(settings.maxRetry()) > 0 ? settings.maxRetry() : delay;
  }

  /** Stops polling; a handler in progress finishes (up to 30 s). */
  @Override
  public synchronized void close() {
    if (!running) {
      return;
    }
    running = false;
    wakeups.release();
    try {
      thread.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    log.info("Timer scheduler {} stopped", owner);
  }
}
