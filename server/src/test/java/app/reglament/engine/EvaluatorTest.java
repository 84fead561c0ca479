package app.reglament.engine;

import static app.reglament.db.generated.Tables.RULE_SUBJECTS;
import static app.reglament.db.generated.Tables.SCORE_DAYS;
import static app.reglament.db.generated.Tables.VIOLATIONS;
import static org.assertj.core.api.Assertions.assertThat;

import app.reglament.mirror.DealMirror;
import app.reglament.mirror.Rows;
import app.reglament.rules.DealIndicator;
import app.reglament.rules.Explanation;
import app.reglament.rules.Finding;
import app.reglament.rules.Findings;
import app.reglament.rules.Indicator;
import app.reglament.rules.RuleContext;
import app.reglament.rules.Severity;
import app.reglament.rules.config.RulesConfig;
import app.reglament.rules.facts.DealFacts;
import app.reglament.rules.facts.TaskFacts;
import app.reglament.testing.DatabaseTest;
import app.reglament.testing.MutableClock;
import app.reglament.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jooq.DSLContext;

/**
 * The engine's bookkeeping with two toy indicators (a deal without an open task; a completed task
 * whose result is shorter than three characters): violations open and close as the mirror changes,
 * counters follow, a full evaluation agrees with the incremental one, and accounts stay apart.
 */
class EvaluatorTest {
  private static final long ACCOUNT = 31_000_001L;
  private static final long OTHER = 31_000_002L;
  private static final long MANAGER = 100;
  // 12:00 Moscow on a Monday.
  private static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");
  private static final LocalDate DAY0 = LocalDate.parse("2026-11-30");

  /** Every active deal should have an open task. */
  static final DealIndicator NO_TASK =
      new DealIndicator() {
        @Override
        public Indicator indicator() {
          return Indicator.NO_TASK;
        }

        @Override
        public void evaluate(DealFacts deal, RuleContext c, Findings out) {
          if (!deal.active()) {
            return;
          }
          String key = "lead:" + deal.leadId();
          if (deal.tasks().stream().anyMatch(t -> !t.completed())) {
            out.add(
                Finding.compliant(
                    Indicator.NO_TASK,
                    key,
                    deal.leadId(),
                    null,
                    deal.responsibleUserId(),
                    c.today()));
          } else {
            out.add(
                Finding.violated(
                    Indicator.NO_TASK,
                    key,
                    deal.leadId(),
                    null,
                    deal.responsibleUserId(),
                    c.today(),
                    Severity.WARNING,
                    deal.createdAt(),
                    "no_open_task",
                    new Explanation("Поставьте задачу", "Set a task"),
                    Map.of()));
          }
        }
      };

  /** A completed task needs a result of three characters or more. */
  static final DealIndicator SHORT_RESULT =
      new DealIndicator() {
        @Override
        public Indicator indicator() {
          return Indicator.TASK_RESULT;
        }

        @Override
        public void evaluate(DealFacts deal, RuleContext c, Findings out) {
          for (TaskFacts t : deal.tasks()) {
            if (!t.completed()) {
              continue;
            }
            String key = "task:" + t.taskId();
            LocalDate day = c.day(t.completedAt());
            if (t.result() != null && t.result().length() >= 3) {
              out.add(
                  Finding.compliant(
                      Indicator.TASK_RESULT,
                      key,
                      deal.leadId(),
                      t.taskId(),
                      t.responsibleUserId(),
                      day));
            } else {
              out.add(
                  Finding.violated(
                      Indicator.TASK_RESULT,
                      key,
                      deal.leadId(),
                      t.taskId(),
                      t.responsibleUserId(),
                      day,
                      Severity.WARNING,
                      t.completedAt(),
                      "too_short",
                      new Explanation("Опишите результат", "Describe the result"),
                      Map.of("length", t.result() == null ? 0 : t.result().length())));
            }
          }
        }
      };

  private static IndicatorSet toys() {
    return new IndicatorSet(
        List.of(NO_TASK, SHORT_RESULT),
        (activity, c, out) -> {},
        (closed, c, out) -> {},
        (deal, c) -> Optional.empty());
  }

