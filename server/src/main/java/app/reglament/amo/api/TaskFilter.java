package app.reglament.amo.api;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Which tasks to read. A null component sets no condition; an empty id list matches nothing. amoCRM
 * cannot sort tasks by {@code updated_at}, so a cursor over {@link #updatedSince} must read to the
 * last page before it moves.
 *
 * @param ids only these tasks, or null
 * @param updatedFrom only tasks changed at or after this time, or null
 * @param entityType with {@code entityIds}: {@code leads}, {@code contacts}, {@code companies}
 * @param entityIds only tasks on these entities, or null
 * @param completed only completed (true) or open (false) tasks, or null for both
 */
public record TaskFilter(
    List<Long> ids,
    Instant updatedFrom,
    String entityType,
    List<Long> entityIds,
    Boolean completed) {

  public TaskFilter {
    ids = ids == null ? null : List.copyOf(ids);
    entityIds = entityIds == null ? null : List.copyOf(entityIds);
    if (ids != null && entityIds != null) {
      throw new IllegalArgumentException("filter tasks by their ids or by entity ids, not both");
    }
    if ((entityType == null) != (entityIds == null)) {
      throw new IllegalArgumentException("entityType and entityIds go together");
    }
  }

  public static TaskFilter all() {
    return new TaskFilter(null, null, null, null, null);
  }

  public static TaskFilter ids(Collection<Long> ids) {
    return new TaskFilter(List.copyOf(ids), null, null, null, null);
  }

  public static TaskFilter updatedSince(Instant from) {
    return new TaskFilter(null, from, null, null, null);
  }

  /** The tasks set on these leads. */
  public static TaskFilter onLeads(Collection<Long> leadIds) {
    return new TaskFilter(null, null, "leads", List.copyOf(leadIds), null);
  }

  /** Only tasks not completed yet. */
  public TaskFilter openOnly() {
    return new TaskFilter(ids, updatedFrom, entityType, entityIds, false);
  }

  AmoRequest applyTo(AmoRequest request) {
    AmoRequest filtered =
        request
            .param("filter[entity_type]", entityType)
            .param("filter[is_completed]", completed == null ? null : completed ? 1 : 0);
    return updatedFrom == null
        ? filtered
        : filtered.param("filter[updated_at][from]", updatedFrom.getEpochSecond());
  }
}
