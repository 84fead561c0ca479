package app.reglament.rules.indicators;

import static app.reglament.rules.indicators.DealFactsBuilder.HEAD;
import static app.reglament.rules.indicators.DealFactsBuilder.MANAGER;
import static app.reglament.rules.indicators.DealFactsBuilder.MEASURING;
import static app.reglament.rules.indicators.DealFactsBuilder.OTHER_MANAGER;
import static app.reglament.rules.indicators.DealFactsBuilder.PIPELINE;
import static app.reglament.rules.indicators.DealFactsBuilder.QUALIFICATION;
import static app.reglament.rules.indicators.DealFactsBuilder.UNSORTED;
import static app.reglament.rules.indicators.DealFactsBuilder.context;
import static app.reglament.rules.indicators.DealFactsBuilder.deal;
import static app.reglament.rules.indicators.DealFactsBuilder.moscow;
import static org.assertj.core.api.Assertions.assertThat;

import app.reglament.rules.facts.DealFacts;
import app.reglament.rules.facts.StageChange;
import app.reglament.rules.indicators.StageMedians.Median;
import java.util.List;
import org.junit.jupiter.api.Test;

class StageMediansTest {
  private static final String NOW = "2025-06-18 12:00";

  @Test
  void medians_per_stage_for_the_team_and_each_manager() {
    List<DealFacts> deals =
        List.of(
            // Иван: 2 days in unsorted, 4 in qualification, then in «Замер» for 6 days so far.
            deal(1)
                .status(UNSORTED)
                .created("2025-06-04 12:00")
                .moved(QUALIFICATION, "2025-06-06 12:00")
                .moved(MEASURING, "2025-06-10 12:00")
                .moved(MEASURING, "2025-06-12 12:00")
                .build(),
            // Иван: 1 day in qualification, then won (stays in won do not count).
            deal(2).created("2025-06-02 12:00").moved(DealFacts.WON, "2025-06-03 12:00").build(),
            // Анна: 9 days in qualification so far.
            deal(3).responsible(OTHER_MANAGER).created("2025-06-09 12:00").build(),
            // The head's and a deleted deal count for nobody.
            deal(4).responsible(HEAD).created("2025-05-01 12:00").build(),
            deal(5).created("2025-05-01 12:00").deleted(true).build());

    List<Median> medians = StageMedians.of(deals, context(NOW));

    assertThat(medians)
        .containsExactly(
            new Median(PIPELINE, UNSORTED, null, 2.0, 1),
            new Median(PIPELINE, UNSORTED, MANAGER, 2.0, 1),
            new Median(PIPELINE, QUALIFICATION, null, 4.0, 3),
            new Median(PIPELINE, QUALIFICATION, MANAGER, 2.5, 2),
            new Median(PIPELINE, QUALIFICATION, OTHER_MANAGER, 9.0, 1),
            // A move into the stage the deal is in restarts its stay, as for stuck_deal: 2 and 6.
            new Median(PIPELINE, MEASURING, null, 4.0, 2),
            new Median(PIPELINE, MEASURING, MANAGER, 4.0, 2));
  }

  @Test
  void a_first_move_without_its_origin_leaves_the_first_stay_out() {
    DealFacts deal =
        new DealFacts(
            1,
            "Сделка",
            MANAGER,
            PIPELINE,
            MEASURING,
            null,
            moscow("2025-06-10 12:00"),
            null,
            null,
            false,
            List.of(),
            null,
            null,
            List.of(
                new StageChange(
                    PIPELINE, MEASURING, null, null, MANAGER, moscow("2025-06-11 12:00"))),
            List.of(),
            List.of(),
            List.of());

    assertThat(StageMedians.of(List.of(deal), context(NOW)))
        .containsExactly(
            new Median(PIPELINE, MEASURING, null, 7.0, 1),
            new Median(PIPELINE, MEASURING, MANAGER, 7.0, 1));
  }
}