  private static final RulesSource DEFAULT_RULES =
      account -> new RulesSource.Versioned(RulesConfig.defaults(), 0);

  private record Fixture(DSLContext dsl, MutableClock clock, DealMirror mirror, Evaluator engine) {}

  private static Fixture fixture(TestDatabase db) {
    MutableClock clock = new MutableClock(T0);
    return new Fixture(
        db.dsl(),
        clock,
        new DealMirror(db.dsl()),
        new Evaluator(db.dsl(), clock, DEFAULT_RULES, toys()));
  }

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

  private static Rows.Task task(
      long id, long leadId, boolean completed, String result, Instant at) {
    return new Rows.Task(
        id,
        "leads",
        leadId,
        MANAGER,
        1L,
        "Позвонить",
        at.plus(Duration.ofHours(1)),
        completed,
        result,
        MANAGER,
        at.minus(Duration.ofHours(1)),
        at);
  }

  /** score_days of the account as indicator → {applicable, violated} for one day. */
  private static Map<String, List<Integer>> counters(DSLContext dsl, long account, LocalDate day) {
    Map<String, List<Integer>> out = new TreeMap<>();
    dsl.selectFrom(SCORE_DAYS)
        .where(
            SCORE_DAYS.ACCOUNT_ID.eq(account),
            SCORE_DAYS.USER_ID.eq(MANAGER),
            SCORE_DAYS.SCORE_DAY.eq((int) day.toEpochDay()))
        .forEach(r -> out.put(r.getIndicator(), List.of(r.getApplicable(), r.getViolated())));
    out.values().removeIf(v -> v.get(0) == 0 && v.get(1) == 0);
    return out;
  }

  private static List<String> open(DSLContext dsl, long account) {
    return dsl.select(VIOLATIONS.INDICATOR, VIOLATIONS.SUBJECT_KEY)
        .from(VIOLATIONS)
        .where(VIOLATIONS.ACCOUNT_ID.eq(account), VIOLATIONS.CLOSED_AT.isNull())
        .orderBy(VIOLATIONS.SUBJECT_KEY)
        .fetch(r -> r.value1() + " " + r.value2());
  }

