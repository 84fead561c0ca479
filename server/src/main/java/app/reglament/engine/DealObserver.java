package app.reglament.engine;

import app.reglament.rules.Finding;
import app.reglament.rules.RuleContext;
import app.reglament.rules.facts.DealFacts;
import java.util.List;

/**
 * Told about deals the engine has just re-evaluated because an event touched them (not about the
 * daily full run): automations react here to what changed.
 */
@FunctionalInterface
public interface DealObserver {
  DealObserver NONE = (accountId, deal, findings, context) -> {};

  /**
   * Called after the deal's verdicts were committed; an exception is logged, not rethrown. A full
   * evaluation calls it from two writer threads at once, for different deals of the same account.
   */
  void evaluated(long accountId, DealFacts deal, List<Finding> findings, RuleContext context);
}
