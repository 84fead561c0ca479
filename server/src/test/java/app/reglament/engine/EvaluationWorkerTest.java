package app.reglament.engine;

import static app.reglament.db.generated.Tables.RULE_DIRTY;
import static app.reglament.db.generated.Tables.RULE_RUNS;
import static app.reglament.db.generated.Tables.VIOLATIONS;
import static org.assertj.core.api.Assertions.assertThat;

import app.reglament.account.AccountRepository;
import app.reglament.mirror.DealMirror;
import app.reglament.mirror.Rows;
import app.reglament.rules.config.RulesConfig;
import app.reglament.sync.SyncStateRepository;
import app.reglament.testing.DatabaseTest;
import app.reglament.testing.MutableClock;
import app.reglament.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;

/**
 * The worker keeps verdicts current by itself: a full evaluation for a newly synced account, the
 * deals the mirror marked as changed, a full evaluation again on a new day or new rules.
 */
class EvaluationWorkerTest {
  private static final long ACCOUNT = 32_000_001L;
  private static final long MANAGER = 100;
  private static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");

  private static Rows.Lead lead(long id) {
    return new Rows.Lead(
        id,
        "Окна / Казань",
        null,
        MANAGER,
        null,
        7L,
        1001L,
        null,
        MANAGER,
        MANAGER,
        T0.minus(Duration.ofDays(3)),
        T0.minus(Duration.ofDays(3)),
        null,
        null,
        false,
        "[]",
        null,
        List.of());
  }

  private static Rows.Task openTask(long id, long leadId, Instant at) {
    return new Rows.Task(
        id,
        "leads",
        leadId,
        MANAGER,
        1L,
        "Позвонить",
        at.plus(Duration.ofHours(1)),
        false,
        null,
        MANAGER,
        at,
        at);
  }

  private static List<String> open(DSLContext dsl) {
    return dsl.select(VIOLATIONS.SUBJECT_KEY)
        .from(VIOLATIONS)
        .where(VIOLATIONS.ACCOUNT_ID.eq(ACCOUNT), VIOLATIONS.CLOSED_AT.isNull())
        .orderBy(VIOLATIONS.SUBJECT_KEY)
        .fetch(VIOLATIONS.SUBJECT_KEY);
  }

  private static int fullRuns(DSLContext dsl) {
    return dsl.select(RULE_RUNS.FULL_AT)
        .from(RULE_RUNS)
        .where(RULE_RUNS.ACCOUNT_ID.eq(ACCOUNT))
        .fetchOptional(RULE_RUNS.FULL_AT)
        .map(at -> 1)
        .orElse(0);
  }

