package app.reglament.amo.api.model;

import java.util.List;

/** {@code GET /api/v4/leads/custom_fields}: a field's definition, not its value on a lead. */
public record CustomFieldDefinition(
    long id,
    String name,
    String code,
    String type,
    Integer sort,
    boolean isApiOnly,
    List<FieldEnum> enums,
    List<RequiredStatus> requiredStatuses) {

  public CustomFieldDefinition {
    enums = Nulls.list(enums);
    requiredStatuses = Nulls.list(requiredStatuses);
  }

  /** One option of a select, multiselect or radiobutton field. */
  public record FieldEnum(long id, String value, Integer sort) {}

  /** amoCRM's own "required at this stage" setting. */
  public record RequiredStatus(long statusId, long pipelineId) {}
}
