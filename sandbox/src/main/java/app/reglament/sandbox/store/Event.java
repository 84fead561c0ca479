package app.reglament.sandbox.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An entry of the account's event log, as {@code /api/v4/events} lists it. The id is a string, as
 * in amoCRM. {@code valueBefore} / {@code valueAfter} are amoCRM's shapes, e.g. {@code
 * [{"lead_status":{"id":142,"pipeline_id":7}}]} for {@code lead_status_changed}.
 *
 * @param entityType {@code lead}, {@code contact} or {@code task} (singular, unlike tasks' {@code
 *     entity_type})
 */
public record Event(
    String id,
    String type,
    String entityType,
    long entityId,
    long createdBy,
    Instant createdAt,
    List<Map<String, Object>> valueBefore,
    List<Map<String, Object>> valueAfter) {

  public Event {
    valueBefore = List.copyOf(valueBefore);
    valueAfter = List.copyOf(valueAfter);
  }
}
