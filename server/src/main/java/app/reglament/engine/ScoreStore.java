package app.reglament.engine;

import static app.reglament.db.generated.Tables.SCORE_DAYS;

import app.reglament.db.JdbcRows;
import app.reglament.rules.Indicator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The per-day score counters: {@code score_days}. */
final class ScoreStore {
  private ScoreStore() {}

  /** One counter as read back. */
  record Row(long userId, LocalDate day, Indicator indicator, int applicable, int violated) {}

  /**
   * Adds a delta to the counters in one batch. Increments rather than writes, so that two workers
   * evaluating two deals of the same manager at once both count; the keys come sorted, so two such
   * batches lock rows in the same order and cannot deadlock.
   */
  static void add(DSLContext dsl, long accountId, Map<Contribution.Key, int[]> delta) {
    if (delta.isEmpty()) {
      return;
    }
    // One prepared statement with a row of bind values per counter; the placeholders' order is the
    // rows' order.
    var batch =
        dsl.batch(
            insertTemplate(dsl)
                .onDuplicateKeyUpdate()
                .set(SCORE_DAYS.APPLICABLE, SCORE_DAYS.APPLICABLE.plus(DSL.val(0)))
                .set(SCORE_DAYS.VIOLATED, SCORE_DAYS.VIOLATED.plus(DSL.val(0))));
    for (var e : delta.entrySet()) {
      Contribution.Key k = e.getKey();
      int[] d = e.getValue();
      // A counter not yet there starts from the increment, never below zero.
      batch = batch.bind(counter(accountId, k, Math.max(0, d[0]), Math.max(0, d[1]), d[0], d[1]));
    }
    batch.execute();
  }

  /** The bind values of {@link #insertTemplate} for one counter, then any further ones. */
  private static Object[] counter(
      long accountId, Contribution.Key k, int applicable, int violated, Object... more) {
    Object[] row = new Object[6 + more.length];
    row[0] = accountId;
    row[1] = k.userId();
    row[2] = (int) k.epochDay();
    row[3] = k.indicator().code();
    row[4] = applicable;
    row[5] = violated;
    System.arraycopy(more, 0, row, 6, more.length);
    return row;
  }

  /**
   * A counter's insert with placeholders for account, manager, day, indicator, applicable and
   * violated, in that order, to be bound once per counter.
   */
  private static org.jooq.InsertSetMoreStep<?> insertTemplate(DSLContext dsl) {
    return dsl.insertInto(SCORE_DAYS)
        .set(SCORE_DAYS.ACCOUNT_ID, 0L)
        .set(SCORE_DAYS.USER_ID, 0L)
        .set(SCORE_DAYS.SCORE_DAY, 0)
        .set(SCORE_DAYS.INDICATOR, "")
        .set(SCORE_DAYS.APPLICABLE, 0)
        .set(SCORE_DAYS.VIOLATED, 0);
  }

  /**
   * Replaces what a full evaluation recomputed: every day of the event indicators and today of the
   * state indicators. State counters of past days stay as those days ended.
   */
  static void replace(
      DSLContext dsl, long accountId, Map<Contribution.Key, int[]> totals, LocalDate today) {
    List<String> eventCodes =
        Arrays.stream(Indicator.values())
            .filter(i -> i.kind() == Indicator.Kind.EVENT)
            .map(Indicator::code)
            .toList();
    dsl.deleteFrom(SCORE_DAYS)
        .where(
            SCORE_DAYS.ACCOUNT_ID.eq(accountId),
            SCORE_DAYS
                .INDICATOR
                .in(eventCodes)
                .or(SCORE_DAYS.SCORE_DAY.eq((int) today.toEpochDay())))
        .execute();
    // One prepared insert bound once per counter: rendering a statement per counter costs more
    // than the database's work on a large account.
    var batch = dsl.batch(insertTemplate(dsl));
    int rows = 0;
    for (var e : totals.entrySet()) {
      var k = e.getKey();
      if (k.indicator().kind() == Indicator.Kind.STATE && k.epochDay() != today.toEpochDay()) {
        continue;
      }
      batch = batch.bind(counter(accountId, k, e.getValue()[0], e.getValue()[1]));
      rows++;
    }
    if (rows > 0) {
      batch.execute();
    }
  }

  /** The counters of the given days (inclusive), for one manager or (userId null) everyone. */
  static List<Row> read(DSLContext dsl, long accountId, Long userId, LocalDate from, LocalDate to) {
    var condition =
        SCORE_DAYS
            .ACCOUNT_ID
            .eq(accountId)
            .and(SCORE_DAYS.SCORE_DAY.between((int) from.toEpochDay(), (int) to.toEpochDay()));
    if (userId != null) {
      condition = condition.and(SCORE_DAYS.USER_ID.eq(userId));
    }
    List<Row> rows = new ArrayList<>();
    // The team panel reads every manager's month: tens of thousands of counters per request.
    JdbcRows.each(
        dsl.select(
                SCORE_DAYS.USER_ID,
                SCORE_DAYS.SCORE_DAY,
                SCORE_DAYS.INDICATOR,
                SCORE_DAYS.APPLICABLE,
                SCORE_DAYS.VIOLATED)
            .from(SCORE_DAYS)
            .where(condition),
        r ->
            Indicator.byCode(r.text(3))
                .ifPresent(
                    indicator ->
                        rows.add(
                            new Row(
                                r.longValue(1),
                                LocalDate.ofEpochDay(r.longValue(2)),
                                indicator,
                                (int) r.longValue(4),
                                (int) r.longValue(5)))));
    return rows;
  }
}
