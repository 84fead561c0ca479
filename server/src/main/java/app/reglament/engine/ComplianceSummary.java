package app.reglament.engine;

import static app.reglament.db.generated.Tables.RULE_RUNS;
import static app.reglament.db.generated.Tables.VIOLATIONS;

import app.reglament.rules.Indicator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * An account's compliance at a glance, for its installation status page: the last full evaluation
 * and the open violations per indicator.
 */
public final class ComplianceSummary {
  private final DSLContext dsl;

  public ComplianceSummary(DSLContext dsl) {
    this.dsl = dsl;
  }

  /** Empty until the account's first full evaluation. */
  public Optional<Map<String, Object>> of(long accountId) {
    var run = dsl.selectFrom(RULE_RUNS).where(RULE_RUNS.ACCOUNT_ID.eq(accountId)).fetchOptional();
    if (run.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Integer> counts =
        dsl.select(VIOLATIONS.INDICATOR, DSL.count())
            .from(VIOLATIONS)
            .where(VIOLATIONS.ACCOUNT_ID.eq(accountId), VIOLATIONS.CLOSED_AT.isNull())
            .groupBy(VIOLATIONS.INDICATOR)
            .fetchMap(VIOLATIONS.INDICATOR, DSL.count());
    Map<String, Integer> open = new LinkedHashMap<>();
    int total = 0;
    for (Indicator indicator : Indicator.values()) {
      int n = counts.getOrDefault(indicator.code(), 0);
      open.put(indicator.code(), n);
      total += n;
    }
    StringBuilder line = new StringBuilder().append(total).append(" open violations");
    String separator = ": ";
    for (var e : open.entrySet()) {
      if (e.getValue() > 0) {
        line.append(separator).append(e.getKey()).append(' ').append(e.getValue());
        separator = ", ";
      }
    }
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("evaluatedAt", run.get().getFullAt());
    summary.put("deals", run.get().getDeals());
    summary.put("durationMs", run.get().getDurationMs());
    summary.put("rulesVersion", run.get().getRulesVersion());
    summary.put("openViolations", open);
    summary.put("summary", line.toString());
    return Optional.of(summary);
  }
}
