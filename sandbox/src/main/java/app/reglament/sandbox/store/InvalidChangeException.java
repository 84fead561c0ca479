package app.reglament.sandbox.store;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A write the store refused; nothing of it was applied (a batch is all or nothing, as in amoCRM).
 * The API answers it as a 400 with {@code validation-errors}; the UI can show {@link
 * #getMessage()}.
 */
public final class InvalidChangeException extends RuntimeException {
  private final List<Violation> violations;

  public InvalidChangeException(List<Violation> violations) {
    super(
        violations.stream()
            .map(v -> "#" + v.index() + " " + v.path() + ": " + v.detail())
            .collect(Collectors.joining("; ")));
    this.violations = List.copyOf(violations);
  }

  public static InvalidChangeException of(int index, String code, String path, String detail) {
    return new InvalidChangeException(List.of(new Violation(index, code, path, detail)));
  }

  public List<Violation> violations() {
    return violations;
  }
}
