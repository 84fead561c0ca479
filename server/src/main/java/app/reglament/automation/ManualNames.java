package app.reglament.automation;

import static app.reglament.db.generated.Tables.NAMING_MANUAL;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Deals whose name a head or administrator declared manual: auto-naming never renames them. Marking
 * twice keeps the first mark.
 */
public final class ManualNames {
  private final DSLContext dsl;
  private final Clock clock;

  public ManualNames(DSLContext dsl, Clock clock) {
    this.dsl = dsl;
    this.clock = clock;
  }

  /** Who marked the deal's name as manual, and when. */
  public record Mark(long leadId, long markedBy, Instant markedAt) {}

  public Mark mark(long accountId, long leadId, long userId) {
    dsl.insertInto(NAMING_MANUAL)
        .set(NAMING_MANUAL.ACCOUNT_ID, accountId)
        .set(NAMING_MANUAL.LEAD_ID, leadId)
        .set(NAMING_MANUAL.MARKED_BY, userId)
        .set(NAMING_MANUAL.MARKED_AT, clock.instant())
        .onDuplicateKeyIgnore()
        .execute();
    return find(accountId, leadId).orElseThrow();
  }

  /** Returns whether there was a mark. */
  public boolean unmark(long accountId, long leadId) {
    return dsl.deleteFrom(NAMING_MANUAL)
            .where(NAMING_MANUAL.ACCOUNT_ID.eq(accountId), NAMING_MANUAL.LEAD_ID.eq(leadId))
            .execute()
        > 0;
  }

  public Optional<Mark> find(long accountId, long leadId) {
    return dsl.select(NAMING_MANUAL.MARKED_BY, NAMING_MANUAL.MARKED_AT)
        .from(NAMING_MANUAL)
        .where(NAMING_MANUAL.ACCOUNT_ID.eq(accountId), NAMING_MANUAL.LEAD_ID.eq(leadId))
        .fetchOptional(r -> new Mark(leadId, r.value1(), r.value2()));
  }
}
