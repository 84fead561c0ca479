package app.reglament.rules.indicators;

import app.reglament.rules.RuleContext;
import app.reglament.rules.facts.DealFacts;
import app.reglament.rules.facts.Touch;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The weekly sample of conversations a head reads (DESIGN.md, indicator 6): per manager and ISO
 * week, {@code reviewSamplePerManagerPerWeek} of his deals with communications that week, chosen at
 * random but reproducibly. Each candidate deal gets a pseudo-random rank from (account, manager,
 * week, deal) and the lowest ranks are taken, so the same facts always give the same sample, and a
 * conversation joining the week later displaces at most one sampled deal instead of reshuffling all
 * of them.
 */
public final class ReviewSample {
  private ReviewSample() {}

  /** An ISO week (Monday to Sunday in the account's timezone). */
  public record Week(int year, int week) {
    public static Week of(LocalDate day) {
      return new Week(
          day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    public LocalDate monday() {
      return LocalDate.of(year, 1, 4)
          .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
          .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    public boolean contains(LocalDate day) {
      return of(day).equals(this);
    }
  }

  /**
   * The sampled deal ids per managed user (the deal's responsible now) for the week, each list in
   * sample order. Managers without conversations that week are absent.
   */
  public static Map<Long, List<Long>> pick(
      Collection<DealFacts> deals, Week week, RuleContext context) {
    Map<Long, List<Long>> candidates = new TreeMap<>();
    for (DealFacts deal : deals) {
      if (!deal.deleted()
          && context.isManaged(deal.responsibleUserId())
          && talkedIn(deal, week, context)) {
        candidates
            .computeIfAbsent(deal.responsibleUserId(), id -> new ArrayList<>())
            .add(deal.leadId());
      }
    }
    int size = context.rules().communications().reviewSamplePerManagerPerWeek();
    long account = context.account().accountId();
    Map<Long, List<Long>> sample = new TreeMap<>();
    candidates.forEach(
        (manager, leads) ->
            sample.put(
                manager,
                leads.stream()
                    .distinct()
                    .sorted(
                        Comparator.comparingLong((Long lead) -> rank(account, manager, week, lead))
                            .thenComparing(Comparator.naturalOrder()))
                    .limit(size)
                    .toList()));
    return sample;
  }

  private static boolean talkedIn(DealFacts deal, Week week, RuleContext context) {
    for (Touch touch : deal.touches()) {
      if (!touch.at().isAfter(context.now()) && week.contains(context.day(touch.at()))) {
        return true;
      }
    }
    return false;
  }

  /** A well-mixed hash of the inputs (SplitMix64's finalizer, folded over them). */
  static long rank(long account, long manager, Week week, long lead) {
    long h = 0x9E3779B97F4A7C15L;
    for (long value : new long[] {account, manager, week.year(), week.week(), lead}) {
      h = mix(h ^ value);
    }
    return h;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
