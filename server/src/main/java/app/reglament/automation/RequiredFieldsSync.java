package app.reglament.automation;

import app.reglament.outbox.Outbox;
import app.reglament.rules.config.RulesConfig;
import app.reglament.rules.config.RulesRepository;
import app.reglament.rules.config.StoredRules;
import java.util.List;
import org.jooq.DSLContext;

/**
 * Queues {@link RequiredStatuses}' actions: after the regulations were saved ({@link #rulesSaved},
 * shaped to be the widget API's "rules saved" hook) and after an installation ({@link #installed}).
 */
public final class RequiredFieldsSync {
  private final DSLContext dsl;
  private final Outbox outbox;
  private final RulesRepository repository;
  private final RulesHistory history;

  public RequiredFieldsSync(DSLContext dsl, Outbox outbox, RulesRepository repository) {
    this.dsl = dsl;
    this.outbox = outbox;
    this.repository = repository;
    this.history = new RulesHistory(repository);
  }

  /** The current version against the one before it; returns how many actions were new. */
  public int rulesSaved(long accountId) {
    StoredRules current = repository.current(accountId);
    RulesConfig previous =
        current.version() > 1
            ? history.version(accountId, current.version() - 1).orElse(null)
            : null;
    return enqueue(accountId, RequiredStatuses.plan(current.config(), current.version(), previous));
  }

  /** Everything the current version requires: amoCRM's settings may be anything before. */
  public int installed(long accountId) {
    StoredRules current = repository.current(accountId);
    return enqueue(accountId, RequiredStatuses.plan(current.config(), current.version(), null));
  }

  private int enqueue(long accountId, List<Intent> intents) {
    if (intents.isEmpty()) {
      return 0;
    }
    return dsl.transactionResult(
        tx -> {
          int added = 0;
          for (Intent intent : intents) {
            if (outbox.enqueue(
                tx.dsl(), accountId, intent.key(), intent.action(), intent.audit())) {
              added++;
            }
          }
          return added;
        });
  }
}
