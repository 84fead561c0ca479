package app.reglament.sandbox.store;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The definition of a lead custom field.
 *
 * @param type amoCRM's field type: {@code text}, {@code numeric}, {@code select}, {@code
 *     multiselect}, {@code date}, {@code checkbox}, {@code textarea}, {@code url}, …
 */
public record CustomField(
    long id,
    String name,
    String code,
    String type,
    int sort,
    List<FieldEnum> enums,
    List<RequiredStatus> requiredStatuses) {

  /** Types whose values are options of {@link #enums()}. */
  public static final Set<String> ENUM_TYPES = Set.of("select", "multiselect", "radiobutton");

  /** Types whose values amoCRM writes as Unix seconds. */
  public static final Set<String> DATE_TYPES = Set.of("date", "date_time", "birthday");

  public CustomField {
    enums = List.copyOf(enums);
    requiredStatuses = List.copyOf(requiredStatuses);
  }

  public boolean hasEnums() {
    return ENUM_TYPES.contains(type);
  }

  public Optional<FieldEnum> enumById(long enumId) {
    return enums.stream().filter(e -> e.id() == enumId).findFirst();
  }

  public Optional<FieldEnum> enumByValue(String value) {
    return enums.stream().filter(e -> e.value().equalsIgnoreCase(value)).findFirst();
  }

  /** Whether amoCRM's own settings require this field in the given stage. */
  public boolean requiredIn(long pipelineId, long statusId) {
    return requiredStatuses.contains(new RequiredStatus(pipelineId, statusId));
  }
}
