package app.reglament.engine;

import app.reglament.rules.indicators.CommunicationIndicator;
import app.reglament.rules.indicators.FirstContactIndicator;
import app.reglament.rules.indicators.LeadDumping;
import app.reglament.rules.indicators.LostDealIndicator;
import app.reglament.rules.indicators.NamingIndicator;
import app.reglament.rules.indicators.NoTaskIndicator;
import app.reglament.rules.indicators.OverdueTaskIndicator;
import app.reglament.rules.indicators.RequiredFieldsIndicator;
import app.reglament.rules.indicators.StuckDealIndicator;
import app.reglament.rules.indicators.TaskResultIndicator;
import app.reglament.rules.indicators.WorktimeIndicator;
import java.util.List;

/** DESIGN.md's ten indicators, as the engine runs them. */
public final class StandardIndicators {
  private StandardIndicators() {}

  public static IndicatorSet create() {
    return new IndicatorSet(
        List.of(
            new FirstContactIndicator(),
            new StuckDealIndicator(),
            new OverdueTaskIndicator(),
            new NoTaskIndicator(),
            new TaskResultIndicator(),
            new CommunicationIndicator(),
            new RequiredFieldsIndicator(),
            new NamingIndicator(),
            new LostDealIndicator()),
        new WorktimeIndicator()::evaluate,
        LeadDumping::evaluate,
        LostDealIndicator::closedDeal);
  }
}
