package app.reglament.sandbox.store;

import java.util.List;

/**
 * A deal to create. Null components take amoCRM's defaults: name "Сделка #id", price 0, the main
 * pipeline, its first regular stage, the acting user as responsible.
 *
 * @param customFields values to set; a select value may name its option by id or by text
 * @param contactIds contacts to link, main contact first
 */
public record NewLead(
    String name,
    Long price,
    Long pipelineId,
    Long statusId,
    Long responsibleUserId,
    Long lossReasonId,
    List<FieldValue> customFields,
    List<Long> contactIds) {

  public NewLead {
    customFields = customFields == null ? List.of() : List.copyOf(customFields);
    contactIds = contactIds == null ? List.of() : List.copyOf(contactIds);
  }

  /** A deal with this name and every other component at its default. */
  public static NewLead named(String name) {
    return new NewLead(name, null, null, null, null, null, List.of(), List.of());
  }

  public NewLead inStage(long pipeline, long status) {
    return new NewLead(
        name, price, pipeline, status, responsibleUserId, lossReasonId, customFields, contactIds);
  }

  public NewLead withResponsible(long userId) {
    return new NewLead(
        name, price, pipelineId, statusId, userId, lossReasonId, customFields, contactIds);
  }

  public NewLead withPrice(long value) {
    return new NewLead(
        name,
        value,
        pipelineId,
        statusId,
        responsibleUserId,
        lossReasonId,
        customFields,
        contactIds);
  }

  public NewLead withFields(List<FieldValue> values) {
    return new NewLead(
        name, price, pipelineId, statusId, responsibleUserId, lossReasonId, values, contactIds);
  }

  public NewLead withContacts(List<Long> ids) {
    return new NewLead(
        name, price, pipelineId, statusId, responsibleUserId, lossReasonId, customFields, ids);
  }
}
