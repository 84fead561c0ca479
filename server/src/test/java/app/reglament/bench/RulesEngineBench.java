package app.reglament.bench;

import static app.reglament.db.generated.Tables.LEADS;
import static app.reglament.db.generated.Tables.RULE_DIRTY;
import static app.reglament.db.generated.Tables.RULE_RUNS;
import static app.reglament.db.generated.Tables.RULE_SUBJECTS;
import static app.reglament.db.generated.Tables.SCORE_DAYS;
import static app.reglament.db.generated.Tables.TASKS;
import static app.reglament.db.generated.Tables.VIOLATIONS;

import app.reglament.config.JdbcUrls;
import app.reglament.db.Database;
import app.reglament.db.DatabaseSettings;
import app.reglament.db.Migrations;
import app.reglament.db.generated.DefaultSchema;
import app.reglament.engine.Evaluator;
import app.reglament.engine.RulesSource;
import app.reglament.engine.ScoreService;
import app.reglament.engine.StandardIndicators;
import app.reglament.mirror.DealMirror;
import app.reglament.mirror.Rows;
import app.reglament.rules.config.RulesConfig;
import app.reglament.testing.MutableClock;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.jooq.DSLContext;
import org.jooq.Table;

/**
 * Load run of the rules engine on one large account: generates it straight into the mirror tables
 * (default 200 managers, 1,000,000 deals, 5,000,000 tasks), then times a full evaluation (twice:
 * the first opens every violation, the second is the next day's re-run), incremental evaluations of
 * one changed deal, and the team panel. Prints each figure against its target: full ≤ 60 s,
 * incremental p99 ≤ 10 ms, team panel p95 ≤ 50 ms.
 *
 * <pre>
 * mvn -q -B install -DskipTests   # the server's tests depend on the sandbox module
 * MAVEN_OPTS=-Xmx4g mvn -q -pl server exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=app.reglament.bench.RulesEngineBench \
 *   [-Dexec.args="--deals 100000 --tasks 500000"]
 * </pre>
 *
 * Without installing anything, in a JVM of its own:
 *
 * <pre>
 * mvn -q -B -pl server -am test-compile dependency:build-classpath \
 *   -Dmdep.includeScope=test -Dmdep.outputFile=/tmp/reglament-cp.txt
 * java -Xmx4g -cp server/target/test-classes:server/target/classes:$(cat /tmp/reglament-cp.txt) \
 *   app.reglament.bench.RulesEngineBench [--deals 100000 --tasks 500000]
 * </pre>
 *
 * Options: {@code --deals N --tasks N --managers N --incremental N --panel N --seed N}; {@code
 * --dir PATH} keeps the embedded H2 database there rather than in a new temporary directory; {@code
 * --reuse} skips the generation when the database already holds an account of that size (and
 * empties the engine's own tables instead); {@code --generate-only} stops after the generation;
 * {@code --skip-full} keeps the account and the engine's state of the last run as they are and
 * times only the incremental evaluations and the team panel.
 *
 * <p>The account does not fit MariaDB's default 128 MiB buffer pool; the figures in the issue notes
 * were taken after {@code SET GLOBAL innodb_buffer_pool_size=8589934592} and {@code SET GLOBAL
 * innodb_log_file_size=2147483648} (both dynamic in MariaDB 10.11), and the bench prints the values
 * it ran with.
 *
 * <p>With REGLAMENT_TEST_DB_URL set it runs on that MySQL/MariaDB database, otherwise on embedded
 * H2 (a file database with Reglament's usual options). <b>It empties every Reglament table of that
 * database first</b>, as the database tests do.
 */
public final class RulesEngineBench {
  private static final long ACCOUNT = 32_000_001L;
  // 12:00 in Moscow on a Monday.
  private static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");
  private static final int INCREMENTAL_WARMUP = 2_000;
  private static final int PANEL_WARMUP = 200;

  private static final double FULL_TARGET_S = 60;
  private static final double INCREMENTAL_P99_TARGET_MS = 10;
  private static final double PANEL_P95_TARGET_MS = 50;

