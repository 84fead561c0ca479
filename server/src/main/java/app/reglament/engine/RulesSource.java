package app.reglament.engine;

import app.reglament.rules.config.RulesConfig;

/** Where the engine gets an account's regulations. */
public interface RulesSource {
  /** The account's rules now, and their version (0 for the defaults, never saved). */
  Versioned current(long accountId);

  record Versioned(RulesConfig rules, int version) {}
}
