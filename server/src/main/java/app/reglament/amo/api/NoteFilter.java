package app.reglament.amo.api;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Which lead notes to read. A null component sets no condition; an empty id list matches nothing.
 *
 * @param entityIds only notes on these leads, or null
 * @param noteTypes only these types ({@code common}, {@code call_in}, {@code call_out}, …), or null
 * @param updatedFrom only notes changed at or after this time (oldest first), or null
 */
public record NoteFilter(List<Long> entityIds, List<String> noteTypes, Instant updatedFrom) {

  public NoteFilter {
    entityIds = entityIds == null ? null : List.copyOf(entityIds);
    noteTypes = noteTypes == null ? null : List.copyOf(noteTypes);
  }

  public static NoteFilter all() {
    return new NoteFilter(null, null, null);
  }

  public static NoteFilter onLeads(Collection<Long> leadIds) {
    return new NoteFilter(List.copyOf(leadIds), null, null);
  }

  public static NoteFilter updatedSince(Instant from) {
    return new NoteFilter(null, null, from);
  }

  public NoteFilter ofTypes(String... types) {
    return new NoteFilter(entityIds, List.of(types), updatedFrom);
  }

  AmoRequest applyTo(AmoRequest request) {
    AmoRequest filtered =
        noteTypes == null ? request : request.params("filter[note_type][]", noteTypes);
    return updatedFrom == null
        ? filtered
        : filtered
            .param("filter[updated_at][from]", updatedFrom.getEpochSecond())
            .param("order[updated_at]", "asc");
  }
}
