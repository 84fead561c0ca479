package app.reglament.sandbox.scenario;

import java.util.List;

/**
 * The kinds of junk task result DESIGN.md lists, each with the values the generator plants. The
 * code is the first word of a planted item's description ("placeholder: ...").
 */
enum Junk {
  EMPTY("empty", List.of("")),
  PLACEHOLDER("placeholder", List.of("+", "-", "ок", "Ок", "да")),
  PUNCTUATION_ONLY("punctuation_only", List.of("...", "?!", ",,,")),
  /** Under ten letters, and under ten characters too. */
  TOO_SHORT("too_short", List.of("Перезвоню", "Недозвон", "Думает", "Занято")),
  REPEATED_CHARACTERS("repeated_characters", List.of("ааааааааааааа", "ппппппппппп")),
  KEYBOARD_MASH_RU("keyboard_mash_ru", List.of("фывапролджэ", "йцукенгшщз")),
  KEYBOARD_MASH_EN("keyboard_mash_en", List.of("asdfghjkl", "qwertyuiop")),
  /** The result is the task's own text, e.g. "Перезвонить клиенту". */
  COPY_OF_TASK_TEXT("copy_of_task_text", List.of()),
  /** The manager pasted the result of his previous task again. */
  PREVIOUS_RESULT("previous_result", List.of());

  /** Junk values for a required text field (fields are not held to the result length). */
  static final List<String> FIELD_VALUES = List.of("-", "...", "аааааа", "фывапр");

  final String code;
  final List<String> samples;

  Junk(String code, List<String> samples) {
    this.code = code;
    this.samples = samples;
  }

  String sample(int variant) {
    return samples.get(Math.floorMod(variant, samples.size()));
  }
}
