package app.reglament.rules;

import app.reglament.rules.config.RulesConfig;
import app.reglament.rules.facts.DealFacts;
import app.reglament.rules.facts.ManagerActivity;
import app.reglament.sandbox.scenario.Scenario;
import app.reglament.sandbox.scenario.ScenarioSettings;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Checks pure indicators against the sandbox's generated account: the scenario's facts (as the
 * mirror would hold them), a {@link RuleContext} at the scenario's {@code now} under the ground
 * truth's own rules, the planted violations, and a readable comparison of an indicator's findings
 * with them.
 *
 * <pre>{@code
 * GroundTruthHarness truth = GroundTruthHarness.standard();   // seed 42, once per JVM
 * GroundTruthHarness.Comparison c = truth.check(new StuckDeal());
 * assertThat(c.exact()).as(c.report()).isTrue();
 * }</pre>
 *
 * Items are compared by (indicator, leadId, taskId, userId, day); the day only where the planted
 * item has one (the sandbox leaves it null for state-at-now items and for lead dumping). Only
 * violated findings count; compliant ones are ignored.
 */
public final class GroundTruthHarness {
  public static final long DEFAULT_SEED = 42;

  private static final Map<Long, GroundTruthHarness> CACHE = new HashMap<>();

  private final ScenarioFacts facts;
  private final RulesConfig rules;
  private final RuleContext context;

  private GroundTruthHarness(ScenarioFacts facts) {
    this.facts = facts;
    this.rules = RulesFromScenario.convert(facts.scenario().groundTruth().rules());
    this.context = new RuleContext(rules, facts.account(), facts.now());
  }

  /** The default scenario (seed 42, default size and now), generated once per JVM. */
  public static GroundTruthHarness standard() {
    return forSeed(DEFAULT_SEED);
  }

  /** The default-size scenario of another seed, generated once per JVM and seed. */
  public static synchronized GroundTruthHarness forSeed(long seed) {
    return CACHE.computeIfAbsent(seed, s -> of(ScenarioSettings.defaults(s)));
  }

  /** A scenario of any settings, not cached. */
  public static GroundTruthHarness of(ScenarioSettings settings) {
    return new GroundTruthHarness(ScenarioFacts.generate(settings));
  }

  public ScenarioFacts facts() {
    return facts;
  }

  public Scenario scenario() {
    return facts.scenario();
  }

  /** Every deal, deleted ones flagged (none in a generated scenario at now). */
  public List<DealFacts> deals() {
    return facts.deals();
  }

  /** Each user's activity (event times), by user id. */
  public Map<Long, ManagerActivity> activity() {
    return facts.activity();
  }

  /** The ground truth's regulations. */
  public RulesConfig rules() {
    return rules;
  }

  /** The ground truth's regulations, the account, at the scenario's now. */
  public RuleContext context() {
    return context;
  }

  public Instant now() {
    return facts.now();
  }

  /** The planted mistakes of one indicator, as the sandbox wrote them. */
  public List<Scenario.Planted> plantedItems(Indicator indicator) {
    return scenario().groundTruth().planted().stream()
        .filter(p -> p.indicator().equals(indicator.code()))
        .toList();
  }

  /** The planted mistakes of one indicator as comparable keys. */
  public List<Key> planted(Indicator indicator) {
    return plantedItems(indicator).stream().map(Key::of).toList();
  }

  /** Runs a deal indicator over every deal at now. */
  public List<Finding> evaluate(DealIndicator indicator) {
    Findings out = new Findings(context.now());
    for (DealFacts deal : deals()) {
      indicator.evaluate(deal, context, out);
    }
    return out.list();
  }

  /** Runs a deal indicator over every deal and compares its violations with the planted ones. */
  public Comparison check(DealIndicator indicator) {
    return compare(indicator.indicator(), evaluate(indicator));
  }

  /**
   * The indicator's violated findings against its planted items. Findings of other indicators and
   * compliant findings are ignored. Each planted item matches at most one finding and vice versa.
   */
  public Comparison compare(Indicator indicator, List<Finding> findings) {
    Map<Key, List<Finding>> open = new LinkedHashMap<>();
    int found = 0;
    for (Finding f : findings) {
      if (f.indicator() == indicator && f.violated()) {
        open.computeIfAbsent(Key.of(f).withoutDay(), k -> new ArrayList<>()).add(f);
        found++;
      }
    }
    List<Scenario.Planted> items = new ArrayList<>(plantedItems(indicator));
    // Dated items first, so an undated one cannot take the finding a dated one needs.
    items.sort(Comparator.comparing((Scenario.Planted p) -> p.day() == null));
    List<Missing> missing = new ArrayList<>();
    for (Scenario.Planted item : items) {
      Key key = Key.of(item);
      if (!take(open.getOrDefault(key.withoutDay(), new ArrayList<>()), key.day())) {
        missing.add(new Missing(key, item.description()));
      }
    }
    List<Extra> extra = new ArrayList<>();
    open.values()
        .forEach(
            list ->
                list.forEach(
                    f -> extra.add(new Extra(Key.of(f), f.subjectKey(), f.reason(), f.details()))));
    return new Comparison(indicator, items.size(), found, missing, extra);
  }

