package app.reglament.amo.api;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Which events to read. A null component sets no condition; an empty id list matches nothing.
 *
 * @param createdFrom only events at or after this time, or null
 * @param types only these event types ({@code lead_status_changed}, {@code outgoing_call}, …), or
 *     null
 * @param entity with {@code entityIds}: {@code lead}, {@code contact}, {@code company}, {@code
 *     task}
 * @param entityIds only events of these entities, or null; amoCRM takes 10 per request
 */
public record EventFilter(
    Instant createdFrom, List<String> types, String entity, List<Long> entityIds) {

  /** amoCRM's limit on {@code filter[entity_id]} of events. */
  public static final int MAX_ENTITY_IDS_PER_REQUEST = 10;

  public EventFilter {
    types = types == null ? null : List.copyOf(types);
    entityIds = entityIds == null ? null : List.copyOf(entityIds);
    if ((entity == null) != (entityIds == null)) {
      throw new IllegalArgumentException("entity and entityIds go together");
    }
  }

  public static EventFilter since(Instant from) {
    return new EventFilter(from, null, null, null);
  }

  public static EventFilter onLeads(Collection<Long> leadIds) {
    return new EventFilter(null, null, "lead", List.copyOf(leadIds));
  }

  public EventFilter ofTypes(String... eventTypes) {
    return new EventFilter(createdFrom, List.of(eventTypes), entity, entityIds);
  }

  public EventFilter createdFrom(Instant from) {
    return new EventFilter(from, types, entity, entityIds);
  }

  AmoRequest applyTo(AmoRequest request) {
    AmoRequest filtered =
        request
            .param(
                "filter[created_at][from]",
                createdFrom == null ? null : createdFrom.getEpochSecond())
            .param("filter[entity][]", entity);
    return types == null ? filtered : filtered.params("filter[type][]", types);
  }
}
