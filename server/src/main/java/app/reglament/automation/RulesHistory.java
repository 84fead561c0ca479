package app.reglament.automation;

import app.reglament.rules.config.RulesConfig;
import app.reglament.rules.config.RulesDocument;
import app.reglament.rules.config.RulesRepository;
import app.reglament.rules.config.RulesVersion;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What the automations need to know about the regulations' past versions. */
final class RulesHistory {
  /** How far back "since when is naming on" is looked for. */
  static final int LOOK_BACK = 50;

  private final RulesRepository repository;

  RulesHistory(RulesRepository repository) {
    this.repository = repository;
  }

  /** A saved version's regulations. */
  Optional<RulesConfig> version(long accountId, int version) {
    return repository.version(accountId, version).map(RulesDocument::parse);
  }

  /**
   * When auto-naming was switched on: the save of the oldest version in the unbroken run of
   * versions, up to the current one, that have it on. Null when the current one has it off.
   */
  Instant namingOnSince(long accountId) {
    Instant since = null;
    List<RulesVersion> versions = repository.history(accountId, LOOK_BACK);
    for (RulesVersion v : versions) {
      Optional<RulesConfig> rules = version(accountId, v.version());
      if (rules.isEmpty() || rules.get().naming() == null || !rules.get().naming().enabled()) {
        break;
      }
      since = v.savedAt();
    }
    return since;
  }
}
