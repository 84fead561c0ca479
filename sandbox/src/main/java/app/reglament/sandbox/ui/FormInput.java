package app.reglament.sandbox.ui;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A submitted form, read field by field. Every way a field can be wrong becomes a {@link UiProblem}
 * that names the field as the form labels it, so a bad value is a message on the page and never a
 * stack trace.
 */
final class FormInput {
  private final Context ctx;

  FormInput(Context ctx) {
    this.ctx = ctx;
  }

  /** The field's text, trimmed; empty when the field was not sent. */
  String text(String name) {
    String value = ctx.formParam(name);
    return value == null ? "" : value.strip();
  }

  /** Every value sent under the name (a multiple select, a checkbox with its hidden twin). */
  List<String> all(String name) {
    return ctx.formParams(name).stream().map(String::strip).toList();
  }

  String required(String name, String label) {
    String value = text(name);
    if (value.isEmpty()) {
      throw UiProblem.badRequest("Заполните поле «" + label + "»");
    }
    return value;
  }

  /** An id chosen in a select (a stage, a user, a field); required. */
  long id(String name, String label) {
    return optionalId(name, label)
        .orElseThrow(() -> UiProblem.badRequest("Выберите значение поля «" + label + "»"));
  }

  Optional<Long> optionalId(String name, String label) {
    String value = text(name);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(value));
    } catch (NumberFormatException e) {
      throw UiProblem.badRequest("«" + value + "» не подходит для поля «" + label + "»");
    }
  }

  /** A sum of money in whole units; spaces between digit groups are allowed, as people type. */
  Optional<Long> amount(String name, String label) {
    String value = text(name).replaceAll("[\\s\u00a0]", "");
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (!value.matches("\\d{1,15}")) {
      throw UiProblem.badRequest(
          "Поле «" + label + "» — целое число не меньше нуля, а не «" + text(name) + "»");
    }
    return Optional.of(Long.parseLong(value));
  }

  /** A date and time from {@code <input type="datetime-local">}, in the account's zone. */
  Instant dateTime(String name, String label) {
    String value = required(name, label);
    return Formats.parseInputDateTime(value)
        .orElseThrow(
            () ->
                UiProblem.badRequest(
                    "Поле «" + label + "»: «" + value + "» — не дата и время (ГГГГ-ММ-ДДTЧЧ:ММ)"));
  }
}