  @DatabaseTest
  void marks_from_the_mirror_are_evaluated_and_new_days_and_rules_start_a_full_run(
      TestDatabase db) {
    DSLContext dsl = db.dsl();
    MutableClock clock = new MutableClock(T0);
    AtomicInteger version = new AtomicInteger(0);
    RulesSource rules = account -> new RulesSource.Versioned(RulesConfig.defaults(), version.get());
    IndicatorSet toys =
        new IndicatorSet(
            List.of(EvaluatorTest.NO_TASK),
            (a, c, out) -> {},
            (closed, c, out) -> {},
            (deal, c) -> Optional.empty());
    Evaluator evaluator = new Evaluator(dsl, clock, rules, toys);
    EvaluationWorker worker =
        new EvaluationWorker(dsl, clock, evaluator, rules, EvaluationWorker.Settings.DEFAULTS);
    DealMirror mirror = new DealMirror(dsl, clock);
    new AccountRepository(dsl).install(ACCOUNT, "reglament-test.amocrm.ru", T0);

    // Not synced yet: nothing to evaluate, even with deals in the mirror.
    mirror.upsertLeads(ACCOUNT, List.of(lead(10), lead(11)), T0);
    worker.runOnce();
    assertThat(fullRuns(dsl)).isZero();
    assertThat(dsl.fetchCount(RULE_DIRTY, RULE_DIRTY.ACCOUNT_ID.eq(ACCOUNT))).isEqualTo(2);

    new SyncStateRepository(dsl).saveCursors(ACCOUNT, T0);
    worker.drain();
    assertThat(fullRuns(dsl)).isEqualTo(1);
    assertThat(open(dsl)).containsExactly("lead:10", "lead:11");
    assertThat(dsl.fetchCount(RULE_DIRTY, RULE_DIRTY.ACCOUNT_ID.eq(ACCOUNT))).isZero();

    // A task arrives through the mirror: the mark alone gets deal 10 evaluated again.
    clock.advance(Duration.ofMinutes(1));
    mirror.upsertTasks(ACCOUNT, List.of(openTask(500, 10, clock.instant())), clock.instant());
    assertThat(dsl.fetchCount(RULE_DIRTY, RULE_DIRTY.ACCOUNT_ID.eq(ACCOUNT))).isEqualTo(1);
    Instant fullAt = fullAt(dsl);
    assertThat(worker.runAccount(ACCOUNT)).isEqualTo(1);
    assertThat(open(dsl)).containsExactly("lead:11");
    assertThat(dsl.fetchCount(RULE_DIRTY, RULE_DIRTY.ACCOUNT_ID.eq(ACCOUNT))).isZero();
    assertThat(fullAt(dsl)).isEqualTo(fullAt);

    // New rules: a full evaluation under them.
    clock.advance(Duration.ofMinutes(1));
    version.set(1);
    worker.runOnce();
    assertThat(
            dsl.select(RULE_RUNS.RULES_VERSION)
                .from(RULE_RUNS)
                .where(RULE_RUNS.ACCOUNT_ID.eq(ACCOUNT))
                .fetchSingle()
                .value1())
        .isEqualTo(1);
    assertThat(fullAt(dsl)).isEqualTo(clock.instant());

    // A new day in Moscow: another full evaluation, nothing else needed.
    clock.advance(Duration.ofDays(1));
    worker.runOnce();
    assertThat(fullAt(dsl)).isEqualTo(clock.instant());
    assertThat(worker.runAccount(ACCOUNT)).isZero();
  }

  @DatabaseTest
  void the_automations_see_each_touched_deal_once_and_a_deal_they_fail_on_again(TestDatabase db) {
    DSLContext dsl = db.dsl();
    MutableClock clock = new MutableClock(T0);
    RulesSource rules = account -> new RulesSource.Versioned(RulesConfig.defaults(), 0);
    IndicatorSet toys =
        new IndicatorSet(
            List.of(EvaluatorTest.NO_TASK),
            (a, c, out) -> {},
            (closed, c, out) -> {},
            (deal, c) -> Optional.empty());
    Evaluator evaluator = new Evaluator(dsl, clock, rules, toys);
    List<Long> seen = new java.util.ArrayList<>();
    java.util.Set<Long> failing = new java.util.HashSet<>(List.of(11L));
    evaluator.observe(
        (accountId, deal, findings, context) -> {
          seen.add(deal.leadId());
          if (failing.contains(deal.leadId())) {
            throw new IllegalStateException("the outbox is unreachable");
          }
        });
    EvaluationWorker worker =
        new EvaluationWorker(dsl, clock, evaluator, rules, EvaluationWorker.Settings.DEFAULTS);
    DealMirror mirror = new DealMirror(dsl, clock);
    new AccountRepository(dsl).install(ACCOUNT, "reglament-test.amocrm.ru", T0);
    new SyncStateRepository(dsl).saveCursors(ACCOUNT, T0);

    // The first pass of the day is a full run: the deals the events touched are still told.
    mirror.upsertLeads(ACCOUNT, List.of(lead(10), lead(11)), T0);
    worker.runOnce();
    assertThat(fullRuns(dsl)).isEqualTo(1);
    assertThat(seen).containsExactly(10L, 11L);
    assertThat(dsl.fetch(RULE_DIRTY).getValues(RULE_DIRTY.LEAD_ID)).containsExactly(11L);

    // Deal 11's automations failed: the next pass tells them again, and once they work, no more.
    failing.clear();
    worker.runOnce();
    worker.runOnce();
    assertThat(seen).containsExactly(10L, 11L, 11L);
    assertThat(dsl.fetchCount(RULE_DIRTY, RULE_DIRTY.ACCOUNT_ID.eq(ACCOUNT))).isZero();

    // A change to deal 10 is told after a pass; a failure keeps its mark for the next one.
    failing.add(10L);
    mirror.upsertTasks(ACCOUNT, List.of(openTask(500, 10, clock.instant())), clock.instant());
    worker.runOnce();
    assertThat(seen).containsExactly(10L, 11L, 11L, 10L);
    assertThat(dsl.fetch(RULE_DIRTY).getValues(RULE_DIRTY.LEAD_ID)).containsExactly(10L);
  }

