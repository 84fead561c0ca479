package app.reglament.engine;

import static app.reglament.db.generated.Tables.RULE_SUBJECTS;
import static app.reglament.db.generated.Tables.VIOLATIONS;

import app.reglament.rules.Finding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.impl.DSL;

/**
 * What an evaluation writes: the subjects' rows, and the violations it opens, changes and closes.
 * Each kind goes to the database as one prepared statement with a row of bind values per item, so a
 * batch of a thousand deals prepares four statements rather than rendering and parsing thousands.
 */
final class Writes {
  private final long accountId;
  private final Instant now;
  private final List<Object[]> subjects = new ArrayList<>();
  private final List<Object[]> opened = new ArrayList<>();
  private final List<Object[]> changed = new ArrayList<>();
  private final List<Object[]> closed = new ArrayList<>();

  Writes(long accountId, Instant now) {
    this.accountId = accountId;
    this.now = now;
  }

  /** The subject's row with its new share of the counters and its next recheck. */
  void subject(String subject, Long leadId, String contributions, Instant recheckAt) {
    subjects.add(new Object[] {accountId, subject, leadId, contributions, now, recheckAt});
  }

  /** A new violation (one that comes back after it closed is a new row of its history). */
  void open(String scope, Finding f, String details, long detailsHash) {
    opened.add(
        new Object[] {
          accountId,
          f.indicator().code(),
          f.severity().code(),
          f.subjectKey(),
          scope,
          f.leadId(),
          f.taskId(),
          f.userId(),
          details,
          detailsHash,
          f.beganAt(),
          now
        });
  }

  /** An open violation whose severity, details or manager changed. */
  void change(long id, Finding f, String details, long detailsHash) {
    changed.add(
        new Object[] {f.severity().code(), details, detailsHash, f.userId(), accountId, id});
  }

  void close(long id) {
    closed.add(new Object[] {now, accountId, id});
  }

  int size() {
    return subjects.size() + opened.size() + changed.size() + closed.size();
  }

  /**
   * Executes everything, in the caller's transaction if it has one. Closes go before opens: an
   * occurrence closed by one subject and found again by another (a task moved to another deal) is
   * open afterwards, whichever subject came first.
   */
  void execute(DSLContext dsl) {
    execute(dsl, subjectTemplate(dsl), subjects);
    execute(dsl, closeTemplate(dsl), closed);
    execute(dsl, changeTemplate(dsl), changed);
    execute(dsl, openTemplate(dsl), opened);
  }

  private static void execute(DSLContext dsl, Query template, List<Object[]> rows) {
    if (rows.isEmpty()) {
      return;
    }
    var batch = dsl.batch(template);
    for (Object[] row : rows) {
      batch = batch.bind(row);
    }
    batch.execute();
  }

  // The templates' values are placeholders for the bind values; their order is the rows' order.

  private static Query subjectTemplate(DSLContext dsl) {
    return dsl.insertInto(RULE_SUBJECTS)
        .set(RULE_SUBJECTS.ACCOUNT_ID, 0L)
        .set(RULE_SUBJECTS.SUBJECT, "")
        .set(RULE_SUBJECTS.LEAD_ID, 0L)
        .set(RULE_SUBJECTS.CONTRIBUTIONS, "")
        .set(RULE_SUBJECTS.EVALUATED_AT, Instant.EPOCH)
        .set(RULE_SUBJECTS.RECHECK_AT, Instant.EPOCH)
        .onDuplicateKeyUpdate()
        .set(RULE_SUBJECTS.CONTRIBUTIONS, DSL.excluded(RULE_SUBJECTS.CONTRIBUTIONS))
        .set(RULE_SUBJECTS.EVALUATED_AT, DSL.excluded(RULE_SUBJECTS.EVALUATED_AT))
        .set(RULE_SUBJECTS.RECHECK_AT, DSL.excluded(RULE_SUBJECTS.RECHECK_AT));
  }

  private static Query openTemplate(DSLContext dsl) {
    return dsl.insertInto(VIOLATIONS)
        .set(VIOLATIONS.ACCOUNT_ID, 0L)
        .set(VIOLATIONS.INDICATOR, "")
        .set(VIOLATIONS.SEVERITY, "")
        .set(VIOLATIONS.SUBJECT_KEY, "")
        .set(VIOLATIONS.SCOPE, "")
        .set(VIOLATIONS.LEAD_ID, 0L)
        .set(VIOLATIONS.TASK_ID, 0L)
        .set(VIOLATIONS.USER_ID, 0L)
        .set(VIOLATIONS.DETAILS, "")
        .set(VIOLATIONS.DETAILS_HASH, 0L)
        .set(VIOLATIONS.BEGAN_AT, Instant.EPOCH)
        .set(VIOLATIONS.DETECTED_AT, Instant.EPOCH);
  }

  private static Query changeTemplate(DSLContext dsl) {
    return dsl.update(VIOLATIONS)
        .set(VIOLATIONS.SEVERITY, "")
        .set(VIOLATIONS.DETAILS, "")
        .set(VIOLATIONS.DETAILS_HASH, 0L)
        .set(VIOLATIONS.USER_ID, 0L)
        .where(VIOLATIONS.ACCOUNT_ID.eq(0L), VIOLATIONS.ID.eq(0L));
  }

  private static Query closeTemplate(DSLContext dsl) {
    return dsl.update(VIOLATIONS)
        .set(VIOLATIONS.CLOSED_AT, Instant.EPOCH)
        .where(VIOLATIONS.ACCOUNT_ID.eq(0L), VIOLATIONS.ID.eq(0L));
  }
}
