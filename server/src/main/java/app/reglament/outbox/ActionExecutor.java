package app.reglament.outbox;

import app.reglament.amo.api.AccountAccess;
import app.reglament.amo.api.AmoAuthorizationException;
import app.reglament.amo.api.AmoBlockedException;
import app.reglament.amo.api.AmoClient;
import app.reglament.amo.api.AmoClientSettings;
import app.reglament.amo.api.AmoException;
import app.reglament.amo.api.AmoProblemException;
import app.reglament.amo.api.AmoUnavailableException;
import app.reglament.amo.api.AmoValidationException;
import app.reglament.amo.api.ValidationError;
import app.reglament.amo.api.model.CustomFieldDefinition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends queued actions to amoCRM. Each pass claims the due rows of one account and kind, at most a
 * batch, and sends them as one request through the {@link AmoClient}, which holds the account to
 * its rate ceiling; the next pass starts at once while there is work, so the ceiling, not this
 * loop, sets the pace.
 *
 * <p>Faults: a refusal of the batch (amoCRM's {@code validation-errors}) fails only the actions it
 * names, and the others are sent again without them (one by one when amoCRM did not say which);
 * 429, 5xx and timeouts bring the rows back later with exponential backoff, and park them after
 * {@link Settings#maxAttempts()}; a paused account's rows wait without spending attempts, and so do
 * those of an account that needs re-authorization, until it is installed again. A create whose
 * answer was lost is parked rather than repeated, because amoCRM may have made it; so is one whose
 * executor stopped while sending it (its rows are marked {@code sending} in a commit of their own
 * before the request, and parked when the lease runs out).
 */
public final class ActionExecutor implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ActionExecutor.class);
  static final String CUSTOM_FIELDS_PATH = "/api/v4/leads/custom_fields";
  static final Duration RELEASE_PERIOD = Duration.ofSeconds(10);

  /**
   * How often a batch of an account that needs re-authorization looks whether it was installed
   * again: one claim and a token check without a request to amoCRM.
   */
  static final Duration REAUTH_RECHECK = Duration.ofMinutes(1);

  /**
   * Tunables with the defaults Reglament runs with.
   *
   * @param slots threads sending
   * @param perAccount batches of one account in flight at once: two let one batch's database work
   *     (claim, results) overlap the other's request, so the account's rate ceiling, not the
   *     database, sets the pace; more would only queue at the ceiling and hold slots other accounts
   *     could use
   * @param batchSize actions per request; not above the client's batch size, so that one claim is
   *     one request and a refusal names positions in it
   */
  public record Settings(
      int slots,
      int perAccount,
      int batchSize,
      Duration lease,
      Duration idlePoll,
      int maxAttempts,
      Duration firstRetry,
      Duration maxRetry) {
    public static final Settings DEFAULTS =
        new Settings(
            8,
            3,
            AmoClientSettings.DEFAULT_BATCH_SIZE,
            // Longer than the client may spend on one request with all its retries, so a lease
            // never runs out under a batch that is still being sent.
            Duration.ofMinutes(15),
            Duration.ofSeconds(1),
            8,
            Duration.ofSeconds(15),
            Duration.ofHours(1));

    public Settings withMaxAttempts(int value) {
      return new Settings(
          slots, perAccount, batchSize, lease, idlePoll, value, firstRetry, maxRetry);
    }

    public Settings withSlots(int value, int perAccountValue) {
      return new Settings(
          value, perAccountValue, batchSize, lease, idlePoll, maxAttempts, firstRetry, maxRetry);
    }
  }

  private final OutboxRepository outbox;
  private final AmoClient client;
  private final AccountAccess access;
  private final Clock clock;
  private final Settings settings;
  private final String owner = "outbox-" + UUID.randomUUID().toString().substring(0, 8);

  /** Batches in flight per account; guarded by {@link #claiming}. */
  private final Map<Long, Integer> inFlight = new HashMap<>();

  private final Object claiming = new Object();
  private final Semaphore wakeups = new Semaphore(0);
  private volatile boolean running;
  private volatile Instant lastRelease = Instant.EPOCH;
  private final List<Thread> threads = new ArrayList<>();

  public ActionExecutor(
      OutboxRepository outbox,
      AmoClient client,
      AccountAccess access,
      Clock clock,
      Settings settings) {
    this.outbox = outbox;
    this.client = client;
    this.access = access;
    this.clock = clock;
    this.settings = settings;
  }

  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    for (int i = 1; i <= settings.slots(); i++) {
      Thread thread = new Thread(this::loop, "outbox-send-" + i);
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
    log.info("Action executor {} started with {} sending slots", owner, settings.slots());
  }

  /** Asks the executor to look for work now (an action was just queued). */
  public void wake() {
    if (wakeups.availablePermits() < settings.slots()) {
      wakeups.release();
    }
  }

  private void loop() {
    while (running) {
      try {
        if (runOnce() == 0) {
          wakeups.tryAcquire(settings.idlePoll().toMillis(), TimeUnit.MILLISECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        // The database may be briefly away; the loop must outlive it.
        log.error("Action executor pass failed; retrying after {}", settings.idlePoll(), e);
        try {
          wakeups.tryAcquire(settings.idlePoll().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /**
   * One pass in the calling thread: claims one account's due batch of one kind and sends it.
   *
   * @return how many actions were handled (0: nothing was due)
   */
  public int runOnce() {
    Instant now = clock.instant();
    releaseNowAndThen(now);
    List<OutboxRow> rows;
    synchronized (claiming) {
      Set<Long> full =
          inFlight.entrySet().stream()
              .filter(e -> e.getValue() >= settings.perAccount())
              .map(Map.Entry::getKey)
              .collect(Collectors.toSet());
      rows = outbox.claim(owner, now, settings.batchSize(), settings.lease(), full);
      if (rows.isEmpty()) {
        return 0;
      }
      inFlight.merge(rows.get(0).accountId(), 1, Integer::sum);
    }
    long accountId = rows.get(0).accountId();
    try {
      send(accountId, rows.get(0).kind(), rows);
    } finally {
      synchronized (claiming) {
        inFlight.computeIfPresent(accountId, (id, n) -> n > 1 ? n - 1 : null);
      }
    }
    return rows.size();
  }

  /** Sends everything due now in the calling thread; for tests and one-shot tools. */
  public int drain() {
    int handled = 0;
    int pass;
    while ((pass = runOnce()) > 0) {
      handled += pass;
    }
    return handled;
  }

  private void releaseNowAndThen(Instant now) {
    if (now.isAfter(lastRelease.plus(RELEASE_PERIOD))) {
      lastRelease = now;
      OutboxRepository.Released released = outbox.releaseExpiredClaims(now);
      if (released.requeued() > 0) {
        log.warn("{} actions whose executor's lease ran out are queued again", released.requeued());
      }
      if (released.parked() > 0) {
        log.warn(
            "{} creates whose executor's lease ran out while sending them are parked: amoCRM may"
                + " have made them",
            released.parked());
      }
    }
  }

  /** An action read back from its row. */
  private record Pending(OutboxRow row, Action action) {}

  private void send(long accountId, String kind, List<OutboxRow> rows) {
    Optional<Instant> paused = access.pausedUntil(accountId);
    if (paused.isPresent()) {
      outbox.defer(owner, accountId, rows.stream().map(OutboxRow::id).toList(), paused.get());
      return;
    }
    List<Pending> pending = new ArrayList<>();
    for (OutboxRow row : rows) {
      try {
        pending.add(new Pending(row, ActionCodec.read(kind, row.payload())));
      } catch (IllegalArgumentException e) {
        outbox.markFailed(owner, accountId, row.id(), describe(e), clock.instant());
      }
    }
    sendBatch(accountId, kind, pending);
  }

  /**
   * Sends the actions in one request. A refusal that names its actions fails those and sends the
   * rest again; one that does not is resolved by sending the actions one by one.
   */
  private void sendBatch(long accountId, String kind, List<Pending> batch) {
    List<Pending> remaining = batch;
    while (!remaining.isEmpty()) {
      if (OutboxRepository.CREATES.contains(kind)) {
        outbox.markSending(owner, accountId, remaining.stream().map(p -> p.row().id()).toList());
      }
      List<Long> ids;
      try {
        ids = call(accountId, kind, remaining);
      } catch (AmoValidationException e) {
        Map<Integer, List<ValidationError>> named = byPosition(e, remaining.size());
        if (named.isEmpty()) {
          refusedAsAWhole(accountId, kind, remaining, e);
          return;
        }
        List<Pending> rest = new ArrayList<>();
        for (int i = 0; i < remaining.size(); i++) {
          List<ValidationError> errors = named.get(i);
          if (errors == null) {
            rest.add(remaining.get(i));
          } else {
            String why =
                "amoCRM refused "
                    + e.request()
                    + ": "
                    + errors.stream()
                        .map(error -> error.describe(e.entityKind()))
                        .collect(Collectors.joining("; "));
            outbox.markFailed(owner, accountId, remaining.get(i).row().id(), why, clock.instant());
          }
        }
        remaining = rest;
        continue;
      } catch (AmoProblemException e) {
        refusedAsAWhole(accountId, kind, remaining, e);
        return;
      } catch (RuntimeException e) {
        fault(accountId, remaining, e);
        return;
      }
      // Outside the try: amoCRM has applied the batch, so a failure to record it must not be
      // taken for a failed send (the rows stay claimed until the lease runs out; then updates are
      // sent again, and creates, marked sending above, are parked).
      List<OutboxRepository.Sent> sent = new ArrayList<>(remaining.size());
      for (int i = 0; i < remaining.size(); i++) {
        sent.add(new OutboxRepository.Sent(remaining.get(i).row().id(), result(ids, i)));
      }
      outbox.markDone(owner, accountId, sent, clock.instant());
      return;
    }
  }

  private void refusedAsAWhole(
      long accountId, String kind, List<Pending> batch, AmoProblemException e) {
    if (batch.size() == 1) {
      outbox.markFailed(owner, accountId, batch.get(0).row().id(), describe(e), clock.instant());
      return;
    }
    log.info(
        "amoCRM refused a batch of {} {} of account {} without naming the culprits; sending them"
            + " one by one",
        batch.size(),
        kind,
        accountId);
    for (Pending one : batch) {
      sendBatch(accountId, kind, List.of(one));
    }
  }

  /** The refusal's errors by position in the batch; empty when any error names no position. */
  private static Map<Integer, List<ValidationError>> byPosition(
      AmoValidationException e, int size) {
    Map<Integer, List<ValidationError>> named = new LinkedHashMap<>();
    for (ValidationError error : e.errors()) {
      Integer index = error.index();
      if (index == null || index < 0 || index >= size) {
        return Map.of();
      }
      named.computeIfAbsent(index, i -> new ArrayList<>()).add(error);
    }
    return named;
  }

  /** 429, 5xx, timeouts, a pause, anything unforeseen: the rows come back later. */
  private void fault(long accountId, List<Pending> batch, RuntimeException e) {
    List<Long> ids = batch.stream().map(p -> p.row().id()).toList();
    Optional<Instant> pausedNow =
        e instanceof AmoBlockedException blocked
            ? Optional.of(blocked.until())
            : safePausedUntil(accountId);
    if (pausedNow.isPresent()) {
      outbox.defer(owner, accountId, ids, pausedNow.get());
      return;
    }
    if (e instanceof AmoAuthorizationException && outbox.needsReauth(accountId)) {
      // Nothing was applied, and the rows (first-contact tasks, reverts) still matter once an
      // admin installs the integration again: they wait for it without spending attempts.
      String why = "Waiting for the account to be re-authorized: " + describe(e);
      outbox.defer(owner, accountId, ids, clock.instant().plus(REAUTH_RECHECK), why);
      log.warn(
          "Actions {} of account {} wait for it to be re-authorized (checked every {})",
          ids,
          accountId,
          REAUTH_RECHECK);
      return;
    }
    // Uninstalled, or no tokens at all: nothing will send these.
    boolean hopeless = e instanceof AmoAuthorizationException;
    // A create whose answer was lost, or made no sense (amoCRM answered 2xx, so it did create),
    // is not repeated: a second task on the deal is worse than a line in the audit log.
    boolean creates =
        batch.get(0).action() instanceof Action.CreateTask
            || batch.get(0).action() instanceof Action.AddNote;
    boolean maybeApplied =
        e instanceof AmoUnavailableException unavailable
            ? unavailable.outcomeUnknown()
            : creates && e.getClass() == AmoException.class;
    Duration asked =
        e instanceof AmoUnavailableException unavailable
            ? unavailable.retryAfter().orElse(Duration.ZERO)
            : Duration.ZERO;
    String why =
        describe(e)
            + (maybeApplied ? " (not repeated: amoCRM may have made it; check the deal)" : "");
    Instant now = clock.instant();
    for (Pending p : batch) {
      int attempts = p.row().attempts();
      boolean park = hopeless || maybeApplied || attempts + 1 >= settings.maxAttempts();
      Duration wait = backoff(attempts);
      outbox.retryLater(
          owner,
          accountId,
          p.row(),
          why,
          now.plus(asked.compareTo(wait) > 0 ? asked : wait),
          park,
          now);
    }
    log.warn("Actions {} of account {} failed ({}): {}", ids, accountId, parkOrRetry(e), why);
  }

  private static String parkOrRetry(RuntimeException e) {
    return e instanceof AmoAuthorizationException
        ? "parked, the account cannot be called"
        : "will retry unless out of attempts";
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

  /** One request for the batch; returns the ids amoCRM answered with, in the batch's order. */
  private List<Long> call(long accountId, String kind, List<Pending> batch) {
    List<Action> actions = batch.stream().map(Pending::action).toList();
    return switch (kind) {
      case Action.UpdateLead.KIND ->
          client
              .leads()
              .update(
                  accountId, mapped(actions, Action.UpdateLead.class, Action.UpdateLead::update));
      case Action.CreateTask.KIND ->
          client
              .tasks()
              .create(accountId, mapped(actions, Action.CreateTask.class, Action.CreateTask::task));
      case Action.UpdateTask.KIND ->
          client
              .tasks()
              .update(
                  accountId, mapped(actions, Action.UpdateTask.class, Action.UpdateTask::update));
      case Action.AddNote.KIND ->
          client
              .notes()
              .addToLeads(accountId, mapped(actions, Action.AddNote.class, Action.AddNote::note));
      case Action.SetRequiredStatuses.KIND ->
          client.update(
              accountId,
              CUSTOM_FIELDS_PATH,
              "custom_fields",
              mapped(actions, Action.SetRequiredStatuses.class, ActionExecutor::requiredStatuses));
      default -> throw new IllegalArgumentException("Unknown action kind " + kind);
    };
  }

  /** {@code PATCH /api/v4/leads/custom_fields}: the field's id and its new stages. */
  record FieldRequiredStatuses(
      long id, List<CustomFieldDefinition.RequiredStatus> requiredStatuses) {}

  private static FieldRequiredStatuses requiredStatuses(Action.SetRequiredStatuses action) {
    return new FieldRequiredStatuses(
        action.fieldId(),
        action.statuses().stream()
            .map(s -> new CustomFieldDefinition.RequiredStatus(s.statusId(), s.pipelineId()))
            .toList());
  }

  private static <A extends Action, T> List<T> mapped(
      List<Action> actions, Class<A> type, java.util.function.Function<A, T> part) {
    return actions.stream().map(type::cast).map(part).toList();
  }

  private static String result(List<Long> ids, int index) {
    return index < ids.size() ? "{\"id\":" + ids.get(index) + "}" : null;
  }

  private static String describe(Exception e) {
    return e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  /** Stops taking work, lets passes in progress finish (up to 30 s), and returns. */
  @Override
  public synchronized void close() {
    if (!running) {
      return;
    }
    running = false;
    wakeups.release(settings.slots());
    try {
      for (Thread thread : threads) {
        thread.join(TimeUnit.SECONDS.toMillis(30));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    threads.clear();
    log.info("Action executor {} stopped", owner);
  }
}