  private static boolean take(List<Finding> candidates, LocalDate day) {
    for (Iterator<Finding> it = candidates.iterator(); it.hasNext(); ) {
      Finding f = it.next();
      if (day == null || day.equals(f.day())) {
        it.remove();
        return true;
      }
    }
    return false;
  }

  /** What a planted item and a finding are compared by. */
  public record Key(Indicator indicator, Long leadId, Long taskId, Long userId, LocalDate day) {
    public static Key of(Scenario.Planted p) {
      Indicator indicator =
          Indicator.byCode(p.indicator())
              .orElseThrow(
                  () -> new IllegalArgumentException("unknown indicator " + p.indicator()));
      return new Key(
          indicator,
          p.leadId(),
          p.taskId(),
          p.userId(),
          p.day() == null ? null : LocalDate.parse(p.day()));
    }

    public static Key of(Finding f) {
      return new Key(f.indicator(), f.leadId(), f.taskId(), f.userId(), f.day());
    }

    Key withoutDay() {
      return new Key(indicator, leadId, taskId, userId, null);
    }

    @Override
    public String toString() {
      return "lead "
          + dash(leadId)
          + ", task "
          + dash(taskId)
          + ", user "
          + dash(userId)
          + ", day "
          + dash(day);
    }

    private static String dash(Object value) {
      return value == null ? "-" : value.toString();
    }
  }

  /** Planted but not found. */
  public record Missing(Key key, String description) {}

  /** Found but not planted. */
  public record Extra(Key key, String subjectKey, String reason, Map<String, Object> details) {}

  /** How an indicator's violations compare with the planted ones. */
  public record Comparison(
      Indicator indicator,
      int plantedCount,
      int foundCount,
      List<Missing> missing,
      List<Extra> extra) {
    private static final int SHOWN = 40;

    public Comparison {
      missing = List.copyOf(missing);
      extra = List.copyOf(extra);
    }

    public int matched() {
      return plantedCount - missing.size();
    }

    /** Matched / found; 1.0 when nothing was found. */
    public double precision() {
      return foundCount == 0 ? 1.0 : (double) (foundCount - extra.size()) / foundCount;
    }

    /** Matched / planted; 1.0 when nothing was planted. */
    public double recall() {
      return plantedCount == 0 ? 1.0 : (double) matched() / plantedCount;
    }

    /** Found exactly the planted items. */
    public boolean exact() {
      return missing.isEmpty() && extra.isEmpty();
    }

    public String report() {
      StringBuilder out = new StringBuilder();
      out.append(
          String.format(
              java.util.Locale.ROOT,
              "%s: planted %d, found %d, matched %d; precision %.3f, recall %.3f%n",
              indicator.code(),
              plantedCount,
              foundCount,
              matched(),
              precision(),
              recall()));
      if (!missing.isEmpty()) {
        out.append("  missing (planted, not found): ").append(missing.size()).append('\n');
        missing.stream()
            .limit(SHOWN)
            .forEach(
                m ->
                    out.append("    ")
                        .append(m.key())
                        .append(": ")
                        .append(m.description())
                        .append('\n'));
      }
      if (!extra.isEmpty()) {
        out.append("  extra (found, not planted): ").append(extra.size()).append('\n');
        extra.stream()
            .limit(SHOWN)
            .forEach(
                e ->
                    out.append("    ")
                        .append(e.key())
                        .append(" [")
                        .append(e.subjectKey())
                        .append("]: ")
                        .append(Objects.toString(e.reason()))
                        .append(' ')
                        .append(new java.util.TreeMap<>(e.details()))
                        .append('\n'));
      }
      if (missing.size() > SHOWN || extra.size() > SHOWN) {
        out.append("  (only the first ").append(SHOWN).append(" of each shown)\n");
      }
      return out.toString();
    }

    @Override
    public String toString() {
      return report();
    }
  }
}
