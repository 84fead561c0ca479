package app.reglament.engine;

import static app.reglament.db.generated.Tables.VIOLATIONS;

import app.reglament.db.generated.tables.records.ViolationsRecord;
import app.reglament.rules.Indicator;
import app.reglament.rules.config.RulesConfig;
import app.reglament.web.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.Condition;
import org.jooq.DSLContext;

/**
 * Reads scores and violations: a manager's score over a period with the indicators behind it, the
 * daily trend, the team panel, and the violations every lost point comes from.
 *
 * <p>Score = round(100 × Σ wᵢ·rateᵢ / Σ wᵢ) over the indicators with at least one applicable item
 * in the period, rateᵢ = compliant / applicable. An indicator's lost points are 100 × wᵢ × (1 −
 * rateᵢ) / Σ wᵢ, so they add up to 100 minus the unrounded score.
 */
public final class ScoreService {
  private static final ObjectMapper JSON = Json.mapper();

  /** Days of the trend line. */
  public static final int TREND_DAYS = 14;

  private final DSLContext dsl;
  private final Clock clock;
  private final RulesSource rules;

  public ScoreService(DSLContext dsl, Clock clock, RulesSource rules) {
    this.dsl = dsl;
    this.clock = clock;
    this.rules = rules;
  }

  public record IndicatorRate(
      String indicator,
      double weight,
      int applicable,
      int violated,
      Double rate,
      double lostPoints) {}

  /** A score over [from, to]; {@code value} is null when no weighted indicator had any item. */
  public record Score(
      LocalDate from, LocalDate to, Integer value, List<IndicatorRate> indicators) {}

  public record DayScore(LocalDate day, Integer value) {}

  public record ManagerScores(
      long userId, Score today, Score week, Score month, List<DayScore> trend) {}

  /** One violation as the widget shows it. */
  public record ViolationView(
      long id,
      String indicator,
      String severity,
      Long leadId,
      Long taskId,
      Long userId,
      Instant beganAt,
      Instant closedAt,
      String reason,
      String russian,
      String english,
      JsonNode details) {}

  public LocalDate today(long accountId) {
    return clock.instant().atZone(rulesOf(accountId).timezone()).toLocalDate();
  }

  private RulesConfig rulesOf(long accountId) {
    return rules.current(accountId).rules();
  }

  /** Today, the rolling 7 and 30 days, and the daily trend of one manager. */
  public ManagerScores manager(long accountId, long userId) {
    RulesConfig config = rulesOf(accountId);
    LocalDate today = clock.instant().atZone(config.timezone()).toLocalDate();
    List<ScoreStore.Row> rows = ScoreStore.read(dsl, accountId, userId, today.minusDays(29), today);
    return scores(userId, rows, config, today);
  }

  private static ManagerScores scores(
      long userId, List<ScoreStore.Row> counters, RulesConfig config, LocalDate today) {
    // Seventeen periods are scored from the same counters: each reads only its own days.
    Map<LocalDate, List<ScoreStore.Row>> rows = new java.util.HashMap<>();
    for (ScoreStore.Row r : counters) {
      rows.computeIfAbsent(r.day(), d -> new ArrayList<>()).add(r);
    }
    List<DayScore> trend = new ArrayList<>();
    for (int i = TREND_DAYS - 1; i >= 0; i--) {
      LocalDate day = today.minusDays(i);
      trend.add(new DayScore(day, score(rows, config, day, day).value()));
    }
    return new ManagerScores(
        userId,
        score(rows, config, today, today),
        score(rows, config, today.minusDays(6), today),
        score(rows, config, today.minusDays(29), today),
        trend);
  }

  /** Every manager with counters in the last 30 days, with his scores. */
  public Map<Long, ManagerScores> team(long accountId) {
    RulesConfig config = rulesOf(accountId);
    LocalDate today = clock.instant().atZone(config.timezone()).toLocalDate();
    Map<Long, List<ScoreStore.Row>> byUser = new TreeMap<>();
    for (ScoreStore.Row row : ScoreStore.read(dsl, accountId, null, today.minusDays(29), today)) {
      byUser.computeIfAbsent(row.userId(), u -> new ArrayList<>()).add(row);
    }
    Map<Long, ManagerScores> team = new TreeMap<>();
    byUser.forEach((user, rows) -> team.put(user, scores(user, rows, config, today)));
    return team;
  }

