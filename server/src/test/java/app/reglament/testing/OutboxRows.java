package app.reglament.testing;

import static app.reglament.db.generated.Tables.ACTION_OUTBOX;

import java.util.List;
import org.jooq.DSLContext;

/** What an account has in {@code action_outbox}, by idempotency key, for assertions. */
public final class OutboxRows {
  private OutboxRows() {}

  public record Row(String key, String kind, String state, String payload) {}

  public static List<Row> rows(DSLContext dsl, long accountId) {
    return dsl.select(
            ACTION_OUTBOX.IDEMPOTENCY_KEY,
            ACTION_OUTBOX.KIND,
            ACTION_OUTBOX.STATE,
            ACTION_OUTBOX.PAYLOAD)
        .from(ACTION_OUTBOX)
        .where(ACTION_OUTBOX.ACCOUNT_ID.eq(accountId))
        .orderBy(ACTION_OUTBOX.IDEMPOTENCY_KEY)
        .fetch(r -> new Row(r.value1(), r.value2(), r.value3(), r.value4()));
  }

  public static List<String> keys(DSLContext dsl, long accountId) {
    return rows(dsl, accountId).stream().map(Row::key).toList();
  }
}
