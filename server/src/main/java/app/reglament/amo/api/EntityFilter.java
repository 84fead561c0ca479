package app.reglament.amo.api;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Which leads or contacts to read. A null component sets no condition; an empty id list matches
 * nothing (and sends no request), so "re-read these 0 leads" never turns into "read them all".
 *
 * @param ids only these entities, or null for any
 * @param updatedFrom only entities changed at or after this time, or null for any
 */
public record EntityFilter(List<Long> ids, Instant updatedFrom) {

  public EntityFilter {
    ids = ids == null ? null : List.copyOf(ids);
  }

  public static EntityFilter all() {
    return new EntityFilter(null, null);
  }

  public static EntityFilter ids(Collection<Long> ids) {
    return new EntityFilter(List.copyOf(ids), null);
  }

  /**
   * Changed since {@code from}, oldest change first: a reconciliation cursor can move to the last
   * {@code updated_at} of each page it has stored.
   */
  public static EntityFilter updatedSince(Instant from) {
    return new EntityFilter(null, from);
  }

  AmoRequest applyTo(AmoRequest request) {
    if (updatedFrom == null) {
      return request;
    }
    return request
        .param("filter[updated_at][from]", updatedFrom.getEpochSecond())
        .param("order[updated_at]", "asc");
  }
}
