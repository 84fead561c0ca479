package app.reglament.sandbox.store;

import java.time.Instant;
import java.util.List;

/**
 * What one store write changed, in order: a batch PATCH of 50 deals is one change set, and so one
 * webhook request per destination, as amoCRM groups them.
 *
 * @param userId who made the change (the token's user for API writes)
 */
public record ChangeSet(long userId, Instant at, List<Change> changes) {
  public ChangeSet {
    changes = List.copyOf(changes);
  }
}
