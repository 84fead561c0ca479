package app.reglament.sandbox.ui;

import app.reglament.sandbox.store.CustomField;
import app.reglament.sandbox.store.FieldEnum;
import app.reglament.sandbox.store.FieldValue;
import app.reglament.sandbox.store.Lead;
import app.reglament.sandbox.ui.CardView.FieldRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A custom field's control on the card and the way back: which control each amoCRM field type gets,
 * and how what the control sends becomes the values the store takes. Controls are named {@code
 * CFV[fieldId]}, as amoCRM's card names them; option fields send option ids.
 */
final class FieldRows {
  private static final Set<String> CHECKED = Set.of("1", "true");

  private FieldRows() {}

  static String inputName(long fieldId) {
    return "CFV[" + fieldId + "]";
  }

  static FieldRow of(CustomField field, Lead lead) {
    Optional<FieldValue> current = lead.field(field.id());
    List<FieldValue.Value> values = current.map(FieldValue::values).orElse(List.of());
    String first = values.isEmpty() ? "" : Objects.toString(values.get(0).value(), "");
    String type = field.type();
    boolean multiple = type.equals("multiselect");
    boolean select = field.hasEnums() && !multiple;
    boolean textarea = type.equals("textarea");
    boolean checkbox = type.equals("checkbox");
    boolean date = CustomField.DATE_TYPES.contains(type);
    String inputType = date ? "date" : type.equals("url") ? "url" : "text";
    List<Option> options =
        field.enums().stream()
            .map(e -> Option.of(e.id(), e.value(), values.stream().anyMatch(v -> same(v, e))))
            .toList();
    return new FieldRow(
        field.id(),
        field.name(),
        type,
        field.requiredIn(lead.pipelineId(), lead.statusId()),
        inputName(field.id()),
        date ? Formats.inputDate(first) : first,
        inputType,
        select,
        multiple,
        textarea,
        checkbox,
        checkbox && CHECKED.contains(first),
        !(select || multiple || textarea || checkbox),
        options);
  }

  /**
   * The values a submitted control stands for; an empty control clears the field. Anything the
   * field cannot hold is a {@link UiProblem} naming the field.
   */
  static List<FieldValue.Value> parse(CustomField field, List<String> submitted) {
    List<String> given = submitted.stream().filter(s -> !s.isEmpty()).toList();
    if (field.type().equals("checkbox")) {
      return given.stream().anyMatch(CHECKED::contains)
          ? List.of(FieldValue.Value.text("true"))
          : List.of();
    }
    if (field.hasEnums()) {
      List<FieldValue.Value> options = new ArrayList<>();
      for (String text : given) {
        options.add(FieldValue.Value.option(option(field, text)));
      }
      return options;
    }
    if (given.isEmpty()) {
      return List.of();
    }
    String text = given.get(given.size() - 1);
    if (CustomField.DATE_TYPES.contains(field.type())) {
      return List.of(
          FieldValue.Value.text(
              Formats.parseInputDate(text)
                  .orElseThrow(() -> invalid(field, text, "не дата (ГГГГ-ММ-ДД)"))));
    }
    if (field.type().equals("numeric")) {
      String number = text.replaceAll("[\\s\u00a0]", "").replace(',', '.');
      if (!number.matches("-?\\d+(\\.\\d+)?")) {
        throw invalid(field, text, "не число");
      }
      return List.of(FieldValue.Value.text(number));
    }
    return List.of(FieldValue.Value.text(text));
  }

  /** Whether the deal already holds exactly these values, so saving would change nothing. */
  static boolean unchanged(Lead lead, CustomField field, List<FieldValue.Value> next) {
    List<FieldValue.Value> current =
        lead.field(field.id()).map(FieldValue::values).orElse(List.of());
    return current.stream()
        .map(FieldRows::key)
        .toList()
        .equals(next.stream().map(FieldRows::key).toList());
  }

  private static String key(FieldValue.Value value) {
    return value.enumId() != null ? "#" + value.enumId() : Objects.toString(value.value(), "");
  }

  private static FieldEnum option(CustomField field, String submitted) {
    try {
      return field
          .enumById(Long.parseLong(submitted))
          .orElseThrow(() -> invalid(field, submitted, "такого варианта нет"));
    } catch (NumberFormatException e) {
      throw invalid(field, submitted, "такого варианта нет");
    }
  }

  private static boolean same(FieldValue.Value value, FieldEnum option) {
    return value.enumId() != null
        ? value.enumId() == option.id()
        : option.value().equalsIgnoreCase(Objects.toString(value.value(), ""));
  }

  private static UiProblem invalid(CustomField field, String text, String why) {
    return UiProblem.badRequest("Поле «" + field.name() + "»: «" + text + "» — " + why);
  }
}
