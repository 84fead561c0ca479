package app.reglament.sandbox.store;

import java.util.List;

/**
 * A change to a lead field's settings, as {@code PATCH /api/v4/leads/custom_fields} takes it: the
 * stages at which amoCRM requires the field, replacing the ones it had.
 */
public record FieldPatch(long id, List<RequiredStatus> requiredStatuses) {
  public FieldPatch {
    requiredStatuses = List.copyOf(requiredStatuses);
  }
}
