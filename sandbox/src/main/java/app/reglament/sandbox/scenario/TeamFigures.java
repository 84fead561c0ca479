package app.reglament.sandbox.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The lead-dumping signal: per manager, the share of his closed deals he lost, the share of his
 * losses made at middle stages, and losses without a reason, each against the rest of the team
 * pooled. A manager is flagged when both his loss rate is at least {@link #LOSS_RATE_FACTOR} times
 * the team's (and {@link #LOSS_RATE_GAP} above it) and his middle-stage share is at least {@link
 * #MIDDLE_SHARE_FACTOR} times the team's. DESIGN.md names the figures, not the thresholds; these
 * are what a sales head would call "clearly out of line".
 */
final class TeamFigures {
  static final double LOSS_RATE_FACTOR = 1.5;
  static final double LOSS_RATE_GAP = 0.15;
  static final double MIDDLE_SHARE_FACTOR = 2.0;

  /** One manager's closed deals. */
  record Tally(int won, int lost, int lostAtMiddle, int lostWithoutReason) {
    int closed() {
      return won + lost;
    }

    Tally plus(Tally other) {
      return new Tally(
          won + other.won,
          lost + other.lost,
          lostAtMiddle + other.lostAtMiddle,
          lostWithoutReason + other.lostWithoutReason);
    }

    double lossRate() {
      return closed() == 0 ? 0 : (double) lost / closed();
    }

    double middleShare() {
      return lost == 0 ? 0 : (double) lostAtMiddle / lost;
    }
  }

  private TeamFigures() {}

  static Map<Long, Tally> tally(Department department, List<Story> stories) {
    Map<Long, Tally> tallies = new LinkedHashMap<>();
    for (Department.Manager manager : department.managers) {
      tallies.put(manager.id(), new Tally(0, 0, 0, 0));
    }
    for (Story story : stories) {
      Tally add;
      if (story.statusId == Department.WON) {
        add = new Tally(1, 0, 0, 0);
      } else if (story.statusId == Department.LOST) {
        boolean middle = department.funnel(story.slot.pipelineId()).isMiddle(story.lostFrom);
        add = new Tally(0, 1, middle ? 1 : 0, story.lossReasonId == null ? 1 : 0);
      } else {
        continue;
      }
      tallies.merge(story.responsible, add, Tally::plus);
    }
    return tallies;
  }

  /** The rest of the team pooled. */
  static Tally others(Map<Long, Tally> tallies, long managerId) {
    Tally rest = new Tally(0, 0, 0, 0);
    for (var entry : tallies.entrySet()) {
      if (entry.getKey() != managerId) {
        rest = rest.plus(entry.getValue());
      }
    }
    return rest;
  }

  static boolean isDumping(Tally own, Tally team) {
    return own.lossRate() >= LOSS_RATE_FACTOR * team.lossRate()
        && own.lossRate() - team.lossRate() >= LOSS_RATE_GAP
        && own.middleShare() >= MIDDLE_SHARE_FACTOR * team.middleShare();
  }

  static String describe(String name, Tally own, Tally team) {
    return String.format(
        Locale.ROOT,
        "lead_dumping: %s lost %d of %d closed deals (%.0f%%) vs %.0f%% for the rest of the team;"
            + " %.0f%% of the losses at middle stages vs %.0f%%; losses without a reason %d vs %d",
        name,
        own.lost(),
        own.closed(),
        100 * own.lossRate(),
        100 * team.lossRate(),
        100 * own.middleShare(),
        100 * team.middleShare(),
        own.lostWithoutReason(),
        team.lostWithoutReason());
  }
}
