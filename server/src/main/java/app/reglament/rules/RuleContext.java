package app.reglament.rules;

import app.reglament.rules.config.RulesConfig;
import app.reglament.rules.facts.AccountFacts;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * What every indicator evaluates against: the account's regulations, its calendar and reference
 * data, and the moment of evaluation (from the injected clock, never read inside an indicator).
 */
public final class RuleContext {
  private final RulesConfig rules;
  private final BusinessCalendar calendar;
  private final AccountFacts account;
  private final Instant now;
  private final JunkText junk;
  private final Set<Long> managers;
  private final Instant historyFrom;

  public RuleContext(RulesConfig rules, AccountFacts account, Instant now) {
    this(rules, account, now, Instant.MIN);
  }

  /**
   * @param historyFrom the start of the event history Reglament holds for the account: an event
   *     before it is not judged, because the calls, messages and stage moves around it were never
   *     mirrored (a deal of last year would otherwise look as if nobody ever called the client)
   */
  public RuleContext(RulesConfig rules, AccountFacts account, Instant now, Instant historyFrom) {
    this.historyFrom = Objects.requireNonNull(historyFrom, "historyFrom");
    this.rules = Objects.requireNonNull(rules, "rules");
    this.account = Objects.requireNonNull(account, "account");
    this.now = Objects.requireNonNull(now, "now");
    this.calendar = rules.calendar();
    this.junk = new JunkText(rules.junkSettings());
    this.managers = managedUsers(rules, account);
  }

  private static Set<Long> managedUsers(RulesConfig rules, AccountFacts account) {
    if (rules.managers() != null) {
      return Set.copyOf(rules.managers());
    }
    Set<Long> all = new HashSet<>();
    account.users().values().stream()
        .filter(AccountFacts.UserFacts::active)
        .map(AccountFacts.UserFacts::userId)
        .filter(id -> !rules.heads().contains(id))
        .forEach(all::add);
    return Set.copyOf(all);
  }

  /** The same rules and account at another moment. */
  public RuleContext at(Instant other) {
    return new RuleContext(rules, account, other, historyFrom);
  }

  /** Whether an event at this moment is judged: it falls within the history Reglament holds. */
  public boolean judges(Instant eventAt) {
    return !eventAt.isBefore(historyFrom);
  }

  public Instant historyFrom() {
    return historyFrom;
  }

  public RulesConfig rules() {
    return rules;
  }

  public BusinessCalendar calendar() {
    return calendar;
  }

  public AccountFacts account() {
    return account;
  }

  public Instant now() {
    return now;
  }

  public JunkText junk() {
    return junk;
  }

  /** The account-local date of a moment. */
  public LocalDate day(Instant t) {
    return LocalDate.ofInstant(t, calendar.zone());
  }

  /** Today in the account's timezone: the day state items belong to. */
  public LocalDate today() {
    return day(now);
  }

  /** Whether the user's work is checked: a listed manager, or any active user who is no head. */
  public boolean isManaged(Long userId) {
    return userId != null && managers.contains(userId);
  }

  public Set<Long> managers() {
    return managers;
  }
}
