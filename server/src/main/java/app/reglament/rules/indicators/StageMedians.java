package app.reglament.rules.indicators;

import app.reglament.rules.RuleContext;
import app.reglament.rules.facts.DealFacts;
import app.reglament.rules.facts.StageChange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code stuck_deal} also reports (DESIGN.md): the median days deals spend in each stage, per
 * manager and for the team of managed users. A stay runs from the move into a stage (or the deal's
 * creation) to the move out of it; the stay a live deal is in now counts as its length so far, so a
 * stage where deals pile up shows even before they leave it. Won, lost and deleted deals' earlier
 * stays count; stays in won and lost do not. A stay is charged to the deal's responsible at now.
 */
public final class StageMedians {
  private static final double SECONDS_PER_DAY = 86_400.0;

  /** One stage's median; {@code userId} null is the team's. */
  public record Median(long pipelineId, long statusId, Long userId, double days, int stays) {}

  private record Stage(long pipelineId, long statusId) {}

  private record Stay(Stage stage, Long userId, Duration length) {}

  private static final Comparator<Stage> STAGE_ORDER =
      Comparator.comparingLong(Stage::pipelineId).thenComparingLong(Stage::statusId);

  private StageMedians() {}

  /** The medians, by pipeline, stage, then the team before each manager (by id). */
  public static List<Median> of(Collection<DealFacts> deals, RuleContext context) {
    Map<Stage, List<Stay>> byStage = new TreeMap<>(STAGE_ORDER);
    for (DealFacts deal : deals) {
      if (deal.deleted() || !context.isManaged(deal.responsibleUserId())) {
        continue;
      }
      for (Stay stay : stays(deal, context.now())) {
        byStage.computeIfAbsent(stay.stage(), s -> new ArrayList<>()).add(stay);
      }
    }
    List<Median> medians = new ArrayList<>();
    byStage.forEach(
        (stage, stays) -> {
          medians.add(median(stage, null, stays));
          Map<Long, List<Stay>> byUser = new TreeMap<>();
          stays.forEach(s -> byUser.computeIfAbsent(s.userId(), u -> new ArrayList<>()).add(s));
          byUser.forEach((user, own) -> medians.add(median(stage, user, own)));
        });
    return List.copyOf(medians);
  }

  private static List<Stay> stays(DealFacts deal, Instant now) {
    List<Stay> stays = new ArrayList<>();
    List<StageChange> changes = deal.stages();
    Stage current;
    if (changes.isEmpty()) {
      current = new Stage(deal.pipelineId(), deal.statusId());
    } else {
      StageChange first = changes.get(0);
      // Without the stage a deal was created in, its first stay is unknown and left out.
      current =
          first.oldStatusId() == null
              ? null
              : new Stage(
                  first.oldPipelineId() == null ? first.pipelineId() : first.oldPipelineId(),
                  first.oldStatusId());
    }
    Instant since = deal.createdAt();
    for (StageChange change : changes) {
      add(stays, deal, current, since, change.at());
      current = new Stage(change.pipelineId(), change.statusId());
      since = change.at();
    }
    if (deal.active()) {
      add(stays, deal, current, since, now);
    }
    return stays;
  }

  private static void add(List<Stay> stays, DealFacts deal, Stage stage, Instant from, Instant to) {
    boolean closed =
        stage == null || stage.statusId() == DealFacts.WON || stage.statusId() == DealFacts.LOST;
    if (closed || from == null || to.isBefore(from)) {
      return;
    }
    stays.add(new Stay(stage, deal.responsibleUserId(), Duration.between(from, to)));
  }

  private static Median median(Stage stage, Long userId, List<Stay> stays) {
    double[] days =
        stays.stream()
            .mapToDouble(s -> s.length().getSeconds() / SECONDS_PER_DAY)
            .sorted()
            .toArray();
    int n = days.length;
    double median = n % 2 == 1 ? days[n / 2] : (days[n / 2 - 1] + days[n / 2]) / 2;
    return new Median(stage.pipelineId(), stage.statusId(), userId, median, n);
  }
}
