package app.reglament.engine;

import static app.reglament.db.generated.Tables.RULE_DIRTY;
import static app.reglament.db.generated.Tables.RULE_RUNS;
import static app.reglament.db.generated.Tables.RULE_SUBJECTS;
import static app.reglament.db.generated.Tables.VIOLATIONS;

import app.reglament.db.OneOf;
import app.reglament.rules.DealIndicator;
import app.reglament.rules.Finding;
import app.reglament.rules.Findings;
import app.reglament.rules.RuleContext;
import app.reglament.rules.facts.AccountFacts;
import app.reglament.rules.facts.ClosedDeal;
import app.reglament.rules.facts.DealFacts;
import app.reglament.rules.facts.ManagerActivity;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the regulations over the mirror and keeps violations and score counters in step with it.
 *
 * <ul>
 *   <li>{@link #evaluateLeads}: the deals an event touched, in one transaction per batch. Their old
 *       share of the counters is taken out and the new one put in, so only the managers those deals
 *       concern change.
 *   <li>{@link #evaluateDue}: subjects whose verdict changes by time alone (a deadline passed).
 *   <li>{@link #evaluateAccount}: everything, once a day, after the initial sync and after the
 *       rules change; it recomputes the counters from scratch.
 * </ul>
 */
public final class Evaluator {
  private static final Logger log = LoggerFactory.getLogger(Evaluator.class);

  static final String DUMPING = "dumping";
  static final String LEAD_PREFIX = "lead:";
  static final String WORKTIME_PREFIX = "worktime:";

  /** Batches of a full evaluation written at once, each on its own connection. */
  static final int WRITERS = 2;

  /** Tries of one batch's transaction when the database picks it as a deadlock victim. */
  private static final int WRITE_ATTEMPTS = 3;

  private final DSLContext dsl;
  private final Clock clock;
  private final RulesSource rules;
  private final IndicatorSet indicators;
  private final FactsLoader loader;
  private final ActivityLoader activity;
  private final Cache<Long, Context> contexts;
  private volatile DealObserver observer = DealObserver.NONE;

  /** An account's rules and reference data, kept briefly so that one event costs few queries. */
  private record Context(RulesSource.Versioned rules, AccountFacts account, Instant historyFrom) {}

  public Evaluator(DSLContext dsl, Clock clock, RulesSource rules, IndicatorSet indicators) {
    this.dsl = dsl;
    this.clock = clock;
    this.rules = rules;
    this.indicators = indicators;
    this.loader = new FactsLoader(dsl);
    this.activity = new ActivityLoader(dsl);
    this.contexts =
        Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(30)).maximumSize(10_000).build();
  }

  /** Sets who is told about deals re-evaluated after events (the automations). */
  public void observe(DealObserver value) {
    this.observer = value;
  }

  /** Forgets the cached rules and reference data of an account (after its rules were saved). */
  public void forget(long accountId) {
    contexts.invalidate(accountId);
  }

  /** The account's context now; cached reference data is reused only under the same rules. */
  private RuleContext context(long accountId, boolean fresh) {
    return loaded(accountId, fresh).context();
  }

  private record Loaded(RuleContext context, int rulesVersion) {}

  private Loaded loaded(long accountId, boolean fresh) {
    RulesSource.Versioned current = rules.current(accountId);
    Context c = fresh ? null : contexts.getIfPresent(accountId);
    if (c == null || c.rules().version() != current.version()) {
      c = new Context(current, loader.account(accountId), activity.recordedHistoryFrom(accountId));
      contexts.put(accountId, c);
    }
    return new Loaded(
        new RuleContext(c.rules().rules(), c.account(), clock.instant(), c.historyFrom()),
        c.rules().version());
  }

  /** The version of the rules the account's last full evaluation used, or -1 when none ran. */
  int lastFullVersion(long accountId) {
    return dsl.select(RULE_RUNS.RULES_VERSION)
        .from(RULE_RUNS)
        .where(RULE_RUNS.ACCOUNT_ID.eq(accountId))
        .fetchOptional(RULE_RUNS.RULES_VERSION)
        .orElse(-1);
  }

  // ---------------------------------------------------------------- one deal at a time

  /** Evaluates these deals again; returns how many violations are open on them afterwards. */
  public int evaluateLeads(long accountId, Collection<Long> leadIds) {
    return evaluateAfterEvents(accountId, leadIds).open();
  }

  /**
   * What an evaluation after events did: the violations open on the deals afterwards, and the deals
   * whose automations failed (their verdicts are written; the event should be seen again).
   */
  public record AfterEvents(int open, Set<Long> unobserved) {}

  /** As {@link #evaluateLeads}, telling which deals the automations could not handle. */
  public AfterEvents evaluateAfterEvents(long accountId, Collection<Long> leadIds) {
    if (leadIds.isEmpty()) {
      return new AfterEvents(0, Set.of());
    }
    Set<Long> unobserved = new TreeSet<>();
    RuleContext context = context(accountId, false);
    int open = 0;
    List<Long> ids = new ArrayList<>(new TreeSet<>(leadIds));
    for (int from = 0; from < ids.size(); from += FactsLoader.BATCH) {
      List<Long> batch = ids.subList(from, Math.min(ids.size(), from + FactsLoader.BATCH));
      List<DealFacts> deals =
          loader.deals(accountId, batch, loader.previousFromDatabase(accountId));
      Map<String, Evaluated> subjects = new LinkedHashMap<>();
      for (Long id : batch) {
        subjects.put(LEAD_PREFIX + id, new Evaluated(id, List.of(), null));
      }
      for (DealFacts deal : deals) {
        Evaluated evaluated = evaluateSafely(accountId, deal, context);
        if (evaluated == null) {
          subjects.remove(LEAD_PREFIX + deal.leadId());
        } else {
          subjects.put(LEAD_PREFIX + deal.leadId(), evaluated);
        }
      }
      open += store(accountId, subjects, context);
      unobserved.addAll(tell(accountId, deals, subjects, context, deal -> true));
    }
    return new AfterEvents(open, unobserved);
  }

  /** Tells the observer about the chosen deals; returns those it failed on. */
  private Set<Long> tell(
      long accountId,
      List<DealFacts> deals,
      Map<String, Evaluated> subjects,
      RuleContext context,
      java.util.function.Predicate<DealFacts> chosen) {
    DealObserver to = observer;
    if (to == DealObserver.NONE) {
      return Set.of();
    }
    Set<Long> failed = new TreeSet<>();
    for (DealFacts deal : deals) {
      Evaluated evaluated = subjects.get(LEAD_PREFIX + deal.leadId());
      if (evaluated == null || !chosen.test(deal)) {
        continue;
      }
      try {
        to.evaluated(accountId, deal, evaluated.findings(), context);
      } catch (RuntimeException e) {
        failed.add(deal.leadId());
        log.warn(
            "Automations failed on deal {} of account {}; its event will be seen again",
            deal.leadId(),
            accountId,
            e);
      }
    }
    return failed;
  }

  /** The findings of one subject and when to look at it again. */
  record Evaluated(Long leadId, List<Finding> findings, Instant recheckAt) {}

  /**
   * One deal's evaluation, or null when an indicator failed on it: that deal keeps its verdicts as
   * they were (and is logged), and the rest of the account goes on being evaluated.
   */
  private Evaluated evaluateSafely(long accountId, DealFacts deal, RuleContext context) {
    try {
      return evaluate(deal, context);
    } catch (RuntimeException e) {
      log.warn(
          "Deal {} of account {} could not be evaluated; its verdicts stay as they were",
          deal.leadId(),
          accountId,
          e);
      return null;
    }
  }

  private Evaluated evaluate(DealFacts deal, RuleContext context) {
    Findings out = new Findings(context.now());
    for (DealIndicator indicator : indicators.deals()) {
      indicator.evaluate(deal, context, out);
    }
    return new Evaluated(deal.leadId(), out.list(), out.recheckAt());
  }

  /**
   * Writes the new verdicts of some subjects in one transaction: their rows are locked first, so
   * two workers evaluating the same deal take turns and neither share of the counters is lost.
   */
  private int store(long accountId, Map<String, Evaluated> subjects, RuleContext context) {
    LocalDate today = context.today();
    Instant now = context.now();
    return dsl.transactionResult(
        tx -> {
          DSLContext t = tx.dsl();
          Map<String, String> before = new HashMap<>();
          // The day of the last full run rides along: it matters only for subjects that have a row.
          long[] lastFullDay = {Long.MIN_VALUE};
          var fullDay =
              DSL.field(
                  DSL.select(RULE_RUNS.FULL_DAY)
                      .from(RULE_RUNS)
                      .where(RULE_RUNS.ACCOUNT_ID.eq(accountId)));
          t.select(RULE_SUBJECTS.SUBJECT, RULE_SUBJECTS.CONTRIBUTIONS, fullDay)
              .from(RULE_SUBJECTS)
              .where(
                  OneOf.primaryKeyIn(
                      t,
                      RULE_SUBJECTS.ACCOUNT_ID,
                      accountId,
                      RULE_SUBJECTS.SUBJECT,
                      subjects.keySet()))
              .orderBy(RULE_SUBJECTS.SUBJECT)
              .forUpdate()
              .forEach(
                  r -> {
                    before.put(r.value1(), r.value2());
                    if (r.value3() != null) {
                      lastFullDay[0] = r.value3();
                    }
                  });
          Map<Contribution.Key, int[]> delta = new TreeMap<>();
          Writes writes = new Writes(accountId, now);
          for (var e : subjects.entrySet()) {
            List<Contribution> after = Contribution.of(e.getValue().findings());
            List<Contribution> old = Contribution.decode(before.get(e.getKey()));
            Contribution.delta(old, after, today, lastFullDay[0])
                .forEach(
                    (k, d) -> {
                      int[] sum = delta.computeIfAbsent(k, x -> new int[2]);
                      sum[0] += d[0];
                      sum[1] += d[1];
                    });
            subjectRow(writes, e.getKey(), e.getValue(), after);
          }
          ScoreStore.add(t, accountId, delta);
          Map<String, List<ViolationStore.Open>> open =
              ViolationStore.open(t, accountId, subjects.keySet());
          int openAfter = 0;
          for (var e : subjects.entrySet()) {
            List<Finding> findings = e.getValue().findings();
            ViolationStore.plan(
                writes, e.getKey(), open.getOrDefault(e.getKey(), List.of()), findings);
            openAfter += (int) findings.stream().filter(Finding::violated).count();
          }
          writes.execute(t);
          return openAfter;
        });
  }

  private static void subjectRow(
      Writes writes, String subject, Evaluated evaluated, List<Contribution> contributions) {
    writes.subject(
        subject, evaluated.leadId(), Contribution.encode(contributions), evaluated.recheckAt());
  }

  // ---------------------------------------------------------------- time-driven rechecks

  /** Evaluates up to {@code limit} subjects of the account whose recheck time has come. */
  public int evaluateDue(long accountId, int limit) {
    Instant now = clock.instant();
    List<String> due =
        dsl.select(RULE_SUBJECTS.SUBJECT)
            .from(RULE_SUBJECTS)
            .where(RULE_SUBJECTS.ACCOUNT_ID.eq(accountId), RULE_SUBJECTS.RECHECK_AT.le(now))
            .orderBy(RULE_SUBJECTS.RECHECK_AT)
            .limit(limit)
            .fetch(RULE_SUBJECTS.SUBJECT);
    List<Long> leads = new ArrayList<>();
    List<Long> managers = new ArrayList<>();
    for (String subject : due) {
      if (subject.startsWith(LEAD_PREFIX)) {
        leads.add(Long.parseLong(subject.substring(LEAD_PREFIX.length())));
      } else if (subject.startsWith(WORKTIME_PREFIX)) {
        managers.add(Long.parseLong(subject.substring(WORKTIME_PREFIX.length())));
      }
    }
    evaluateLeads(accountId, leads);
    if (!managers.isEmpty()) {
      RuleContext context = context(accountId, false);
      Map<String, Evaluated> subjects = new LinkedHashMap<>();
      Instant historyFrom = activity.historyFrom(accountId, context.now());
      for (long userId : managers) {
        subjects.put(WORKTIME_PREFIX + userId, worktime(accountId, userId, historyFrom, context));
      }
      store(accountId, subjects, context);
    }
    return due.size();
  }

  private Evaluated worktime(long accountId, long userId, Instant historyFrom, RuleContext c) {
    Findings out = new Findings(c.now());
    if (c.isManaged(userId)) {
      ManagerActivity a = activity.of(accountId, userId, historyFrom, c.now());
      indicators.worktime().evaluate(a, c, out);
    }
    return new Evaluated(null, out.list(), out.recheckAt());
  }

  // ---------------------------------------------------------------- the whole account

  /**
   * What a full evaluation did. Reading, evaluating and writing overlap, so {@code loading} and
   * {@code writing} are the time the evaluating thread waited for them, not their whole time.
   */
  public record FullRun(
      int deals,
      int findings,
      int violations,
      Duration took,
      Duration loading,
      Duration evaluating,
      Duration writing) {}

  /**
   * Evaluates every deal and manager of the account and recomputes its counters. Deals are read and
   * written a batch at a time, so memory holds one batch plus the account's open violations.
   */
  public FullRun evaluateAccount(long accountId) {
    return evaluateAccount(accountId, () -> true);
  }

  /**
   * As {@link #evaluateAccount(long)}, asking {@code keepLease} after every batch whether this
   * worker still holds the account (and extending its hold); when it does not, the run stops before
   * it writes the counters, so a slower run can never overwrite a newer one.
   */
  public FullRun evaluateAccount(long accountId, java.util.function.BooleanSupplier keepLease) {
    long startNanos = System.nanoTime();
    Loaded loaded = loaded(accountId, true);
    RuleContext context = loaded.context();
    int version = loaded.rulesVersion();
    // The marks this run covers: each is removed at the end only if no newer mark replaced it.
    Map<Long, Long> marks =
        dsl.select(RULE_DIRTY.LEAD_ID, RULE_DIRTY.VERSION)
            .from(RULE_DIRTY)
            .where(RULE_DIRTY.ACCOUNT_ID.eq(accountId))
            .fetchMap(RULE_DIRTY.LEAD_ID, RULE_DIRTY.VERSION);
    LocalDate today = context.today();
    Instant now = context.now();
    FactsLoader.PreviousResults previous = loader.previousForAccount(accountId);
    Set<Long> unobserved = java.util.concurrent.ConcurrentHashMap.newKeySet();
    Map<Contribution.Key, int[]> totals = new HashMap<>();
    List<ClosedDeal> closed = new ArrayList<>();
    int deals = 0;
    int findings = 0;
    int violations = 0;
    long loading = System.nanoTime() - startNanos;
    long evaluating = 0;
    long waitedForWrites = 0;
    // Batches are in flight at once: the next one is read while this one is evaluated and the ones
    // before it are written, WRITERS at a time on connections of their own. Reading and writing
    // wait mostly on the database, evaluating is this thread's CPU, so they overlap. A writer
    // reads its batch's open violations and rows before it writes, so two of them keep the
    // database busy on two threads. Batches are disjoint sets of deals: their writes do not touch
    // the same rows. Memory holds at most WRITERS + 2 batches.
    ExecutorService reader =
        Executors.newSingleThreadExecutor(named("reglament-evaluation-reader"));
    ExecutorService writer =
        Executors.newFixedThreadPool(WRITERS, named("reglament-evaluation-writer"));
    java.util.ArrayDeque<Future<int[]>> writing = new java.util.ArrayDeque<>();
    try {
      Future<List<DealFacts>> next = reader.submit(() -> readBatch(accountId, 0, previous));
      while (true) {
        long t0 = System.nanoTime();
        List<DealFacts> batch = await(next);
        if (batch.isEmpty()) {
          break;
        }
        long last = batch.get(batch.size() - 1).leadId();
        next = reader.submit(() -> readBatch(accountId, last, previous));
        long t1 = System.nanoTime();
        Map<String, Evaluated> subjects = new LinkedHashMap<>();
        for (DealFacts deal : batch) {
          Evaluated evaluated = evaluateSafely(accountId, deal, context);
          if (evaluated == null) {
            continue; // its open violations stay open
          }
          subjects.put(LEAD_PREFIX + deal.leadId(), evaluated);
          indicators.closing().of(deal, context).ifPresent(closed::add);
          deals++;
        }
        long t2 = System.nanoTime();
        if (writing.size() == WRITERS) {
          int[] counts = await(writing.removeFirst());
          findings += counts[0];
          violations += counts[1];
          requireLease(accountId, keepLease);
        }
        writing.addLast(
            writer.submit(
                () -> {
                  int[] counts = write(accountId, subjects, totals, now, today);
                  // Deals an event touched since the last pass are told to the automations once
                  // their verdicts are committed, as a pass after events would have.
                  unobserved.addAll(
                      tell(
                          accountId, batch, subjects, context, d -> marks.containsKey(d.leadId())));
                  return counts;
                }));
        loading += t1 - t0;
        evaluating += t2 - t1;
        waitedForWrites += System.nanoTime() - t2;
      }
      while (!writing.isEmpty()) {
        long t0 = System.nanoTime();
        int[] counts = await(writing.removeFirst());
        findings += counts[0];
        violations += counts[1];
        waitedForWrites += System.nanoTime() - t0;
        requireLease(accountId, keepLease);
      }
    } finally {
      reader.shutdownNow();
      // A run that gives up (its lease lost, a batch failed) lets the writes already under way
      // finish before it returns, so that nothing of it is still writing afterwards.
      for (Future<int[]> pending : writing) {
        try {
          pending.get();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        } catch (ExecutionException | RuntimeException e) {
          // reported by the batch that failed first
        }
      }
      writer.shutdownNow();
    }

    Map<String, Evaluated> managers = new LinkedHashMap<>();
    Instant historyFrom = activity.historyFrom(accountId, now);
    for (long userId : new TreeSet<>(context.managers())) {
      managers.put(WORKTIME_PREFIX + userId, worktime(accountId, userId, historyFrom, context));
    }
    Findings dumping = new Findings(now);
    indicators.dumping().evaluate(closed, context, dumping);
    managers.put(DUMPING, new Evaluated(null, dumping.list(), dumping.recheckAt()));
    int[] counts = write(accountId, managers, totals, now, today);
    findings += counts[0];
    violations += counts[1];

    // Deals never leave the mirror (a deleted one is marked so), so every deal's scope was just
    // written; what is still open outside them belongs to a manager who is no longer managed.
    Writes closes = new Writes(accountId, now);
    dsl.select(VIOLATIONS.ID)
        .from(VIOLATIONS)
        .where(
            VIOLATIONS.ACCOUNT_ID.eq(accountId),
            VIOLATIONS.CLOSED_AT.isNull(),
            VIOLATIONS.SCOPE.notLike(LEAD_PREFIX + "%"),
            VIOLATIONS.SCOPE.notIn(managers.keySet()))
        .fetch(VIOLATIONS.ID)
        .forEach(closes::close);
    dsl.transaction(tx -> closes.execute(tx.dsl()));
    int finalDeals = deals;
    Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
    requireLease(accountId, keepLease);
    dsl.transaction(
        tx -> {
          DSLContext t = tx.dsl();
          ScoreStore.replace(t, accountId, totals, today);
          t.insertInto(RULE_RUNS)
              .set(RULE_RUNS.ACCOUNT_ID, accountId)
              .set(RULE_RUNS.FULL_AT, now)
              .set(RULE_RUNS.FULL_DAY, (int) today.toEpochDay())
              .set(RULE_RUNS.RULES_VERSION, version)
              .set(RULE_RUNS.DEALS, finalDeals)
              .set(RULE_RUNS.DURATION_MS, took.toMillis())
              .onDuplicateKeyUpdate()
              .set(RULE_RUNS.FULL_AT, now)
              .set(RULE_RUNS.FULL_DAY, (int) today.toEpochDay())
              .set(RULE_RUNS.RULES_VERSION, version)
              .set(RULE_RUNS.DEALS, finalDeals)
              .set(RULE_RUNS.DURATION_MS, took.toMillis())
              .execute();
          List<Query> covered = new ArrayList<>();
          marks.forEach(
              (lead, markVersion) -> {
                if (unobserved.contains(lead)) {
                  return; // the automations failed on it: the next pass sees the event again
                }
                covered.add(
                    t.deleteFrom(RULE_DIRTY)
                        .where(
                            RULE_DIRTY.ACCOUNT_ID.eq(accountId),
                            RULE_DIRTY.LEAD_ID.eq(lead),
                            RULE_DIRTY.VERSION.eq(markVersion)));
              });
          for (int i = 0; i < covered.size(); i += 2000) {
            t.batch(covered.subList(i, Math.min(covered.size(), i + 2000))).execute();
          }
        });
    log.info(
        "Full evaluation of account {}: {} deals, {} findings, {} open violations in {} ms"
            + " (waited {} ms for reads, evaluated {} ms, waited {} ms for writes)",
        accountId,
        deals,
        findings,
        violations,
        took.toMillis(),
        loading / 1_000_000,
        evaluating / 1_000_000,
        waitedForWrites / 1_000_000);
    return new FullRun(
        deals,
        findings,
        violations,
        took,
        Duration.ofNanos(loading),
        Duration.ofNanos(evaluating),
        Duration.ofNanos(waitedForWrites));
  }

  private static ThreadFactory named(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  /** The deals after {@code afterId}, a batch of them; empty at the end of the account. */
  private List<DealFacts> readBatch(
      long accountId, long afterId, FactsLoader.PreviousResults previous) {
    return loader.dealsAfter(accountId, afterId, FactsLoader.BATCH, previous);
  }

  private static <T> T await(Future<T> step) {
    try {
      return step.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted during a full evaluation", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("A step of a full evaluation failed", e.getCause());
    }
  }

  /** Thrown when another instance took the account over during a full evaluation. */
  public static final class LeaseLostException extends RuntimeException {
    LeaseLostException(long accountId) {
      super(
          "Another instance took over account "
              + accountId
              + " during its full evaluation; this run stops without writing its counters");
    }
  }

  private static void requireLease(long accountId, java.util.function.BooleanSupplier keep) {
    if (!keep.getAsBoolean()) {
      throw new LeaseLostException(accountId);
    }
  }

  /** A subject's row as stored. */
  private record Stored(String contributions, Instant recheckAt) {}

  private Map<String, Stored> stored(long accountId, Collection<String> subjects) {
    Map<String, Stored> out = new HashMap<>();
    dsl.select(RULE_SUBJECTS.SUBJECT, RULE_SUBJECTS.CONTRIBUTIONS, RULE_SUBJECTS.RECHECK_AT)
        .from(RULE_SUBJECTS)
        .where(
            OneOf.primaryKeyIn(
                dsl, RULE_SUBJECTS.ACCOUNT_ID, accountId, RULE_SUBJECTS.SUBJECT, subjects))
        .forEach(r -> out.put(r.value1(), new Stored(r.value2(), r.value3())));
    return out;
  }

  /** Writes one batch of a full evaluation; returns {findings, violations}. */
  private int[] write(
      long accountId,
      Map<String, Evaluated> subjects,
      Map<Contribution.Key, int[]> totals,
      Instant now,
      LocalDate today) {
    // The batch's open violations only: memory stays one batch, whatever the account's size.
    Map<String, List<ViolationStore.Open>> open =
        ViolationStore.open(dsl, accountId, subjects.keySet());
    Map<String, Stored> stored = stored(accountId, subjects.keySet());
    Writes writes = new Writes(accountId, now);
    int findings = 0;
    int violations = 0;
    for (var e : subjects.entrySet()) {
      List<Finding> list = e.getValue().findings();
      List<Contribution> contributions = Contribution.of(list);
      synchronized (totals) { // the writers of a full evaluation add up into one map
        for (Contribution c : contributions) {
          int[] sum = totals.computeIfAbsent(c.key(), k -> new int[2]);
          sum[0] += c.applicable();
          sum[1] += c.violated();
        }
      }
      // A row that already says this (most of them, on the next day's run) is not written again.
      Stored before = stored.get(e.getKey());
      if (before == null
          || !java.util.Objects.equals(before.recheckAt(), e.getValue().recheckAt())
          || !Contribution.sameToday(
              Contribution.decode(before.contributions()), contributions, today)) {
        subjectRow(writes, e.getKey(), e.getValue(), contributions);
      }
      List<ViolationStore.Open> previouslyOpen = open.remove(e.getKey());
      ViolationStore.plan(
          writes, e.getKey(), previouslyOpen == null ? List.of() : previouslyOpen, list);
      findings += list.size();
      violations += (int) list.stream().filter(Finding::violated).count();
    }
    // One transaction per batch: in autocommit MySQL and MariaDB would flush the log per row. Two
    // writers touch disjoint rows, yet InnoDB's gap locks can still pick one as a deadlock victim:
    // its transaction rolls back, and it writes its batch again.
    for (int attempt = 1; ; attempt++) {
      try {
        dsl.transaction(tx -> writes.execute(tx.dsl()));
        return new int[] {findings, violations};
      } catch (org.jooq.exception.DataAccessException e) {
        if (attempt >= WRITE_ATTEMPTS || !"40001".equals(e.sqlState())) {
          throw e;
        }
        log.info(
            "A batch of account {}'s full evaluation was a deadlock victim; writing it again",
            accountId);
      }
    }
  }
}
