package app.reglament.sandbox.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A deal as the store keeps it. {@code createdBy} / {@code updatedBy} 0 mean amoCRM itself or a
 * robot; {@code closedAt} is set while the deal is in 142 or 143; {@code contactIds} lists the main
 * contact first.
 */
public record Lead(
    long id,
    String name,
    long price,
    long responsibleUserId,
    long pipelineId,
    long statusId,
    Long lossReasonId,
    long createdBy,
    long updatedBy,
    Instant createdAt,
    Instant updatedAt,
    Instant closedAt,
    boolean deleted,
    List<FieldValue> customFields,
    List<Long> contactIds) {

  public Lead {
    customFields = List.copyOf(customFields);
    contactIds = List.copyOf(contactIds);
  }

  public Optional<FieldValue> field(long fieldId) {
    return customFields.stream().filter(f -> f.fieldId() == fieldId).findFirst();
  }

  /** Won or lost. */
  public boolean closed() {
    return statusId == Status.WON || statusId == Status.LOST;
  }

  Lead with(
      String newName,
      long newPrice,
      long newResponsible,
      long newPipeline,
      long newStatus,
      Long newLossReason,
      long by,
      Instant at,
      Instant newClosedAt,
      List<FieldValue> newFields,
      List<Long> newContacts) {
    return new Lead(
        id,
        newName,
        newPrice,
        newResponsible,
        newPipeline,
        newStatus,
        newLossReason,
        createdBy,
        by,
        createdAt,
        at,
        newClosedAt,
        deleted,
        newFields,
        newContacts);
  }

  Lead deleted(boolean value, long by, Instant at) {
    return new Lead(
        id,
        name,
        price,
        responsibleUserId,
        pipelineId,
        statusId,
        lossReasonId,
        createdBy,
        by,
        createdAt,
        at,
        closedAt,
        value,
        customFields,
        contactIds);
  }
}