  /** The score of some counters (by day) over [from, to]. */
  static Score score(
      Map<LocalDate, List<ScoreStore.Row>> rows, RulesConfig config, LocalDate from, LocalDate to) {
    Map<Indicator, int[]> sums = new EnumMap<>(Indicator.class);
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      for (ScoreStore.Row r : rows.getOrDefault(day, List.of())) {
        int[] sum = sums.computeIfAbsent(r.indicator(), i -> new int[2]);
        sum[0] += r.applicable();
        sum[1] += r.violated();
      }
    }
    double weights = 0;
    double weighted = 0;
    for (var e : sums.entrySet()) {
      if (e.getValue()[0] > 0) {
        double w = config.score().weight(e.getKey());
        weights += w;
        weighted += w * rate(e.getValue());
      }
    }
    List<IndicatorRate> indicators = new ArrayList<>();
    for (Indicator indicator : Indicator.values()) {
      int[] sum = sums.getOrDefault(indicator, new int[2]);
      double w = config.score().weight(indicator);
      Double rate = sum[0] > 0 ? rate(sum) : null;
      double lost = rate == null || weights == 0 ? 0 : 100 * w * (1 - rate) / weights;
      indicators.add(new IndicatorRate(indicator.code(), w, sum[0], sum[1], rate, lost));
    }
    Integer value = weights == 0 ? null : (int) Math.round(100 * weighted / weights);
    return new Score(from, to, value, indicators);
  }

  private static double rate(int[] sum) {
    return (sum[0] - Math.max(0, Math.min(sum[1], sum[0]))) / (double) sum[0];
  }

  /** The open violations on a deal. */
  public List<ViolationView> openOnLead(long accountId, long leadId) {
    return violations(
        VIOLATIONS
            .ACCOUNT_ID
            .eq(accountId)
            .and(VIOLATIONS.LEAD_ID.eq(leadId))
            .and(VIOLATIONS.CLOSED_AT.isNull()),
        200);
  }

  /**
   * A manager's violations behind a period's lost points: open ones, and those that began in the
   * period (closed or not); one indicator or all.
   */
  public List<ViolationView> ofManager(
      long accountId, long userId, Indicator indicator, Instant since, int limit) {
    Condition c =
        VIOLATIONS
            .ACCOUNT_ID
            .eq(accountId)
            .and(VIOLATIONS.USER_ID.eq(userId))
            .and(VIOLATIONS.CLOSED_AT.isNull().or(VIOLATIONS.BEGAN_AT.ge(since)));
    if (indicator != null) {
      c = c.and(VIOLATIONS.INDICATOR.eq(indicator.code()));
    }
    return violations(c, limit);
  }

  private List<ViolationView> violations(Condition condition, int limit) {
    List<ViolationView> out = new ArrayList<>();
    for (ViolationsRecord r :
        dsl.selectFrom(VIOLATIONS)
            .where(condition)
            .orderBy(VIOLATIONS.BEGAN_AT.desc(), VIOLATIONS.ID.desc())
            .limit(limit)
            .fetch()) {
      out.add(view(r));
    }
    return out;
  }

  private static ViolationView view(ViolationsRecord r) {
    JsonNode stored;
    try {
      stored = r.getDetails() == null ? JSON.createObjectNode() : JSON.readTree(r.getDetails());
    } catch (java.io.IOException e) {
      stored = JSON.createObjectNode();
    }
    return new ViolationView(
        r.getId(),
        r.getIndicator(),
        r.getSeverity(),
        r.getLeadId(),
        r.getTaskId(),
        r.getUserId(),
        r.getBeganAt(),
        r.getClosedAt(),
        stored.path("reason").asText(null),
        stored.path("ru").asText(null),
        stored.path("en").asText(null),
        stored.path("details"));
  }
}
