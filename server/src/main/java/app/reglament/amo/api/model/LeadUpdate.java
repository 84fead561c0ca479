package app.reglament.amo.api.model;

import java.util.List;

/**
 * A change to one lead for {@code PATCH /api/v4/leads}; fields left null are not touched. A stage
 * is always sent with its pipeline because status ids 142/143 repeat in every pipeline.
 */
public record LeadUpdate(
    long id,
    String name,
    Long statusId,
    Long pipelineId,
    Long responsibleUserId,
    List<CustomFieldValue> customFieldsValues) {

  public static LeadUpdate of(long id) {
    return new LeadUpdate(id, null, null, null, null, null);
  }

  public LeadUpdate withName(String value) {
    return new LeadUpdate(id, value, statusId, pipelineId, responsibleUserId, customFieldsValues);
  }

  public LeadUpdate withStatus(long pipeline, long status) {
    return new LeadUpdate(id, name, status, pipeline, responsibleUserId, customFieldsValues);
  }

  public LeadUpdate withResponsibleUser(long userId) {
    return new LeadUpdate(id, name, statusId, pipelineId, userId, customFieldsValues);
  }

  public LeadUpdate withCustomFields(List<CustomFieldValue> values) {
    return new LeadUpdate(id, name, statusId, pipelineId, responsibleUserId, List.copyOf(values));
  }
}