  @DatabaseTest
  void a_violation_opens_and_closes_by_itself_and_the_counters_follow(TestDatabase db) {
    Fixture f = fixture(db);
    f.mirror.upsertLeads(ACCOUNT, List.of(lead(10), lead(11)), T0);
    f.mirror.upsertTasks(ACCOUNT, List.of(task(500, 11, false, null, T0)), T0);

    assertThat(f.engine.evaluateLeads(ACCOUNT, List.of(10L, 11L))).isEqualTo(1);
    assertThat(open(f.dsl, ACCOUNT)).containsExactly("no_task lead:10");
    assertThat(counters(f.dsl, ACCOUNT, DAY0)).isEqualTo(Map.of("no_task", List.of(2, 1)));

    // The manager adds a task to deal 10: its no_task closes, and history keeps it.
    f.clock.advance(Duration.ofMinutes(5));
    f.mirror.upsertTasks(ACCOUNT, List.of(task(501, 10, false, null, f.clock.instant())), T0);
    f.engine.evaluateLeads(ACCOUNT, List.of(10L));
    assertThat(open(f.dsl, ACCOUNT)).isEmpty();
    assertThat(counters(f.dsl, ACCOUNT, DAY0)).isEqualTo(Map.of("no_task", List.of(2, 0)));
    var closed =
        f.dsl.selectFrom(VIOLATIONS).where(VIOLATIONS.ACCOUNT_ID.eq(ACCOUNT)).fetchSingle();
    assertThat(closed.getClosedAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
    assertThat(closed.getDetails()).contains("Поставьте задачу").contains("no_open_task");

    // Deal 11's task is closed with "+": a bad result, and no open task left.
    f.mirror.upsertTasks(ACCOUNT, List.of(task(500, 11, true, "+", f.clock.instant())), T0);
    f.engine.evaluateLeads(ACCOUNT, List.of(11L));
    assertThat(open(f.dsl, ACCOUNT)).containsExactly("no_task lead:11", "task_result task:500");
    assertThat(counters(f.dsl, ACCOUNT, DAY0))
        .isEqualTo(Map.of("no_task", List.of(2, 1), "task_result", List.of(1, 1)));

    // Evaluating again changes nothing.
    f.engine.evaluateLeads(ACCOUNT, List.of(10L, 11L));
    assertThat(counters(f.dsl, ACCOUNT, DAY0))
        .isEqualTo(Map.of("no_task", List.of(2, 1), "task_result", List.of(1, 1)));
    assertThat(f.dsl.fetchCount(VIOLATIONS, VIOLATIONS.ACCOUNT_ID.eq(ACCOUNT))).isEqualTo(3);
  }

  @DatabaseTest
  void a_full_evaluation_agrees_with_the_incremental_one(TestDatabase db) {
    Fixture f = fixture(db);
    f.mirror.upsertLeads(ACCOUNT, List.of(lead(10), lead(11), lead(12)), T0);
    f.mirror.upsertTasks(
        ACCOUNT,
        List.of(task(500, 11, false, null, T0), task(501, 12, true, "ok", T0.minusSeconds(7200))),
        T0);
    f.engine.evaluateLeads(ACCOUNT, List.of(10L, 11L, 12L));
    var incremental = counters(f.dsl, ACCOUNT, DAY0);
    var openIncremental = open(f.dsl, ACCOUNT);

    var run = f.engine.evaluateAccount(ACCOUNT);

    assertThat(run.deals()).isEqualTo(3);
    assertThat(run.violations()).isEqualTo(3);
    assertThat(counters(f.dsl, ACCOUNT, DAY0)).isEqualTo(incremental);
    assertThat(open(f.dsl, ACCOUNT)).isEqualTo(openIncremental);
    assertThat(openIncremental)
        .containsExactly("no_task lead:10", "no_task lead:12", "task_result task:501");
  }

  @DatabaseTest
  void a_full_evaluation_of_several_batches_written_at_once_agrees_with_the_incremental_one(
      TestDatabase db) {
    Fixture f = fixture(db);
    // Four and a half batches, so that both writers write more than one each.
    int deals = FactsLoader.BATCH * 4 + FactsLoader.BATCH / 2;
    List<Rows.Lead> leads = new ArrayList<>();
    List<Rows.Task> before = new ArrayList<>();
    List<Rows.Task> after = new ArrayList<>();
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < deals; i++) {
      long id = 10_000 + i;
      ids.add(id);
      leads.add(lead(id));
      switch (i % 3) {
        case 0 -> {
          // An open task, later closed with "+": no violation, then two.
          before.add(task(900_000 + i, id, false, null, T0.minusSeconds(120)));
          after.add(task(900_000 + i, id, true, "+", T0.minusSeconds(60)));
        }
        case 1 -> before.add(task(900_000 + i, id, true, "+", T0.minusSeconds(60))); // two
        default ->
            after.add(task(900_000 + i, id, false, null, T0.minusSeconds(60))); // one, then none
      }
    }
    f.mirror.upsertLeads(ACCOUNT, leads, T0);
    f.mirror.upsertTasks(ACCOUNT, before, T0);
    f.engine.evaluateLeads(ACCOUNT, ids);
    int third = deals / 3;
    assertThat(open(f.dsl, ACCOUNT)).hasSize(3 * third);

    // A third of the deals gain two violations and a third lose theirs: every batch the full run
    // writes opens and closes rows, two batches at a time.
    f.mirror.upsertTasks(ACCOUNT, after, T0);
    var run = f.engine.evaluateAccount(ACCOUNT);

    assertThat(run.deals()).isEqualTo(deals);
    assertThat(run.violations()).isEqualTo(4 * third);
    var counters = counters(f.dsl, ACCOUNT, DAY0);
    var openAfterFull = open(f.dsl, ACCOUNT);
    assertThat(counters)
        .isEqualTo(
            Map.of(
                "no_task",
                List.of(deals, 2 * third),
                "task_result",
                List.of(2 * third, 2 * third)));
    assertThat(openAfterFull).hasSize(4 * third);
    // Closed rows stay as history: the third that lost its no_task keeps one closed row each.
    assertThat(f.dsl.fetchCount(VIOLATIONS, VIOLATIONS.ACCOUNT_ID.eq(ACCOUNT)))
        .isEqualTo(5 * third);

    // Evaluating every deal one by one afterwards finds nothing to change.
    f.engine.evaluateLeads(ACCOUNT, ids);
    assertThat(counters(f.dsl, ACCOUNT, DAY0)).isEqualTo(counters);
    assertThat(open(f.dsl, ACCOUNT)).isEqualTo(openAfterFull);
    assertThat(f.dsl.fetchCount(VIOLATIONS, VIOLATIONS.ACCOUNT_ID.eq(ACCOUNT)))
        .isEqualTo(5 * third);
  }

