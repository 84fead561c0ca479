package app.reglament.rules;

import app.reglament.rules.facts.DealFacts;

/**
 * An indicator whose items live on one deal: the deal itself, its tasks or its communications.
 * Implementations are pure: the same deal and context always give the same findings, and nothing is
 * read from anywhere else (not even the clock).
 */
public interface DealIndicator {
  Indicator indicator();

  /**
   * Adds a finding for every applicable item of this deal (compliant or not) and asks for a recheck
   * at the moment a verdict would change by the passing of time alone.
   */
  void evaluate(DealFacts deal, RuleContext context, Findings out);
}
