package app.reglament.mirror;

import static app.reglament.db.generated.Tables.COMMUNICATIONS;
import static app.reglament.db.generated.Tables.NOTES;

import java.util.Collection;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Keeps {@code communications.is_missed} equal to "an incoming call whose call note lasted 0
 * seconds". The call event (which names its note) and the note (which carries the duration) arrive
 * in either order, so both writers call {@link #settle} for the notes they wrote; whichever comes
 * second sets the flag, and repeating it changes nothing. A call whose note the mirror does not
 * hold yet is not missed until the note arrives.
 */
final class MissedCalls {
  /** Bounds the IN list of one statement. */
  private static final int CHUNK = 500;

  private MissedCalls() {}

  /** Sets is_missed of the incoming calls that point to these notes from the notes' durations. */
  static void settle(DSLContext dsl, long accountId, Collection<Long> noteIds) {
    List<Long> ids = noteIds.stream().distinct().toList();
    for (int from = 0; from < ids.size(); from += CHUNK) {
      List<Long> chunk = ids.subList(from, Math.min(from + CHUNK, ids.size()));
      dsl.update(COMMUNICATIONS)
          .set(
              COMMUNICATIONS.IS_MISSED,
              DSL.field(
                  DSL.exists(
                      DSL.selectOne()
                          .from(NOTES)
                          .where(NOTES.ACCOUNT_ID.eq(COMMUNICATIONS.ACCOUNT_ID))
                          .and(NOTES.NOTE_ID.eq(COMMUNICATIONS.NOTE_ID))
                          .and(NOTES.DURATION.eq(0)))))
          .where(COMMUNICATIONS.ACCOUNT_ID.eq(accountId))
          .and(COMMUNICATIONS.NOTE_ID.in(chunk))
          .and(COMMUNICATIONS.CHANNEL.eq("call"))
          .and(COMMUNICATIONS.DIRECTION.eq("in"))
          .execute();
    }
  }
}