  private static Instant fullAt(DSLContext dsl) {
    return dsl.select(RULE_RUNS.FULL_AT)
        .from(RULE_RUNS)
        .where(RULE_RUNS.ACCOUNT_ID.eq(ACCOUNT))
        .fetchSingle()
        .value1();
  }

  @DatabaseTest
  void an_account_another_instance_is_evaluating_is_left_to_it_until_its_lease_runs_out(
      TestDatabase db) {
    DSLContext dsl = db.dsl();
    MutableClock clock = new MutableClock(T0);
    RulesSource rules = account -> new RulesSource.Versioned(RulesConfig.defaults(), 0);
    IndicatorSet toys =
        new IndicatorSet(
            List.of(EvaluatorTest.NO_TASK),
            (a, c, out) -> {},
            (closed, c, out) -> {},
            (deal, c) -> Optional.empty());
    EvaluationWorker worker =
        new EvaluationWorker(
            dsl,
            clock,
            new Evaluator(dsl, clock, rules, toys),
            rules,
            EvaluationWorker.Settings.DEFAULTS);
    new AccountRepository(dsl).install(ACCOUNT, "reglament-test.amocrm.ru", T0);
    new SyncStateRepository(dsl).saveCursors(ACCOUNT, T0);
    new DealMirror(dsl, clock).upsertLeads(ACCOUNT, List.of(lead(10)), T0);
    dsl.update(app.reglament.db.generated.Tables.ACCOUNTS)
        .set(app.reglament.db.generated.Tables.ACCOUNTS.EVAL_OWNER, "evaluation-elsewhere")
        .set(
            app.reglament.db.generated.Tables.ACCOUNTS.EVAL_LEASE_UNTIL_AT,
            T0.plus(Duration.ofMinutes(10)))
        .where(app.reglament.db.generated.Tables.ACCOUNTS.ACCOUNT_ID.eq(ACCOUNT))
        .execute();

    worker.runOnce();
    assertThat(fullRuns(dsl)).isZero();

    clock.advance(Duration.ofMinutes(11));
    worker.runOnce();
    assertThat(fullRuns(dsl)).isEqualTo(1);
    assertThat(open(dsl)).containsExactly("lead:10");
  }

  @DatabaseTest
  void a_change_marked_while_its_deal_is_evaluated_stays_marked_for_the_next_pass(TestDatabase db) {
    DSLContext dsl = db.dsl();
    MutableClock clock = new MutableClock(T0);
    DealMirror mirror = new DealMirror(dsl, clock);
    RulesSource rules = account -> new RulesSource.Versioned(RulesConfig.defaults(), 0);
    AtomicInteger evaluations = new AtomicInteger();
    // The second evaluation of deal 10 happens while "another worker" writes a task to it: the
    // indicator stands in for that concurrent write (same clock, same millisecond).
    app.reglament.rules.DealIndicator racing =
        new app.reglament.rules.DealIndicator() {
          @Override
          public app.reglament.rules.Indicator indicator() {
            return app.reglament.rules.Indicator.NO_TASK;
          }

          @Override
          public void evaluate(
              app.reglament.rules.facts.DealFacts deal,
              app.reglament.rules.RuleContext c,
              app.reglament.rules.Findings out) {
            if (evaluations.incrementAndGet() == 2) {
              mirror.upsertTasks(ACCOUNT, List.of(openTask(900, 10, T0)), T0);
            }
            EvaluatorTest.NO_TASK.evaluate(deal, c, out);
          }
        };
    IndicatorSet set =
        new IndicatorSet(
            List.of(racing),
            (a, c, out) -> {},
            (closed, c, out) -> {},
            (deal, c) -> Optional.empty());
    EvaluationWorker worker =
        new EvaluationWorker(
            dsl,
            clock,
            new Evaluator(dsl, clock, rules, set),
            rules,
            EvaluationWorker.Settings.DEFAULTS);
    new AccountRepository(dsl).install(ACCOUNT, "reglament-test.amocrm.ru", T0);
    new SyncStateRepository(dsl).saveCursors(ACCOUNT, T0);
    mirror.upsertLeads(ACCOUNT, List.of(lead(10)), T0);
    worker.runOnce(); // the full run: evaluation 1
    mirror.upsertLeads(ACCOUNT, List.of(lead(10)), T0);

    worker.runOnce(); // evaluation 2 sees no task; the task lands meanwhile
    assertThat(open(dsl)).containsExactly("lead:10");
    assertThat(dsl.fetchCount(RULE_DIRTY, RULE_DIRTY.ACCOUNT_ID.eq(ACCOUNT))).isEqualTo(1);

    worker.runOnce();
    assertThat(evaluations.get()).isEqualTo(3);
    assertThat(open(dsl)).isEmpty();
    assertThat(dsl.fetchCount(RULE_DIRTY, RULE_DIRTY.ACCOUNT_ID.eq(ACCOUNT))).isZero();
  }

