package app.reglament.rules.indicators;

import app.reglament.rules.Explanation;
import app.reglament.rules.Finding;
import app.reglament.rules.Findings;
import app.reglament.rules.Indicator;
import app.reglament.rules.RuleContext;
import app.reglament.rules.Severity;
import app.reglament.rules.facts.ClosedDeal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The lead-dumping signal of DESIGN.md's indicator 9: a manager who closes far more of his deals as
 * lost than the rest of the team, and loses them in the middle of the funnel, may be throwing leads
 * away instead of working them. Each manager with closed deals is compared with the rest of the
 * team pooled; he is flagged when his loss rate is at least {@link #LOSS_RATE_FACTOR} times the
 * team's and {@link #LOSS_RATE_GAP} above it, and his share of losses at middle stages at least
 * {@link #MIDDLE_SHARE_FACTOR} times the team's (the sandbox's thresholds). Losses without a reason
 * and with too few contact attempts are reported alongside, not judged.
 */
public final class LeadDumping {
  static final double LOSS_RATE_FACTOR = 1.5;
  static final double LOSS_RATE_GAP = 0.15;
  static final double MIDDLE_SHARE_FACTOR = 2.0;

  private LeadDumping() {}

  /** One manager's closed deals, or the rest of the team's pooled. */
  record Tally(
      int won,
      int lost,
      int lostAtMiddle,
      int lostWithoutReason,
      int lostFewAttempts,
      java.time.Instant lastLoss) {
    static final Tally NONE = new Tally(0, 0, 0, 0, 0, null);

    int closed() {
      return won + lost;
    }

    static Tally of(ClosedDeal deal, int minContactAttempts) {
      if (!deal.lost()) {
        return new Tally(1, 0, 0, 0, 0, null);
      }
      return new Tally(
          0,
          1,
          deal.middleStage() ? 1 : 0,
          deal.withoutReason() ? 1 : 0,
          deal.contactAttempts() < minContactAttempts ? 1 : 0,
          deal.closedAt());
    }

    Tally plus(Tally other) {
      return new Tally(
          won + other.won,
          lost + other.lost,
          lostAtMiddle + other.lostAtMiddle,
          lostWithoutReason + other.lostWithoutReason,
          lostFewAttempts + other.lostFewAttempts,
          later(lastLoss, other.lastLoss));
    }

    private static java.time.Instant later(java.time.Instant a, java.time.Instant b) {
      return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    double lossRate() {
      return closed() == 0 ? 0 : (double) lost / closed();
    }

    double middleShare() {
      return lost == 0 ? 0 : (double) lostAtMiddle / lost;
    }
  }

  /**
   * Adds one finding per managed user with closed deals, dated today: violated for the outliers,
   * compliant for the others. Deals of users who are not managed count for nobody.
   */
  public static void evaluate(Collection<ClosedDeal> deals, RuleContext context, Findings out) {
    int minAttempts = context.rules().lostDeals().minContactAttempts();
    Map<Long, Tally> tallies = new LinkedHashMap<>();
    for (Long manager : new TreeSet<>(context.managers())) {
      tallies.put(manager, Tally.NONE);
    }
    for (ClosedDeal deal : deals) {
      if (context.isManaged(deal.userId())) {
        tallies.merge(deal.userId(), Tally.of(deal, minAttempts), Tally::plus);
      }
    }
    tallies.forEach(
        (manager, own) -> {
          if (own.closed() > 0) {
            out.add(judge(manager, own, others(tallies, manager), context));
          }
        });
  }

  static boolean isDumping(Tally own, Tally team) {
    // Nobody else closed anything: there is no team to be out of line with.
    return team.closed() > 0
        && own.lossRate() >= LOSS_RATE_FACTOR * team.lossRate()
        && own.lossRate() - team.lossRate() >= LOSS_RATE_GAP
        && own.middleShare() >= MIDDLE_SHARE_FACTOR * team.middleShare();
  }

  private static Tally others(Map<Long, Tally> tallies, long manager) {
    Tally rest = Tally.NONE;
    for (var entry : tallies.entrySet()) {
      if (entry.getKey() != manager) {
        rest = rest.plus(entry.getValue());
      }
    }
    return rest;
  }

  private static Finding judge(long manager, Tally own, Tally team, RuleContext context) {
    String subject = "dumping:" + manager;
    if (!isDumping(own, team)) {
      return Finding.compliant(Indicator.LOST_DEAL, subject, null, null, manager, context.today());
    }
    return Finding.violated(
        Indicator.LOST_DEAL,
        subject,
        null,
        null,
        manager,
        context.today(),
        Severity.WARNING,
        // Stable while the figures stand, so one open violation spans the days it lasts.
        own.lastLoss() != null ? own.lastLoss() : context.now(),
        "lead_dumping",
        explain(own, team),
        details(own, team));
  }

  private static Explanation explain(Tally own, Tally team) {
    String figures =
        String.format(
            Locale.ROOT,
            "%d %% проигранных (%d из %d закрытых) против %d %% у команды; "
                + "%d %% потерь на средних этапах против %d %%; "
                + "без причины отказа %d против %d у команды; "
                + "с недостаточным числом попыток связи %d против %d",
            percent(own.lossRate()),
            own.lost(),
            own.closed(),
            percent(team.lossRate()),
            percent(own.middleShare()),
            percent(team.middleShare()),
            own.lostWithoutReason(),
            team.lostWithoutReason(),
            own.lostFewAttempts(),
            team.lostFewAttempts());
    String english =
        String.format(
            Locale.ROOT,
            "%d %% of closed deals lost (%d of %d) against %d %% for the rest of the team; "
                + "%d %% of the losses at middle stages against %d %%; "
                + "%d losses without a reason against %d; "
                + "%d with too few contact attempts against %d",
            percent(own.lossRate()),
            own.lost(),
            own.closed(),
            percent(team.lossRate()),
            percent(own.middleShare()),
            percent(team.middleShare()),
            own.lostWithoutReason(),
            team.lostWithoutReason(),
            own.lostFewAttempts(),
            team.lostFewAttempts());
    return new Explanation(
        "Похоже на слив лидов: "
            + figures
            + ". Разберите проигранные сделки с руководителем и доведите живые до конца.",
        "This looks like lead dumping: "
            + english
            + ". Go through the lost deals with your head and work the live ones to the end.");
  }

  private static Map<String, Object> details(Tally own, Tally team) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("closed", own.closed());
    details.put("lost", own.lost());
    details.put("lostAtMiddle", own.lostAtMiddle());
    details.put("lostWithoutReason", own.lostWithoutReason());
    details.put("lostFewAttempts", own.lostFewAttempts());
    details.put("lossRatePercent", percent(own.lossRate()));
    details.put("middleSharePercent", percent(own.middleShare()));
    details.put("teamClosed", team.closed());
    details.put("teamLost", team.lost());
    details.put("teamLostAtMiddle", team.lostAtMiddle());
    details.put("teamLostWithoutReason", team.lostWithoutReason());
    details.put("teamLostFewAttempts", team.lostFewAttempts());
    details.put("teamLossRatePercent", percent(team.lossRate()));
    details.put("teamMiddleSharePercent", percent(team.middleShare()));
    return details;
  }

  private static int percent(double share) {
    return (int) Math.round(100 * share);
  }
}
