package app.reglament.widgetapi;

import app.reglament.rules.RuleContext;
import app.reglament.rules.config.RulesConfig;
import app.reglament.rules.facts.AccountFacts;
import app.reglament.web.ProblemException;
import app.reglament.web.ProblemType;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Who may see what: heads (the regulations' {@code heads}) and amoCRM administrators. */
final class Roles {
  private Roles() {}

  static boolean head(Caller caller, RulesConfig rules) {
    return rules.heads().contains(caller.userId());
  }

  static void requireHeadOrAdmin(Caller caller, RulesConfig rules) {
    if (!caller.admin() && !head(caller, rules)) {
      throw new ProblemException(
          ProblemType.FORBIDDEN, "The team's figures are for sales heads and administrators");
    }
  }

  static void requireAdmin(Caller caller) {
    if (!caller.admin()) {
      throw new ProblemException(
          ProblemType.FORBIDDEN, "Only an administrator of the amoCRM account can do this");
    }
  }

  /**
   * The users whose work is checked, read exactly as the engine reads them ({@link
   * RuleContext#managers()}): the listed managers, or every active user who is not a head.
   */
  static Set<Long> managed(
      long accountId, RulesConfig rules, List<WidgetDirectory.User> users, Instant now) {
    Map<Long, AccountFacts.UserFacts> facts = new HashMap<>();
    for (WidgetDirectory.User u : users) {
      facts.put(u.id(), new AccountFacts.UserFacts(u.id(), u.name(), u.admin(), u.active()));
    }
    AccountFacts account = new AccountFacts(accountId, facts, Map.of(), Map.of());
    return new RuleContext(rules, account, now).managers();
  }
}
