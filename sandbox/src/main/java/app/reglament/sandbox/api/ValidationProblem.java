package app.reglament.sandbox.api;

import app.reglament.sandbox.store.Violation;
import java.util.List;

/**
 * A refused batch, answered as amoCRM's 400 with {@code validation-errors}. {@code requestIds} maps
 * each entity's position to the {@code request_id} amoCRM echoes: the caller's own when it sent
 * one, the position otherwise.
 */
final class ValidationProblem extends RuntimeException {
  private final List<Violation> violations;
  private final List<String> requestIds;

  ValidationProblem(List<Violation> violations, List<String> requestIds) {
    super("Request validation failed", null, false, false);
    this.violations = List.copyOf(violations);
    this.requestIds = List.copyOf(requestIds);
  }

  List<Violation> violations() {
    return violations;
  }

  String requestId(int index) {
    return index >= 0 && index < requestIds.size()
        ? requestIds.get(index)
        : Integer.toString(index);
  }
}
