package app.reglament.amo.webhook;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An entry Reglament does not read: a kind amoCRM added ({@code customers}, {@code unsorted}, …) or
 * an action it does not expect on a known kind. Kept with its raw fields, flattened back into
 * PHP-style keys relative to the entry ({@code "id"}, {@code "custom_fields[0][id]"}), so the
 * worker can log it and nothing amoCRM sends is dropped without a trace.
 */
public record OtherEvent(String entity, String wireAction, Map<String, String> fields)
    implements WebhookEvent {

  public OtherEvent {
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  @Override
  public EntityKind kind() {
    return EntityKind.OTHER;
  }

  @Override
  public Action action() {
    return Action.fromWire(wireAction);
  }

  /** Nothing: an unknown entry is not trusted to name what the worker should re-read. */
  @Override
  public List<EntityRef> touched() {
    return List.of();
  }
}
