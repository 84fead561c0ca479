package app.reglament.outbox;

import static app.reglament.db.generated.Tables.ACTION_OUTBOX;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.SQLStateClass;

/**
 * The outbox in {@code action_outbox}: an action becomes a queued row in the caller's transaction,
 * so it is sent exactly when the decision that made it was committed.
 */
public final class JooqOutbox implements Outbox {
  static final int MAX_REASON_LENGTH = 1000;
  static final int MAX_AUTOMATION_LENGTH = 64;
  static final int MAX_KEY_LENGTH = 191;

  private final Clock clock;
  private final Runnable queued;

  /**
   * @param queued told after each new row (the executor's wake-up); it may run before the caller's
   *     transaction commits, so the executor's own polling stays the guarantee
   */
  public JooqOutbox(Clock clock, Runnable queued) {
    this.clock = clock;
    this.queued = queued;
  }

  public JooqOutbox(Clock clock) {
    this(clock, () -> {});
  }

  @Override
  public boolean enqueue(
      DSLContext tx, long accountId, String idempotencyKey, Action action, Audit audit) {
    if (idempotencyKey == null || idempotencyKey.isBlank()) {
      throw new IllegalArgumentException("An action needs an idempotency key");
    }
    Audit said = audit == null ? new Audit(null, null, null) : audit;
    var now = clock.instant();
    try {
      tx.insertInto(ACTION_OUTBOX)
          .set(ACTION_OUTBOX.ACCOUNT_ID, accountId)
          .set(ACTION_OUTBOX.KIND, action.kind())
          .set(ACTION_OUTBOX.PAYLOAD, ActionCodec.payload(action))
          .set(ACTION_OUTBOX.IDEMPOTENCY_KEY, storedKey(idempotencyKey))
          .set(ACTION_OUTBOX.STATE, OutboxRepository.QUEUED)
          .set(ACTION_OUTBOX.ATTEMPTS, 0)
          .set(ACTION_OUTBOX.CREATED_AT, now)
          .set(ACTION_OUTBOX.NEXT_ATTEMPT_AT, now)
          .set(ACTION_OUTBOX.ENTITY_ID, ActionCodec.entityId(action))
          .set(
              ACTION_OUTBOX.LEAD_ID,
              said.leadId() != null ? said.leadId() : ActionCodec.leadOf(action))
          .set(ACTION_OUTBOX.AUTOMATION, cut(said.automation(), MAX_AUTOMATION_LENGTH))
          .set(ACTION_OUTBOX.REASON, cut(said.reason(), MAX_REASON_LENGTH))
          .execute();
    } catch (DataAccessException e) {
      // A plain insert that may hit the unique key, as the webhook inbox does: H2's emulation of
      // "insert ignore" scans the table. MySQL, MariaDB and H2 fail only the statement, not the
      // caller's transaction.
      if (e.sqlStateClass() == SQLStateClass.C23_INTEGRITY_CONSTRAINT_VIOLATION) {
        return false;
      }
      throw e;
    }
    queued.run();
    return true;
  }

  /**
   * The key as stored: a key longer than the column (it may hold a deal's name) keeps its start and
   * ends in the SHA-256 of the whole, so two long keys differing at the end stay two keys.
   */
  static String storedKey(String key) {
    if (key.length() <= MAX_KEY_LENGTH) {
      return key;
    }
    String digest;
    try {
      digest =
          HexFormat.of()
              .formatHex(
                  MessageDigest.getInstance("SHA-256")
                      .digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
    return key.substring(0, MAX_KEY_LENGTH - digest.length() - 1) + "#" + digest;
  }

  private static String cut(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
