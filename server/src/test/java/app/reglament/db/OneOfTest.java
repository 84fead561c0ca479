package app.reglament.db;

import static app.reglament.db.generated.Tables.RULE_SUBJECTS;
import static app.reglament.db.generated.Tables.TASKS;
import static org.assertj.core.api.Assertions.assertThat;

import app.reglament.testing.DatabaseTest;
import app.reglament.testing.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.conf.ParamType;

/**
 * "One of these values" reads exactly the rows an IN list would, on every database, and on H2 reads
 * them by index seeks rather than through all the account's rows.
 */
class OneOfTest {
  private static final long ACCOUNT = 31_000_001L;
  private static final long OTHER = 31_000_002L;
  private static final Pattern SCANNED = Pattern.compile("scanCount: (\\d+)");

  /** 200 deals with 10 tasks each in the account, and one deal in another account. */
  private static void tasks(DSLContext dsl) {
    Instant at = Instant.parse("2026-11-30T09:00:00Z");
    List<Query> inserts = new ArrayList<>();
    for (long lead = 1; lead <= 200; lead++) {
      for (long n = 0; n < 10; n++) {
        inserts.add(task(dsl, ACCOUNT, lead * 100 + n, lead, at));
      }
    }
    inserts.add(task(dsl, OTHER, 101, 1, at));
    dsl.batch(inserts).execute();
  }

  private static Query task(DSLContext dsl, long account, long taskId, long lead, Instant at) {
    return dsl.insertInto(TASKS)
        .set(TASKS.ACCOUNT_ID, account)
        .set(TASKS.TASK_ID, taskId)
        .set(TASKS.ENTITY_TYPE, "leads")
        .set(TASKS.ENTITY_ID, lead)
        .set(TASKS.IS_COMPLETED, false)
        .set(TASKS.CREATED_AT, at)
        .set(TASKS.UPDATED_AT, at)
        .set(TASKS.IS_DELETED, false)
        .set(TASKS.SYNCED_AT, at);
  }

  private static OneOf tasksOf(DSLContext dsl, List<Long> leads) {
    return OneOf.of(
        dsl,
        TASKS,
        TASKS.ENTITY_ID,
        leads,
        TASKS.ACCOUNT_ID.eq(ACCOUNT),
        TASKS.ENTITY_TYPE.eq("leads"));
  }

  @DatabaseTest
  void it_finds_the_rows_of_the_values_once_each_and_only_the_accounts(TestDatabase db) {
    tasks(db.dsl());
    OneOf of = tasksOf(db.dsl(), List.of(7L, 1L, 7L, 999L));

    List<Long> found =
        db.dsl()
            .select(TASKS.TASK_ID)
            .from(of.from())
            .where(of.where())
            .orderBy(TASKS.TASK_ID)
            .fetch(TASKS.TASK_ID);

    assertThat(found)
        .containsExactly(
            100L, 101L, 102L, 103L, 104L, 105L, 106L, 107L, 108L, 109L, 700L, 701L, 702L, 703L,
            704L, 705L, 706L, 707L, 708L, 709L);
    OneOf none = tasksOf(db.dsl(), List.of());
    assertThat(db.dsl().fetchCount(db.dsl().selectOne().from(none.from()).where(none.where())))
        .isZero();
  }

  @DatabaseTest
  void the_primary_key_form_finds_the_accounts_rows_and_can_lock_them(TestDatabase db) {
    DSLContext dsl = db.dsl();
    Instant at = Instant.parse("2026-11-30T09:00:00Z");
    for (long account : List.of(ACCOUNT, OTHER)) {
      for (String subject : List.of("lead:1", "lead:2", "lead:3")) {
        dsl.insertInto(RULE_SUBJECTS)
            .set(RULE_SUBJECTS.ACCOUNT_ID, account)
            .set(RULE_SUBJECTS.SUBJECT, subject)
            .set(RULE_SUBJECTS.CONTRIBUTIONS, "")
            .set(RULE_SUBJECTS.EVALUATED_AT, at)
            .execute();
      }
    }

    List<String> locked =
        dsl.transactionResult(
            tx ->
                tx.dsl()
                    .select(RULE_SUBJECTS.SUBJECT)
                    .from(RULE_SUBJECTS)
                    .where(
                        OneOf.primaryKeyIn(
                            tx.dsl(),
                            RULE_SUBJECTS.ACCOUNT_ID,
                            ACCOUNT,
                            RULE_SUBJECTS.SUBJECT,
                            List.of("lead:3", "lead:1", "lead:3", "lead:9")))
                    .orderBy(RULE_SUBJECTS.SUBJECT)
                    .forUpdate()
                    .fetch(RULE_SUBJECTS.SUBJECT));

    assertThat(locked).containsExactly("lead:1", "lead:3");
  }

  @DatabaseTest
  void on_h2_it_seeks_the_index_instead_of_reading_the_whole_account(TestDatabase db) {
    if (db.dialect().family() != SQLDialect.H2) {
      return; // MySQL and MariaDB seek with the IN list itself.
    }
    DSLContext dsl = db.dsl();
    tasks(dsl);
    OneOf of = tasksOf(dsl, List.of(3L, 150L));
    String sql =
        dsl.select(TASKS.TASK_ID).from(of.from()).where(of.where()).getSQL(ParamType.INLINED);

    String plan = dsl.fetch("EXPLAIN ANALYZE " + sql).get(0).get(0, String.class);

    // 2 values, 20 tasks: a handful of rows read, not the account's 2,000.
    Matcher scanned = SCANNED.matcher(plan);
    int total = 0;
    while (scanned.find()) {
      total += Integer.parseInt(scanned.group(1));
    }
    assertThat(total).as(plan).isBetween(20, 40);
  }
}
