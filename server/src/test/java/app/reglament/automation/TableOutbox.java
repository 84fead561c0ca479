package app.reglament.automation;

import static app.reglament.db.generated.Tables.ACTION_OUTBOX;

import app.reglament.outbox.Action;
import app.reglament.outbox.Outbox;
import app.reglament.web.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;

/**
 * A stand-in for the outbox helper's implementation, for tests only until it is merged: queues into
 * {@code action_outbox} as V1 created it, one row per account and idempotency key, the audit in the
 * payload. It proves what the automations put into the caller's transaction, nothing about sending.
 */
public final class TableOutbox implements Outbox {
  private static final Instant QUEUED = Instant.parse("2025-06-01T00:00:00Z");

  public record Row(String key, String kind, String payload) {}

  record Payload(Action action, Audit audit) {}

  @Override
  public boolean enqueue(
      DSLContext tx, long accountId, String idempotencyKey, Action action, Audit audit) {
    String payload;
    try {
      payload = Json.mapper().writeValueAsString(new Payload(action, audit));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return tx.insertInto(ACTION_OUTBOX)
            .set(ACTION_OUTBOX.ACCOUNT_ID, accountId)
            .set(ACTION_OUTBOX.KIND, action.kind())
            .set(ACTION_OUTBOX.PAYLOAD, payload)
            .set(ACTION_OUTBOX.IDEMPOTENCY_KEY, idempotencyKey)
            .set(ACTION_OUTBOX.STATE, "pending")
            .set(ACTION_OUTBOX.CREATED_AT, QUEUED)
            .set(ACTION_OUTBOX.NEXT_ATTEMPT_AT, QUEUED)
            .onDuplicateKeyIgnore()
            .execute()
        > 0;
  }

  /** The account's queued rows, by key. */
  public static List<Row> rows(DSLContext dsl, long accountId) {
    return dsl.select(ACTION_OUTBOX.IDEMPOTENCY_KEY, ACTION_OUTBOX.KIND, ACTION_OUTBOX.PAYLOAD)
        .from(ACTION_OUTBOX)
        .where(ACTION_OUTBOX.ACCOUNT_ID.eq(accountId))
        .orderBy(ACTION_OUTBOX.IDEMPOTENCY_KEY)
        .fetch(r -> new Row(r.value1(), r.value2(), r.value3()));
  }

  public static List<String> keys(DSLContext dsl, long accountId) {
    return rows(dsl, accountId).stream().map(Row::key).toList();
  }
}
