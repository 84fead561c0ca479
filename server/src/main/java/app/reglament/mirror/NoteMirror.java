package app.reglament.mirror;

import static app.reglament.db.generated.Tables.NOTES;

import app.reglament.db.generated.tables.records.NotesRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The mirror of notes on deals: closing comments, calls with their durations, SMS. Writing a call
 * note also settles whether the incoming call that points to it was missed.
 */
public final class NoteMirror {
  private final DSLContext dsl;
  private final Clock clock;

  /** A mirror whose marks for the rules engine carry the system time (tests and tools). */
  public NoteMirror(DSLContext dsl) {
    this(dsl, Clock.systemUTC());
  }

  /** A mirror that marks the deals of the notes it writes for the rules engine. */
  public NoteMirror(DSLContext dsl, Clock clock) {
    this.dsl = dsl;
    this.clock = clock;
  }

  /**
   * Writes notes read from amoCRM; a read older than the mirror's copy is left out, and a repeated
   * read leaves the mirror as it was.
   */
  public void upsert(long accountId, List<Rows.Note> incoming) {
    List<Rows.Note> notes =
        Upserts.notOlder(
            dsl,
            incoming,
            Rows.Note::id,
            Rows.Note::updatedAt,
            NOTES.NOTE_ID,
            NOTES.UPDATED_AT,
            NOTES.ACCOUNT_ID.eq(accountId));
    if (notes.isEmpty()) {
      return;
    }
    Upserts.upsert(dsl, notes.stream().map(n -> toRecord(accountId, n)).toList());
    MissedCalls.settle(
        dsl,
        accountId,
        notes.stream().filter(n -> n.duration() != null).map(Rows.Note::id).toList());
    DirtyLeads.mark(
        dsl,
        accountId,
        notes.stream().map(Rows.Note::leadId).filter(java.util.Objects::nonNull).toList(),
        clock.instant());
  }

  private static NotesRecord toRecord(long accountId, Rows.Note n) {
    // amoCRM always sends both times; a note without them still gets stored rather than refused.
    Instant created =
        n.createdAt() != null
            ? n.createdAt()
            : n.updatedAt() != null ? n.updatedAt() : Instant.EPOCH;
    return new NotesRecord(
        accountId,
        n.id(),
        n.leadId(),
        n.type(),
        n.text(),
        n.duration(),
        n.createdBy(),
        created,
        n.updatedAt() != null ? n.updatedAt() : created);
  }

  /** The notes on one deal, oldest first. */
  public List<Rows.Note> notesOf(long accountId, long leadId) {
    return dsl.selectFrom(NOTES)
        .where(NOTES.ACCOUNT_ID.eq(accountId))
        .and(NOTES.LEAD_ID.eq(leadId))
        .orderBy(NOTES.CREATED_AT, NOTES.NOTE_ID)
        .fetch(
            r ->
                new Rows.Note(
                    r.getNoteId(),
                    r.getLeadId(),
                    r.getNoteType(),
                    r.getText(),
                    r.getDuration(),
                    r.getCreatedBy(),
                    r.getCreatedAt(),
                    r.getUpdatedAt()));
  }

  /** How many notes each deal has. */
  public Map<Long, Integer> notesPerLead(long accountId) {
    return dsl.select(NOTES.LEAD_ID, DSL.count())
        .from(NOTES)
        .where(NOTES.ACCOUNT_ID.eq(accountId))
        .groupBy(NOTES.LEAD_ID)
        .fetchMap(NOTES.LEAD_ID, DSL.count());
  }
}
