package app.reglament.amo.api.model;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * A deal, {@code GET /api/v4/leads?with=contacts,loss_reason}. {@code createdBy} or {@code
 * updatedBy} 0 means a robot or amoCRM itself.
 */
public record Lead(
    long id,
    String name,
    Long price,
    Long responsibleUserId,
    Long groupId,
    long statusId,
    long pipelineId,
    Long lossReasonId,
    Long sourceId,
    Long createdBy,
    Long updatedBy,
    Instant createdAt,
    Instant updatedAt,
    Instant closedAt,
    Instant closestTaskAt,
    boolean isDeleted,
    List<CustomFieldValue> customFieldsValues,
    Integer score,
    Long accountId,
    @JsonProperty("_embedded") Embedded embedded) {

  public Lead {
    customFieldsValues = Nulls.list(customFieldsValues);
    embedded = embedded == null ? new Embedded(null, null, null, null) : embedded;
  }

  /**
   * @param lossReason amoCRM sends it as a one-element array; a bare object is accepted too
   */
  public record Embedded(
      List<EntityLink> contacts,
      List<EntityLink> companies,
      List<Tag> tags,
      @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
          List<LossReason> lossReason) {
    public Embedded {
      contacts = Nulls.list(contacts);
      companies = Nulls.list(companies);
      tags = Nulls.list(tags);
      lossReason = Nulls.list(lossReason);
    }
  }

  public List<EntityLink> contacts() {
    return embedded.contacts();
  }

  /** The main contact's id, or null when the lead has no contact. */
  public Long mainContactId() {
    return contacts().stream()
        .filter(EntityLink::isMain)
        .findFirst()
        .or(() -> contacts().stream().findFirst())
        .map(EntityLink::id)
        .orElse(null);
  }

  public List<EntityLink> companies() {
    return embedded.companies();
  }

  public List<Tag> tags() {
    return embedded.tags();
  }

  /** The loss reason, when asked for with {@code loss_reason} and the lead has one; else null. */
  public LossReason lossReason() {
    return embedded.lossReason().isEmpty() ? null : embedded.lossReason().get(0);
  }

  /** The value of one custom field, or null when the lead has none. */
  public CustomFieldValue customField(long fieldId) {
    return customFieldsValues.stream()
        .filter(v -> v.fieldId() != null && v.fieldId() == fieldId)
        .findFirst()
        .orElse(null);
  }
}
