package app.reglament.widgetapi;

import app.reglament.engine.RulesSource;
import app.reglament.engine.ScoreService;
import app.reglament.engine.ScoreService.DayScore;
import app.reglament.engine.ScoreService.IndicatorRate;
import app.reglament.engine.ScoreService.ManagerScores;
import app.reglament.engine.ScoreService.ViolationView;
import app.reglament.rules.Indicator;
import app.reglament.rules.config.RulesConfig;
import app.reglament.web.ProblemException;
import app.reglament.web.ProblemType;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The scores: {@code /me} (the caller's own, with the violations behind every lost point), {@code
 * /team} (every manager × every indicator, for heads and administrators) and its drill-down to one
 * manager's violating deals.
 */
final class ScoresController {
  static final int MY_VIOLATIONS = 100;
  static final int DRILL_DEFAULT = 50;
  static final int DRILL_MAX = 200;
  private static final List<String> INDICATORS =
      Arrays.stream(Indicator.values()).map(Indicator::code).toList();

  private final ScoreService scores;
  private final RulesSource rules;
  private final WidgetDirectory directory;
  private final Clock clock;

  ScoresController(ScoreService scores, RulesSource rules, WidgetDirectory directory, Clock clock) {
    this.scores = scores;
    this.rules = rules;
    this.directory = directory;
    this.clock = clock;
  }

  /**
   * @param managed whether the caller's own work is checked (a head's usually is not)
   * @param violationsSince the start of the 30-day window the violations are taken from
   */
  record Me(
      String lang,
      UserRef user,
      boolean admin,
      boolean head,
      boolean managed,
      ManagerScores scores,
      Instant violationsSince,
      List<ViolationJson> violations) {}

  void me(Context ctx) {
    Caller caller = WidgetGate.caller(ctx);
    long accountId = caller.accountId();
    RulesConfig config = rules.current(accountId).rules();
    List<WidgetDirectory.User> users = directory.users(accountId);
    String language = Language.of(ctx);
    Instant since = windowStart(accountId, config);
    List<ViolationView> violations =
        scores.ofManager(accountId, caller.userId(), null, since, MY_VIOLATIONS);
    ctx.json(
        new Me(
            language,
            new UserRef(caller.userId(), nameOf(users, caller.userId())),
            caller.admin(),
            Roles.head(caller, config),
            Roles.managed(accountId, config, users, clock.instant()).contains(caller.userId()),
            scores.manager(accountId, caller.userId()),
            since,
            ViolationJson.of(violations, leadNames(accountId, violations), language)));
  }

  /** One manager's row of the team panel; {@code indicators} are over the rolling 7 days. */
  record Member(
      UserRef user,
      boolean active,
      Integer today,
      Integer week,
      Integer month,
      List<IndicatorRate> indicators,
      List<DayScore> trend) {}

  /** An indicator over the whole team and the rolling 7 days. */
  record Total(String indicator, int applicable, int violated, Double rate) {}

  record Team(
      String lang,
      LocalDate from,
      LocalDate to,
      List<String> indicators,
      List<Member> managers,
      List<Total> totals) {}

  void team(Context ctx) {
    Caller caller = WidgetGate.caller(ctx);
    long accountId = caller.accountId();
    RulesConfig config = rules.current(accountId).rules();
    Roles.requireHeadOrAdmin(caller, config);
    List<WidgetDirectory.User> users = directory.users(accountId);
    Set<Long> managed = Roles.managed(accountId, config, users, clock.instant());
    Map<Long, ManagerScores> withCounters = scores.team(accountId);
    List<Member> members = new ArrayList<>();
    Set<Long> named = new HashSet<>();
    for (WidgetDirectory.User u : users) {
      if (managed.contains(u.id())) {
        named.add(u.id());
        members.add(member(accountId, new UserRef(u.id(), u.name()), u.active(), withCounters));
      }
    }
    // Managers the regulations list but the mirror does not know (yet) still get their row.
    managed.stream()
        .filter(id -> !named.contains(id))
        .sorted()
        .forEach(id -> members.add(member(accountId, new UserRef(id, null), false, withCounters)));
    LocalDate today = scores.today(accountId);
    ctx.json(
        new Team(
            Language.of(ctx), today.minusDays(6), today, INDICATORS, members, totals(members)));
  }

  private Member member(
      long accountId, UserRef user, boolean active, Map<Long, ManagerScores> withCounters) {
    ManagerScores s = withCounters.get(user.id());
    if (s == null) {
      s = scores.manager(accountId, user.id());
    }
    return new Member(
        user,
        active,
        s.today().value(),
        s.week().value(),
        s.month().value(),
        s.week().indicators(),
        s.trend());
  }

  private static List<Total> totals(List<Member> members) {
    List<Total> totals = new ArrayList<>();
    for (String indicator : INDICATORS) {
      int applicable = 0;
      int violated = 0;
      for (Member m : members) {
        for (IndicatorRate r : m.indicators()) {
          if (r.indicator().equals(indicator)) {
            applicable += r.applicable();
            violated += Math.min(r.violated(), r.applicable());
          }
        }
      }
      Double rate = applicable == 0 ? null : (applicable - violated) / (double) applicable;
      totals.add(new Total(indicator, applicable, violated, rate));
    }
    return totals;
  }

  record Drill(
      String lang, UserRef user, String indicator, Instant since, List<ViolationJson> violations) {}

  void managerViolations(Context ctx) {
    Caller caller = WidgetGate.caller(ctx);
    long accountId = caller.accountId();
    RulesConfig config = rules.current(accountId).rules();
    Roles.requireHeadOrAdmin(caller, config);
    long userId = Params.id(ctx, "userId");
    // Another account's user and no user at all answer alike.
    WidgetDirectory.User user =
        directory
            .user(accountId, userId)
            .orElseThrow(
                () ->
                    new ProblemException(
                        ProblemType.NOT_FOUND,
                        "Reglament knows no user " + userId + " in this account"));
    Indicator indicator = indicatorQuery(ctx);
    int limit = Params.intQuery(ctx, "limit", DRILL_DEFAULT, 1, DRILL_MAX);
    Instant since = windowStart(accountId, config);
    List<ViolationView> violations = scores.ofManager(accountId, userId, indicator, since, limit);
    String language = Language.of(ctx);
    ctx.json(
        new Drill(
            language,
            new UserRef(user.id(), user.name()),
            indicator == null ? null : indicator.code(),
            since,
            ViolationJson.of(violations, leadNames(accountId, violations), language)));
  }

  private static Indicator indicatorQuery(Context ctx) {
    String code = ctx.queryParam("indicator");
    if (code == null || code.isBlank()) {
      return null;
    }
    return Indicator.byCode(code.strip())
        .orElseThrow(
            () ->
                new ProblemException(
                    ProblemType.BAD_REQUEST,
                    "indicator must be one of " + String.join(", ", INDICATORS)));
  }

  /** The first moment of the rolling 30 days the month score covers, in the account's zone. */
  private Instant windowStart(long accountId, RulesConfig config) {
    return scores.today(accountId).minusDays(29).atStartOfDay(config.timezone()).toInstant();
  }

  private Map<Long, String> leadNames(long accountId, List<ViolationView> violations) {
    Set<Long> ids = new HashSet<>();
    violations.stream().map(ViolationView::leadId).filter(id -> id != null).forEach(ids::add);
    return directory.leadNames(accountId, ids);
  }

  private static String nameOf(List<WidgetDirectory.User> users, long userId) {
    return users.stream()
        .filter(u -> u.id() == userId)
        .map(WidgetDirectory.User::name)
        .findFirst()
        .orElse(null);
  }
}