  private static final RulesSource DEFAULT_RULES =
      account -> new RulesSource.Versioned(RulesConfig.defaults(), 0);

  private RulesEngineBench() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    var sizes =
        new BenchAccount.Sizes(
            intOption(options, "managers", 200),
            intOption(options, "deals", 1_000_000),
            intOption(options, "tasks", 5_000_000));
    int incremental = intOption(options, "incremental", 2_000);
    int panel = intOption(options, "panel", 500);
    long seed = intOption(options, "seed", 42);

    String external = System.getenv("REGLAMENT_TEST_DB_URL");
    DatabaseSettings settings;
    if (external != null && !external.isBlank()) {
      settings = new DatabaseSettings(external, Optional.empty(), Optional.empty());
    } else {
      Path dir =
          options.containsKey("dir")
              ? Files.createDirectories(Path.of(options.get("dir")))
              : Files.createTempDirectory("reglament-engine-bench");
      settings = new DatabaseSettings(JdbcUrls.embeddedH2(dir), Optional.empty(), Optional.empty());
    }
    try (Database database = Database.open(settings, Optional.empty())) {
      new Migrations(database.dataSource()).migrate();
      DSLContext dsl = database.dsl();
      System.out.printf(
          "Rules engine on %s (%s), max heap %d MiB, %d cores; indicators: %s%n",
          database.product(),
          settings,
          Runtime.getRuntime().maxMemory() >> 20,
          Runtime.getRuntime().availableProcessors(),
          INDICATORS_NAME);

      if (database.dialect().family() != org.jooq.SQLDialect.H2) {
        // The figures depend on these as much as on Reglament: print them with the figures.
        var server =
            dsl.fetchOne(
                "SELECT @@innodb_buffer_pool_size, @@innodb_log_file_size,"
                    + " @@innodb_flush_log_at_trx_commit, @@version, @@innodb_io_capacity");
        System.out.printf(
            "Database server: %s, InnoDB buffer pool %d MiB, redo log %d MiB,"
                + " flush_log_at_trx_commit=%s, io_capacity=%s%n",
            server.get(3),
            ((Number) server.get(0)).longValue() >> 20,
            ((Number) server.get(1)).longValue() >> 20,
            server.get(2),
            server.get(4));
      }
      boolean skipFull = options.containsKey("skip-full");
      if (skipFull) {
        System.out.println("Keeping the account and the engine's state of the last run");
      } else {
        generate(dsl, database, sizes, seed, options.containsKey("reuse"));
      }
      if (options.containsKey("generate-only")) {
        return;
      }

      var clock = new MutableClock(NOW);
      var evaluator = new Evaluator(dsl, clock, DEFAULT_RULES, StandardIndicators.create());
      if (skipFull) {
        clock.advance(Duration.ofDays(1));
      } else {
        full(evaluator, "first (every violation new)");
        clock.advance(Duration.ofDays(1));
        full(evaluator, "next day's re-run");
      }
      incremental(dsl, evaluator, clock, sizes, incremental, seed);
      panel(dsl, clock, sizes, panel, seed);
    }
  }

  private static final String INDICATORS_NAME = "the ten of StandardIndicators, default rules";

  // ---------------------------------------------------------------- generation

  private static void generate(
      DSLContext dsl, Database database, BenchAccount.Sizes sizes, long seed, boolean reuse)
      throws Exception {
    int held = dsl.fetchCount(LEADS, LEADS.ACCOUNT_ID.eq(ACCOUNT));
    if (reuse && held == sizes.deals()) {
      // The engine starts from nothing; the mirror keeps what earlier runs' events added.
      for (Table<?> table : List.of(RULE_SUBJECTS, SCORE_DAYS, VIOLATIONS, RULE_RUNS, RULE_DIRTY)) {
        dsl.truncate(table).execute();
      }
      System.out.printf("Reusing the account already generated: %,d deals%n", held);
      return;
    }
    for (Table<?> table : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
      dsl.truncate(table).execute();
    }
    long t0 = System.nanoTime();
    BenchAccount.Counts counts =
        new BenchAccount(ACCOUNT, NOW, sizes, seed).generate(dsl, database.dataSource());
    double seconds = (System.nanoTime() - t0) / 1e9;
    long rows =
        counts.leads()
            + counts.contacts()
            + counts.leadContacts()
            + counts.history()
            + counts.tasks()
            + counts.comms()
            + counts.notes();
    System.out.printf(
        "Generated %,d managers, %,d deals, %,d contacts (%,d links), %,d stage moves, %,d tasks,"
            + " %,d communications, %,d notes: %,d rows in %.1f s (%,.0f rows/s)%n",
        sizes.managers(),
        counts.leads(),
        counts.contacts(),
        counts.leadContacts(),
        counts.history(),
        counts.tasks(),
        counts.comms(),
        counts.notes(),
        rows,
        seconds,
        rows / seconds);
    if (database.dialect().family() != org.jooq.SQLDialect.H2) {
      long a0 = System.nanoTime();
      for (Table<?> table : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
        dsl.execute("ANALYZE TABLE " + table.getName());
      }
      System.out.printf("ANALYZE TABLE on every table: %.1f s%n", (System.nanoTime() - a0) / 1e9);
    }
  }

  // ---------------------------------------------------------------- full evaluation

  private static void full(Evaluator evaluator, String which) {
    long before = usedAfterGc();
    resetPeaks();
    var threads = ManagementFactory.getThreadMXBean();
    long cpu0 = threads.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    Evaluator.FullRun run = evaluator.evaluateAccount(ACCOUNT);
    double seconds = (System.nanoTime() - t0) / 1e9;
    double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
    long peak = peakHeap();
    System.out.printf(
        "Full evaluation, %s: %.1f s for %,d deals (CPU of the evaluating thread %.1f s;"
            + " waited %.1f s for reads, evaluated %.1f s, waited %.1f s for writes);"
            + " %,d findings, %,d open violations [target ≤ %.0f s: %s]%n"
            + "  heap: used after GC %d MiB before, %d MiB after; peak of the heap pools during"
            + " the run %d MiB; max %d MiB%n",
        which,
        seconds,
        run.deals(),
        cpu,
        run.loading().toMillis() / 1e3,
        run.evaluating().toMillis() / 1e3,
        run.writing().toMillis() / 1e3,
        run.findings(),
        run.violations(),
        FULL_TARGET_S,
        seconds <= FULL_TARGET_S ? "met" : "MISSED",
        before >> 20,
        usedAfterGc() >> 20,
        peak >> 20,
        Runtime.getRuntime().maxMemory() >> 20);
  }

  // ---------------------------------------------------------------- incremental evaluation

  /** One event's change to a deal, made through the mirror as the sync or a webhook would. */
  private static void incremental(
      DSLContext dsl,
      Evaluator evaluator,
      MutableClock clock,
      BenchAccount.Sizes sizes,
      int count,
      long seed) {
    var random = new SplittableRandom(seed + 1);
    var mirror = new DealMirror(dsl);
    var events = new Events(dsl, mirror, random);
    long[] nanos = new long[count];
    int[] kinds = new int[Events.KINDS];
    for (int i = -INCREMENTAL_WARMUP; i < count; i++) {
      clock.advance(Duration.ofSeconds(1));
      long leadId = BenchAccount.FIRST_LEAD + random.nextInt(sizes.deals());
      int kind = events.apply(leadId, clock.instant());
      long t0 = System.nanoTime();
      evaluator.evaluateLeads(ACCOUNT, List.of(leadId));
      long took = System.nanoTime() - t0;
      if (i >= 0) {
        nanos[i] = took;
        kinds[kind]++;
      }
    }
    System.out.printf(
        "Incremental evaluation of one changed deal, %d times after %d warm-up"
            + " (%d new tasks, %d completions, %d stage moves, %d communications): %s"
            + " [target p99 ≤ %.0f ms: %s]%n",
        count,
        INCREMENTAL_WARMUP,
        kinds[0],
        kinds[1],
        kinds[2],
        kinds[3],
        percentiles(nanos),
        INCREMENTAL_P99_TARGET_MS,
        percentile(nanos, 0.99) / 1e6 <= INCREMENTAL_P99_TARGET_MS ? "met" : "MISSED");
    roundTrips(dsl, sizes, count, random);
  }

  /**
   * For scale: one primary-key read of a deal, as many times, on the same connection pool. An
   * incremental evaluation makes about a dozen round trips, so the tail of this one is part of its
   * tail whatever Reglament does.
   */
  private static void roundTrips(
      DSLContext dsl, BenchAccount.Sizes sizes, int count, SplittableRandom random) {
    long[] nanos = new long[count];
    for (int i = -INCREMENTAL_WARMUP; i < count; i++) {
      long leadId = BenchAccount.FIRST_LEAD + random.nextInt(sizes.deals());
      long t0 = System.nanoTime();
      dsl.select(LEADS.NAME)
          .from(LEADS)
          .where(LEADS.ACCOUNT_ID.eq(ACCOUNT), LEADS.LEAD_ID.eq(leadId))
          .fetchOne();
      long took = System.nanoTime() - t0;
      if (i >= 0) {
        nanos[i] = took;
      }
    }
    System.out.printf(
        "  for scale, one primary-key read of a deal, %d times: %s, p99.9 %.2f ms%n",
        count, percentiles(nanos), percentile(nanos, 0.999) / 1e6);
  }

  /** The changes an amoCRM event makes to one deal in the mirror. */
  private static final class Events {
    static final int KINDS = 4;

    private final DSLContext dsl;
    private final DealMirror mirror;
    private final SplittableRandom random;
    private long nextTask = 90_000_001L;
    private long nextEvent = 1;

    Events(DSLContext dsl, DealMirror mirror, SplittableRandom random) {
      this.dsl = dsl;
      this.mirror = mirror;
      this.random = random;
    }

    /** Applies a random change to the deal; returns its kind. */
    int apply(long leadId, Instant now) {
      var lead =
          dsl.select(LEADS.RESPONSIBLE_USER_ID, LEADS.PIPELINE_ID, LEADS.STATUS_ID)
              .from(LEADS)
              .where(LEADS.ACCOUNT_ID.eq(ACCOUNT), LEADS.LEAD_ID.eq(leadId))
              .fetchOne();
      long user = lead.value1();
      int kind = random.nextInt(KINDS);
      switch (kind) {
        case 0 -> addTask(leadId, user, now);
        case 1 -> {
          Long open =
              dsl.select(TASKS.TASK_ID)
                  .from(TASKS)
                  .where(
                      TASKS.ACCOUNT_ID.eq(ACCOUNT),
                      TASKS.ENTITY_TYPE.eq("leads"),
                      TASKS.ENTITY_ID.eq(leadId),
                      TASKS.IS_COMPLETED.isFalse())
                  .limit(1)
                  .fetchOne(TASKS.TASK_ID);
          if (open == null) {
            addTask(leadId, user, now);
            return 0;
          }
          var task =
              dsl.selectFrom(TASKS)
                  .where(TASKS.ACCOUNT_ID.eq(ACCOUNT), TASKS.TASK_ID.eq(open))
                  .fetchOne();
          mirror.upsertTasks(
              ACCOUNT,
              List.of(
                  new Rows.Task(
                      open,
                      "leads",
                      leadId,
                      task.getResponsibleUserId(),
                      task.getTaskTypeId(),
                      task.getTaskText(),
                      task.getCompleteTillAt(),
                      true,
                      BenchAccount.result(random),
                      task.getCreatedBy(),
                      task.getCreatedAt(),
                      now)),
              now);
        }
        case 2 -> {
          long pipeline = lead.value2();
          long from = lead.value3();
          double r = random.nextDouble();
          List<Long> regular = BenchAccount.regularStatuses(pipeline);
          long to =
              r < 0.1
                  ? BenchAccount.WON
                  : r < 0.2 ? BenchAccount.LOST : regular.get(random.nextInt(regular.size()));
          dsl.update(LEADS)
              .set(LEADS.STATUS_ID, to)
              .set(LEADS.UPDATED_AT, now)
              .set(LEADS.CLOSED_AT, to == BenchAccount.WON || to == BenchAccount.LOST ? now : null)
              .where(LEADS.ACCOUNT_ID.eq(ACCOUNT), LEADS.LEAD_ID.eq(leadId))
              .execute();
          mirror.appendStatusChanges(
              ACCOUNT,
              List.of(
                  new Rows.StatusChange(
                      leadId, pipeline, to, pipeline, from, user, now, "bench:" + nextEvent++)));
        }
        default -> {
          boolean out = random.nextBoolean();
          mirror.recordCommunications(
              ACCOUNT,
              List.of(
                  new Rows.Communication(
                      "bench:" + nextEvent++,
                      "call",
                      out ? "out" : "in",
                      false,
                      "lead",
                      leadId,
                      leadId,
                      out ? user : null,
                      now,
                      null)));
        }
      }
      return kind;
    }

    private void addTask(long leadId, long user, Instant now) {
      mirror.upsertTasks(
          ACCOUNT,
          List.of(
              new Rows.Task(
                  nextTask++,
                  "leads",
                  leadId,
                  user,
                  1L,
                  "Перезвонить",
                  now.plus(Duration.ofDays(1)),
                  false,
                  null,
                  user,
                  now,
                  now)),
          now);
    }
  }

  // ---------------------------------------------------------------- team panel

  private static void panel(
      DSLContext dsl, MutableClock clock, BenchAccount.Sizes sizes, int count, long seed) {
    var scores = new ScoreService(dsl, clock, DEFAULT_RULES);
    var random = new SplittableRandom(seed + 2);
    int managers = 0;
    for (int i = 0; i < PANEL_WARMUP; i++) {
      managers = scores.team(ACCOUNT).size();
      scores.manager(ACCOUNT, BenchAccount.FIRST_MANAGER + random.nextInt(sizes.managers()));
    }
    long[] team = new long[count];
    for (int i = 0; i < count; i++) {
      long t0 = System.nanoTime();
      scores.team(ACCOUNT);
      team[i] = System.nanoTime() - t0;
    }
    long[] manager = new long[count];
    for (int i = 0; i < count; i++) {
      long user = BenchAccount.FIRST_MANAGER + random.nextInt(sizes.managers());
      long t0 = System.nanoTime();
      scores.manager(ACCOUNT, user);
      manager[i] = System.nanoTime() - t0;
    }
    System.out.printf(
        "Team panel (%d managers with counters), %d times after %d warm-up: %s"
            + " [target p95 ≤ %.0f ms: %s]%n",
        managers,
        count,
        PANEL_WARMUP,
        percentiles(team),
        PANEL_P95_TARGET_MS,
        percentile(team, 0.95) / 1e6 <= PANEL_P95_TARGET_MS ? "met" : "MISSED");
    System.out.printf("One manager's scores, %d times: %s%n", count, percentiles(manager));
  }

  // ---------------------------------------------------------------- figures

  private static String percentiles(long[] nanos) {
    return String.format(
        "p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms",
        percentile(nanos, 0.50) / 1e6,
        percentile(nanos, 0.95) / 1e6,
        percentile(nanos, 0.99) / 1e6,
        percentile(nanos, 1.0) / 1e6);
  }

  /** The nearest-rank percentile. */
  private static long percentile(long[] values, double q) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  private static long usedAfterGc() {
    System.gc();
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  /** The sum of the heap pools' peaks: an upper bound of the heap's peak use. */
  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("Options are --name [value]: " + args[i]);
      }
      String name = args[i].substring(2);
      boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
      options.put(name, flag ? "" : args[++i]);
    }
    return options;
  }

  private static int intOption(Map<String, String> options, String name, int fallback) {
    String value = options.get(name);
    return value == null ? fallback : Integer.parseInt(value.replace("_", ""));
  }
}
