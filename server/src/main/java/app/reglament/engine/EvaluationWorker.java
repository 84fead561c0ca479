package app.reglament.engine;

import static app.reglament.db.generated.Tables.ACCOUNTS;
import static app.reglament.db.generated.Tables.RULE_DIRTY;
import static app.reglament.db.generated.Tables.RULE_RUNS;

import app.reglament.account.AccountState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every synced account's verdicts current: a full evaluation when an account has none yet,
 * when its local day changed, or when its rules changed; otherwise the deals the mirror marked
 * dirty and the subjects whose recheck time has come.
 */
public final class EvaluationWorker implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EvaluationWorker.class);

  /**
   * @param lease how long a worker may hold an account before another instance may take it over (a
   *     crashed instance's accounts are picked up after it); longer than a full evaluation
   */
  public record Settings(Duration interval, int batch, Duration lease) {
    public static final Settings DEFAULTS =
        new Settings(Duration.ofSeconds(2), 1000, Duration.ofMinutes(10));
  }

  private final DSLContext dsl;
  private final Clock clock;
  private final Evaluator evaluator;
  private final RulesSource rules;
  private final Settings settings;
  private final String owner = "evaluation-" + java.util.UUID.randomUUID();
  private ScheduledExecutorService executor;

  public EvaluationWorker(
      DSLContext dsl, Clock clock, Evaluator evaluator, RulesSource rules, Settings settings) {
    this.dsl = dsl;
    this.clock = clock;
    this.evaluator = evaluator;
    this.rules = rules;
    this.settings = settings;
  }

  /** One pass over the accounts; returns how many deals and subjects were evaluated. */
  public int runOnce() {
    int done = 0;
    for (long accountId : readyAccounts()) {
      if (!claim(accountId)) {
        continue; // another instance is evaluating it
      }
      try {
        done += runAccount(accountId);
      } catch (RuntimeException e) {
        // One account's failure must not starve the others; the next pass tries again.
        log.warn("Evaluating account {} failed: {}", accountId, e.toString(), e);
      } finally {
        release(accountId);
      }
    }
    return done;
  }

  /** Takes the account's evaluation lease when it is free, expired or already ours. */
  private boolean claim(long accountId) {
    Instant now = clock.instant();
    return dsl.update(ACCOUNTS)
            .set(ACCOUNTS.EVAL_OWNER, owner)
            .set(ACCOUNTS.EVAL_LEASE_UNTIL_AT, now.plus(settings.lease()))
            .where(ACCOUNTS.ACCOUNT_ID.eq(accountId))
            .and(
                ACCOUNTS
                    .EVAL_LEASE_UNTIL_AT
                    .isNull()
                    .or(ACCOUNTS.EVAL_LEASE_UNTIL_AT.lt(now))
                    .or(ACCOUNTS.EVAL_OWNER.eq(owner)))
            .execute()
        == 1;
  }

  /** Extends the lease while a long evaluation runs; false when another instance took it over. */
  private boolean renew(long accountId) {
    return dsl.update(ACCOUNTS)
            .set(ACCOUNTS.EVAL_LEASE_UNTIL_AT, clock.instant().plus(settings.lease()))
            .where(ACCOUNTS.ACCOUNT_ID.eq(accountId), ACCOUNTS.EVAL_OWNER.eq(owner))
            .execute()
        == 1;
  }

  private void release(long accountId) {
    dsl.update(ACCOUNTS)
        .setNull(ACCOUNTS.EVAL_LEASE_UNTIL_AT)
        .where(ACCOUNTS.ACCOUNT_ID.eq(accountId), ACCOUNTS.EVAL_OWNER.eq(owner))
        .execute();
  }

  /** Runs passes until one finds nothing to do (tests and the demo's catch-up). */
  public int drain() {
    int total = 0;
    for (int pass = 0; pass < 10_000; pass++) {
      int done = runOnce();
      if (done == 0) {
        return total;
      }
      total += done;
    }
    return total;
  }

  /** Installed, active accounts whose initial sync has finished. */
  private List<Long> readyAccounts() {
    return dsl.select(ACCOUNTS.ACCOUNT_ID)
        .from(ACCOUNTS)
        .where(
            ACCOUNTS.STATE.eq(AccountState.ACTIVE.code()),
            ACCOUNTS.LEADS_CURSOR_AT.isNotNull(),
            ACCOUNTS.TASKS_CURSOR_AT.isNotNull(),
            ACCOUNTS.EVENTS_CURSOR_AT.isNotNull())
        .orderBy(ACCOUNTS.ACCOUNT_ID)
        .fetch(ACCOUNTS.ACCOUNT_ID);
  }

  int runAccount(long accountId) {
    if (needsFull(accountId)) {
      return evaluator.evaluateAccount(accountId, () -> renew(accountId)).deals();
    }
    var dirty =
        dsl.select(RULE_DIRTY.LEAD_ID, RULE_DIRTY.VERSION)
            .from(RULE_DIRTY)
            .where(RULE_DIRTY.ACCOUNT_ID.eq(accountId))
            .orderBy(RULE_DIRTY.LEAD_ID)
            .limit(settings.batch())
            .fetch();
    int done = 0;
    if (dirty.isNotEmpty()) {
      var outcome = evaluator.evaluateAfterEvents(accountId, dirty.getValues(RULE_DIRTY.LEAD_ID));
      // A mark made again while we evaluated has a higher version and stays for the next pass, and
      // so does the mark of a deal the automations failed on.
      List<Query> seen =
          dirty.stream()
              .filter(r -> !outcome.unobserved().contains(r.value1()))
              .<Query>map(
                  r ->
                      dsl.deleteFrom(RULE_DIRTY)
                          .where(
                              RULE_DIRTY.ACCOUNT_ID.eq(accountId),
                              RULE_DIRTY.LEAD_ID.eq(r.value1()),
                              RULE_DIRTY.VERSION.eq(r.value2())))
              .toList();
      if (!seen.isEmpty()) {
        dsl.batch(seen).execute();
      }
      done += dirty.size();
    }
    done += evaluator.evaluateDue(accountId, settings.batch());
    return done;
  }

  private boolean needsFull(long accountId) {
    RulesSource.Versioned current = rules.current(accountId);
    LocalDate today = clock.instant().atZone(current.rules().timezone()).toLocalDate();
    var run =
        dsl.select(RULE_RUNS.FULL_DAY, RULE_RUNS.RULES_VERSION)
            .from(RULE_RUNS)
            .where(RULE_RUNS.ACCOUNT_ID.eq(accountId))
            .fetchOne();
    return run == null || run.value1() < today.toEpochDay() || run.value2() != current.version();
  }

  public synchronized void start() {
    if (executor != null) {
      return;
    }
    executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "reglament-evaluation");
              t.setDaemon(true);
              return t;
            });
    long ms = settings.interval().toMillis();
    executor.scheduleWithFixedDelay(this::safeRun, ms, ms, TimeUnit.MILLISECONDS);
  }

  private void safeRun() {
    try {
      Instant started = clock.instant();
      int done = runOnce();
      if (done > 0) {
        log.debug("Evaluated {} subjects since {}", done, started);
      }
    } catch (RuntimeException e) {
      log.warn("Evaluation pass failed: {}", e.toString(), e);
    }
  }

  @Override
  public synchronized void close() {
    if (executor != null) {
      executor.shutdownNow();
      try {
        executor.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      executor = null;
    }
  }
}
