package app.reglament.automation;

import app.reglament.engine.FactsLoader;
import app.reglament.engine.RulesSource;
import app.reglament.rules.RuleContext;
import app.reglament.rules.facts.DealFacts;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Reads one deal and its account's regulations from the mirror, as the engine sees them, for the
 * automations that run outside an evaluation (a timer, a head's verdict).
 */
public final class DealReader {
  private final FactsLoader loader;
  private final RulesSource rules;
  private final Clock clock;

  public DealReader(org.jooq.DSLContext dsl, RulesSource rules, Clock clock) {
    this.loader = new FactsLoader(dsl);
    this.rules = rules;
    this.clock = clock;
  }

  /** The account's regulations and reference data now. */
  public RuleContext context(long accountId) {
    return new RuleContext(
        rules.current(accountId).rules(), loader.account(accountId), clock.instant());
  }

  /** The deal, when the account's mirror has it. */
  public Optional<DealFacts> deal(long accountId, long leadId) {
    return deal(loader, accountId, leadId);
  }

  /**
   * The deal as the transaction {@code tx} sees it: read after the locks a decision takes, so that
   * what was recorded before them is in it.
   */
  public Optional<DealFacts> deal(org.jooq.DSLContext tx, long accountId, long leadId) {
    return deal(new FactsLoader(tx), accountId, leadId);
  }

  private static Optional<DealFacts> deal(FactsLoader loader, long accountId, long leadId) {
    List<DealFacts> deals =
        loader.deals(accountId, List.of(leadId), loader.previousFromDatabase(accountId));
    return deals.stream().filter(d -> d.leadId() == leadId).findFirst();
  }
}
