package app.reglament.sandbox.store;

import java.time.Instant;
import java.util.List;

/** A client person. Deals link to contacts; the first contact of a deal is its main one. */
public record Contact(
    long id,
    String name,
    long responsibleUserId,
    List<FieldValue> customFields,
    long createdBy,
    long updatedBy,
    Instant createdAt,
    Instant updatedAt) {

  public Contact {
    customFields = List.copyOf(customFields);
  }
}
