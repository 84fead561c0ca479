package app.reglament.amo.api;

/**
 * One field amoCRM refused in a write, from its {@code validation-errors}.
 *
 * @param requestId amoCRM's {@code request_id}: the position in the batch it received, as text
 * @param index position of the entity in the list the caller passed, or null when unknown
 * @param entityId id of the entity being updated, or null for a create or when unknown
 * @param path the refused field, e.g. {@code status_id} or {@code custom_fields_values.0.values}
 * @param code amoCRM's error code, e.g. {@code NotSupportedChoice}
 * @param detail amoCRM's explanation
 */
public record ValidationError(
    String requestId, Integer index, Long entityId, String path, String code, String detail) {

  /** E.g. {@code leads[3] (id 42) status_id: NotSupportedChoice (The value is not allowed)}. */
  public String describe(String entityKind) {
    StringBuilder text = new StringBuilder(entityKind);
    if (index != null) {
      text.append('[').append(index).append(']');
    } else if (requestId != null) {
      text.append(" request ").append(requestId);
    }
    if (entityId != null) {
      text.append(" (id ").append(entityId).append(')');
    }
    text.append(' ').append(path == null ? "(no field)" : path).append(": ");
    text.append(code == null ? "rejected" : code);
    if (detail != null && !detail.isBlank()) {
      text.append(" (").append(detail).append(')');
    }
    return text.toString();
  }
}
