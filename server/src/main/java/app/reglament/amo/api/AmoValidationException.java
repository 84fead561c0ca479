package app.reglament.amo.api;

import java.util.List;
import java.util.stream.Collectors;

/**
 * amoCRM refused a write with {@code validation-errors} (HTTP 400). The message names each entity
 * and field; {@link #errors()} holds them for code.
 */
public class AmoValidationException extends AmoProblemException {
  private final String request;
  private final String entityKind;
  private final List<ValidationError> errors;

  public AmoValidationException(
      long accountId,
      String request,
      String entityKind,
      String title,
      String type,
      String detail,
      List<ValidationError> errors) {
    super(
        accountId,
        message(accountId, request, entityKind, errors, detail),
        400,
        title,
        type,
        detail);
    this.request = request;
    this.entityKind = entityKind;
    this.errors = List.copyOf(errors);
  }

  /** The refused request as {@code METHOD /path}. */
  public String request() {
    return request;
  }

  /** What was written, e.g. {@code leads}, {@code tasks}, {@code notes}. */
  public String entityKind() {
    return entityKind;
  }

  public List<ValidationError> errors() {
    return errors;
  }

  private static String message(
      long accountId,
      String request,
      String entityKind,
      List<ValidationError> errors,
      String detail) {
    String fields =
        errors.isEmpty()
            ? (detail == null ? "no details given" : detail)
            : errors.stream().map(e -> e.describe(entityKind)).collect(Collectors.joining("; "));
    return "amoCRM refused " + request + " for account " + accountId + ": " + fields;
  }
}
