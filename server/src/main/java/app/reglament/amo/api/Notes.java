package app.reglament.amo.api;

import app.reglament.amo.api.model.NewNote;
import app.reglament.amo.api.model.Note;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Notes on leads: {@code /api/v4/leads/notes} (calls, chats, comments, system messages). */
public final class Notes {
  static final String LEAD_NOTES_PATH = "/api/v4/leads/notes";
  static final String KEY = "notes";

  private final HalPager pager;
  private final BatchWriter writer;
  private final int limit;

  Notes(HalPager pager, BatchWriter writer, AmoClientSettings settings) {
    this.pager = pager;
    this.writer = writer;
    this.limit = settings.pageLimit();
  }

  public void forEachPageOnLeads(
      long accountId, NoteFilter filter, Consumer<List<Note>> pageConsumer) {
    pager.forEachPageOfIds(
        accountId,
        filter.applyTo(AmoRequest.get(LEAD_NOTES_PATH)),
        "filter[entity_id][]",
        filter.entityIds(),
        limit,
        KEY,
        Note.class,
        limit,
        pageConsumer);
  }

  /**
   * One page of the lead notes changed since {@code filter.updatedFrom()}, oldest change first,
   * {@link #pageLimit()} at most: for a walk by the notes' own change time, as reconciliation does.
   */
  public List<Note> changedPage(long accountId, NoteFilter filter, int page) {
    return pager.page(
        accountId, filter.applyTo(AmoRequest.get(LEAD_NOTES_PATH)), KEY, Note.class, limit, page);
  }

  public int pageLimit() {
    return limit;
  }

  public List<Note> listOnLeads(long accountId, NoteFilter filter) {
    List<Note> all = new ArrayList<>();
    forEachPageOnLeads(accountId, filter, all::addAll);
    return all;
  }

  /** Adds the notes to their leads in batches; returns the notes' ids in order. */
  public List<Long> addToLeads(long accountId, List<NewNote> notes) {
    return addToLeads(accountId, notes, BatchProgress.NONE);
  }

  public List<Long> addToLeads(long accountId, List<NewNote> notes, BatchProgress progress) {
    return writer.write(accountId, "POST", LEAD_NOTES_PATH, KEY, notes, progress);
  }
}
