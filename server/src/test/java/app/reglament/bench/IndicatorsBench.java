package app.reglament.bench;

import app.reglament.engine.StandardIndicators;
import app.reglament.rules.DealIndicator;
import app.reglament.rules.Finding;
import app.reglament.rules.Findings;
import app.reglament.rules.GroundTruthHarness;
import app.reglament.rules.RuleContext;
import app.reglament.rules.facts.DealFacts;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * Timing of the pure deal indicators over the sandbox's standard account ({@link
 * GroundTruthHarness#standard()}: seed 42, about 2,000 deals and 16,000 tasks): after a warm-up,
 * each round runs every indicator over every deal and prints its microseconds per deal (thread CPU
 * time), and the total; the last line is each indicator's best round. No database and no HTTP: this
 * is the evaluation alone, which a 1,000,000-deal account multiplies by 500.
 *
 * <pre>
 * mvn -q -B -pl server -am test-compile dependency:build-classpath \
 *   -Dmdep.outputFile=target/test-classpath.txt
 * java -cp server/target/test-classes:server/target/classes:$(cat server/target/test-classpath.txt) \
 *   app.reglament.bench.IndicatorsBench [rounds [warm-up passes]]
 * </pre>
 *
 * or, with the sandbox module in the local repository (as for WebhookIntakeBench):
 *
 * <pre>
 * mvn -q -pl server exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=app.reglament.bench.IndicatorsBench [-Dexec.args="15 20"]
 * </pre>
 *
 * Defaults: 5 measured rounds after 20 warm-up passes. The digest lines at the end hash every
 * finding (explanations and details included): equal digests before and after a change mean the
 * change altered no verdict and no word.
 */
public final class IndicatorsBench {
  private IndicatorsBench() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    GroundTruthHarness truth = GroundTruthHarness.standard();
    List<DealFacts> deals = truth.deals();
    RuleContext context = truth.context();
    List<DealIndicator> indicators = StandardIndicators.create().deals();
    int tasks = deals.stream().mapToInt(d -> d.tasks().size()).sum();
    int touches = deals.stream().mapToInt(d -> d.touches().size()).sum();
    System.out.printf(
        "Pure indicators over %d deals, %d tasks, %d touches; %d warm-up passes, %d rounds%n",
        deals.size(), tasks, touches, warmup, rounds);

    long sink = 0;
    for (int i = 0; i < warmup; i++) {
      for (DealIndicator indicator : indicators) {
        sink += run(indicator, deals, context);
      }
    }
    // Thread CPU time, not wall time: on a shared machine the wall clock also counts the time
    // other processes had the core. The best round is the least disturbed one.
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long[] best = new long[indicators.size()];
    Arrays.fill(best, Long.MAX_VALUE);
    for (int round = 1; round <= rounds; round++) {
      StringBuilder line = new StringBuilder("round " + round + ":");
      long total = 0;
      for (int i = 0; i < indicators.size(); i++) {
        DealIndicator indicator = indicators.get(i);
        long t0 = cpu.getCurrentThreadCpuTime();
        sink += run(indicator, deals, context);
        long elapsed = cpu.getCurrentThreadCpuTime() - t0;
        best[i] = Math.min(best[i], elapsed);
        total += elapsed;
        line.append(
            String.format(
                Locale.ROOT, " %s %.2f", indicator.indicator().code(), perDeal(elapsed, deals)));
      }
      line.append(String.format(Locale.ROOT, " | total %.2f µs/deal", perDeal(total, deals)));
      System.out.println(line);
    }
    StringBuilder line = new StringBuilder("best:");
    long total = 0;
    for (int i = 0; i < indicators.size(); i++) {
      total += best[i];
      line.append(
          String.format(
              Locale.ROOT,
              " %s %.2f",
              indicators.get(i).indicator().code(),
              perDeal(best[i], deals)));
    }
    line.append(String.format(Locale.ROOT, " | total %.2f µs/deal (CPU)", perDeal(total, deals)));
    System.out.println(line);
    System.out.println("(findings produced: " + sink + ")");
    // Equal digests before and after a change: the same findings, explanations and details.
    for (DealIndicator indicator : indicators) {
      Findings out = new Findings(context.now());
      deals.forEach(deal -> indicator.evaluate(deal, context, out));
      System.out.printf(
          "digest %s %08x (%d findings, recheck %s)%n",
          indicator.indicator().code(), digest(out.list()), out.list().size(), out.recheckAt());
    }
  }

  private static int run(DealIndicator indicator, List<DealFacts> deals, RuleContext context) {
    Findings out = new Findings(context.now());
    for (DealFacts deal : deals) {
      indicator.evaluate(deal, context, out);
    }
    return out.list().size();
  }

  /** Stable across runs: enums by name, details in key order. */
  private static int digest(List<Finding> findings) {
    int hash = 0;
    for (Finding f : findings) {
      String text =
          String.join(
              "|",
              f.indicator().code(),
              f.subjectKey(),
              String.valueOf(f.leadId()),
              String.valueOf(f.taskId()),
              String.valueOf(f.userId()),
              String.valueOf(f.day()),
              String.valueOf(f.severity()),
              String.valueOf(f.beganAt()),
              String.valueOf(f.reason()),
              String.valueOf(f.explanation()),
              sorted(f.details()).toString());
      hash = 31 * hash + text.hashCode();
    }
    return hash;
  }

  private static double perDeal(long nanos, List<DealFacts> deals) {
    return nanos / 1e3 / deals.size();
  }

  /** Maps in key order, at any depth: immutable maps iterate in a per-JVM order. */
  private static Object sorted(Object value) {
    if (value instanceof java.util.Map<?, ?> map) {
      TreeMap<String, Object> out = new TreeMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(k), sorted(v)));
      return out;
    }
    if (value instanceof java.util.Collection<?> list) {
      return list.stream().map(v -> sorted(v)).toList();
    }
    return value;
  }
}