  @DatabaseTest
  void a_deal_an_indicator_fails_on_keeps_its_verdicts_and_the_rest_is_evaluated(TestDatabase db) {
    DSLContext dsl = db.dsl();
    MutableClock clock = new MutableClock(T0);
    RulesSource rules = account -> new RulesSource.Versioned(RulesConfig.defaults(), 0);
    java.util.concurrent.atomic.AtomicBoolean broken =
        new java.util.concurrent.atomic.AtomicBoolean();
    app.reglament.rules.DealIndicator fragile =
        new app.reglament.rules.DealIndicator() {
          @Override
          public app.reglament.rules.Indicator indicator() {
            return app.reglament.rules.Indicator.NO_TASK;
          }

          @Override
          public void evaluate(
              app.reglament.rules.facts.DealFacts deal,
              app.reglament.rules.RuleContext c,
              app.reglament.rules.Findings out) {
            if (broken.get() && deal.leadId() == 11) {
              throw new IllegalStateException("an indicator's bug on deal 11");
            }
            EvaluatorTest.NO_TASK.evaluate(deal, c, out);
          }
        };
    Evaluator evaluator =
        new Evaluator(
            dsl,
            clock,
            rules,
            new IndicatorSet(
                List.of(fragile),
                (a, c, out) -> {},
                (closed, c, out) -> {},
                (d, c) -> Optional.empty()));
    DealMirror mirror = new DealMirror(dsl, clock);
    mirror.upsertLeads(ACCOUNT, List.of(lead(10), lead(11)), T0);
    evaluator.evaluateAccount(ACCOUNT);
    assertThat(open(dsl)).containsExactly("lead:10", "lead:11");

    broken.set(true);
    mirror.upsertTasks(ACCOUNT, List.of(openTask(900, 10, T0), openTask(901, 11, T0)), T0);
    evaluator.evaluateLeads(ACCOUNT, List.of(10L, 11L));
    assertThat(open(dsl)).containsExactly("lead:11");
    evaluator.evaluateAccount(ACCOUNT);
    assertThat(open(dsl)).containsExactly("lead:11");

    broken.set(false);
    evaluator.evaluateLeads(ACCOUNT, List.of(11L));
    assertThat(open(dsl)).isEmpty();
  }

  @DatabaseTest
  void a_full_run_that_lost_its_lease_writes_no_counters(TestDatabase db) {
    DSLContext dsl = db.dsl();
    MutableClock clock = new MutableClock(T0);
    RulesSource rules = account -> new RulesSource.Versioned(RulesConfig.defaults(), 0);
    Evaluator evaluator =
        new Evaluator(
            dsl,
            clock,
            rules,
            new IndicatorSet(
                List.of(EvaluatorTest.NO_TASK),
                (a, c, out) -> {},
                (closed, c, out) -> {},
                (d, c) -> Optional.empty()));
    new DealMirror(dsl, clock).upsertLeads(ACCOUNT, List.of(lead(10)), T0);

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> evaluator.evaluateAccount(ACCOUNT, () -> false))
        .isInstanceOf(Evaluator.LeaseLostException.class);
    assertThat(fullRuns(dsl)).isZero();
    assertThat(
            dsl.fetchCount(
                app.reglament.db.generated.Tables.SCORE_DAYS,
                app.reglament.db.generated.Tables.SCORE_DAYS.ACCOUNT_ID.eq(ACCOUNT)))
        .isZero();
  }
}
