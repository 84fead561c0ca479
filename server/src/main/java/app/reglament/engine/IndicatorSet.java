package app.reglament.engine;

import app.reglament.rules.DealIndicator;
import app.reglament.rules.Findings;
import app.reglament.rules.RuleContext;
import app.reglament.rules.facts.ClosedDeal;
import app.reglament.rules.facts.DealFacts;
import app.reglament.rules.facts.ManagerActivity;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The indicators the engine runs: those whose items live on a deal, and the two that look at a
 * manager as a whole (active time, and lead dumping compared with the team).
 */
public record IndicatorSet(
    List<DealIndicator> deals, Worktime worktime, Dumping dumping, Closing closing) {

  public IndicatorSet {
    deals = List.copyOf(deals);
  }

  public interface Worktime {
    void evaluate(ManagerActivity activity, RuleContext context, Findings out);
  }

  public interface Dumping {
    void evaluate(Collection<ClosedDeal> closed, RuleContext context, Findings out);
  }

  /** A won or lost deal as lead dumping sees it; empty for an open deal. */
  public interface Closing {
    Optional<ClosedDeal> of(DealFacts deal, RuleContext context);
  }
}
