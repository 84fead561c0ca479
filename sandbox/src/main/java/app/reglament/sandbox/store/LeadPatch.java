package app.reglament.sandbox.store;

import java.util.List;

/**
 * A change to one deal; null components are left as they are. A stage given without a pipeline is a
 * stage of the deal's current pipeline (142/143 always are); a pipeline without a stage means its
 * first regular stage.
 *
 * @param customFields each entry replaces that field's values; an entry without values clears it
 * @param contactIds the deal's contacts after the change, main first
 */
public record LeadPatch(
    long id,
    String name,
    Long price,
    Long pipelineId,
    Long statusId,
    Long responsibleUserId,
    Long lossReasonId,
    List<FieldValue> customFields,
    List<Long> contactIds) {

  public LeadPatch {
    customFields = customFields == null ? null : List.copyOf(customFields);
    contactIds = contactIds == null ? null : List.copyOf(contactIds);
  }

  public static LeadPatch of(long id) {
    return new LeadPatch(id, null, null, null, null, null, null, null, null);
  }

  public LeadPatch withName(String value) {
    return new LeadPatch(
        id,
        value,
        price,
        pipelineId,
        statusId,
        responsibleUserId,
        lossReasonId,
        customFields,
        contactIds);
  }

  public LeadPatch withPrice(long value) {
    return new LeadPatch(
        id,
        name,
        value,
        pipelineId,
        statusId,
        responsibleUserId,
        lossReasonId,
        customFields,
        contactIds);
  }

  public LeadPatch withStage(Long pipeline, long status) {
    return new LeadPatch(
        id,
        name,
        price,
        pipeline,
        status,
        responsibleUserId,
        lossReasonId,
        customFields,
        contactIds);
  }

  public LeadPatch withResponsible(long userId) {
    return new LeadPatch(
        id, name, price, pipelineId, statusId, userId, lossReasonId, customFields, contactIds);
  }

  public LeadPatch withLossReason(long reasonId) {
    return new LeadPatch(
        id,
        name,
        price,
        pipelineId,
        statusId,
        responsibleUserId,
        reasonId,
        customFields,
        contactIds);
  }

  public LeadPatch withFields(List<FieldValue> values) {
    return new LeadPatch(
        id, name, price, pipelineId, statusId, responsibleUserId, lossReasonId, values, contactIds);
  }

  public LeadPatch withContacts(List<Long> ids) {
    return new LeadPatch(
        id, name, price, pipelineId, statusId, responsibleUserId, lossReasonId, customFields, ids);
  }
}