  @DatabaseTest
  void yesterday_keeps_its_state_counters_when_a_deal_changes_today(TestDatabase db) {
    Fixture f = fixture(db);
    f.mirror.upsertLeads(ACCOUNT, List.of(lead(10), lead(11)), T0);
    f.engine.evaluateAccount(ACCOUNT);
    assertThat(counters(f.dsl, ACCOUNT, DAY0)).isEqualTo(Map.of("no_task", List.of(2, 2)));

    f.clock.advance(Duration.ofDays(1));
    f.mirror.upsertTasks(ACCOUNT, List.of(task(600, 10, false, null, f.clock.instant())), T0);
    f.engine.evaluateLeads(ACCOUNT, List.of(10L));

    assertThat(counters(f.dsl, ACCOUNT, DAY0)).isEqualTo(Map.of("no_task", List.of(2, 2)));
    assertThat(counters(f.dsl, ACCOUNT, DAY0.plusDays(1)))
        .isEqualTo(Map.of("no_task", List.of(1, 0)));
    f.engine.evaluateAccount(ACCOUNT);
    assertThat(counters(f.dsl, ACCOUNT, DAY0.plusDays(1)))
        .isEqualTo(Map.of("no_task", List.of(2, 1)));
    assertThat(counters(f.dsl, ACCOUNT, DAY0)).isEqualTo(Map.of("no_task", List.of(2, 2)));
  }

  @DatabaseTest
  void the_next_days_full_run_leaves_unchanged_rows_and_a_later_change_still_counts_once(
      TestDatabase db) {
    Fixture f = fixture(db);
    f.mirror.upsertLeads(ACCOUNT, List.of(lead(10), lead(11)), T0);
    f.engine.evaluateAccount(ACCOUNT);

    f.clock.advance(Duration.ofDays(1));
    f.engine.evaluateAccount(ACCOUNT);

    // Nothing changed overnight: the rows still say what day 0 wrote, and day 1 counts both deals.
    assertThat(
            f.dsl
                .selectDistinct(RULE_SUBJECTS.EVALUATED_AT)
                .from(RULE_SUBJECTS)
                .where(RULE_SUBJECTS.ACCOUNT_ID.eq(ACCOUNT), RULE_SUBJECTS.LEAD_ID.isNotNull())
                .fetch(RULE_SUBJECTS.EVALUATED_AT))
        .containsExactly(T0);
    assertThat(counters(f.dsl, ACCOUNT, DAY0.plusDays(1)))
        .isEqualTo(Map.of("no_task", List.of(2, 2)));

    // Deal 10 gets a task on day 1: its share of day 1 is taken out and put back, not added twice.
    f.mirror.upsertTasks(ACCOUNT, List.of(task(600, 10, false, null, f.clock.instant())), T0);
    f.engine.evaluateLeads(ACCOUNT, List.of(10L));

    assertThat(counters(f.dsl, ACCOUNT, DAY0.plusDays(1)))
        .isEqualTo(Map.of("no_task", List.of(2, 1)));
    assertThat(counters(f.dsl, ACCOUNT, DAY0)).isEqualTo(Map.of("no_task", List.of(2, 2)));
  }

  @DatabaseTest
  void accounts_with_the_same_deal_ids_stay_apart(TestDatabase db) {
    Fixture f = fixture(db);
    f.mirror.upsertLeads(ACCOUNT, List.of(lead(10)), T0);
    f.mirror.upsertLeads(OTHER, List.of(lead(10)), T0);
    f.mirror.upsertTasks(OTHER, List.of(task(700, 10, false, null, T0)), T0);

    f.engine.evaluateLeads(ACCOUNT, List.of(10L));
    f.engine.evaluateLeads(OTHER, List.of(10L));

    assertThat(open(f.dsl, ACCOUNT)).containsExactly("no_task lead:10");
    assertThat(open(f.dsl, OTHER)).isEmpty();
    assertThat(counters(f.dsl, OTHER, DAY0)).isEqualTo(Map.of("no_task", List.of(1, 0)));
  }

  @DatabaseTest
  void the_score_is_the_weighted_mean_of_the_rates_and_its_lost_points_add_up(TestDatabase db) {
    Fixture f = fixture(db);
    f.mirror.upsertLeads(ACCOUNT, List.of(lead(10), lead(11), lead(12), lead(13)), T0);
    f.mirror.upsertTasks(
        ACCOUNT,
        List.of(
            task(500, 11, false, null, T0),
            task(501, 12, false, null, T0),
            task(502, 13, false, null, T0),
            task(503, 13, true, "-", T0.minusSeconds(3600)),
            task(504, 12, true, "Договорились о встрече", T0.minusSeconds(3600))),
        T0);
    f.engine.evaluateAccount(ACCOUNT);

    var scores = new ScoreService(f.dsl, f.clock, DEFAULT_RULES).manager(ACCOUNT, MANAGER);

    // no_task 3/4 compliant, task_result 1/2: (0.75 + 0.5) / 2 = 62.5 → 63.
    assertThat(scores.today().value()).isEqualTo(63);
    double lost =
        scores.today().indicators().stream()
            .mapToDouble(ScoreService.IndicatorRate::lostPoints)
            .sum();
    assertThat(lost).isCloseTo(37.5, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(scores.trend()).hasSize(ScoreService.TREND_DAYS);
    assertThat(scores.trend().get(ScoreService.TREND_DAYS - 1).value()).isEqualTo(63);
    assertThat(scores.trend().get(0).value()).isNull();
  }

  @DatabaseTest
  void a_manager_no_longer_checked_has_his_worktime_violations_closed_by_the_full_run(
      TestDatabase db) {
    MutableClock clock = new MutableClock(T0);
    java.util.concurrent.atomic.AtomicReference<List<Long>> managers =
        new java.util.concurrent.atomic.AtomicReference<>(List.of(MANAGER));
    java.util.concurrent.atomic.AtomicInteger version =
        new java.util.concurrent.atomic.AtomicInteger();
    RulesSource rules =
        account -> {
          RulesConfig d = RulesConfig.defaults();
          return new RulesSource.Versioned(
              new RulesConfig(
                  d.timezone(),
                  d.workingHours(),
                  d.holidays(),
                  d.heads(),
                  managers.get(),
                  d.naming(),
                  d.firstContact(),
                  d.stages(),
                  d.requiredFields(),
                  d.taskResults(),
                  d.lostDeals(),
                  d.communications(),
                  d.worktime(),
                  d.score()),
              version.get());
        };
    IndicatorSet set =
        new IndicatorSet(
            List.of(NO_TASK),
            (activity, c, out) ->
                out.add(
                    Finding.violated(
                        Indicator.WORKTIME,
                        "user:" + activity.userId() + ":" + c.today(),
                        null,
                        null,
                        activity.userId(),
                        c.today(),
                        Severity.WARNING,
                        T0,
                        "short_day",
                        new Explanation("Мало активности", "Little activity"),
                        Map.of())),
            (closed, c, out) -> {},
            (deal, c) -> Optional.empty());
    Evaluator engine = new Evaluator(db.dsl(), clock, rules, set);
    engine.evaluateAccount(ACCOUNT);
    assertThat(open(db.dsl(), ACCOUNT)).containsExactly("worktime user:100:2026-11-30");

    managers.set(List.of());
    version.set(1);
    engine.evaluateAccount(ACCOUNT);

    assertThat(open(db.dsl(), ACCOUNT)).isEmpty();
  }
}
