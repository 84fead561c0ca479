package app.reglament.sandbox.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One write in progress: who, when, and what it changed so far. */
final class Write {
  final StoreState state;
  final Instant at;
  final long by;
  final List<Change> changes = new ArrayList<>();

  Write(StoreState state, Instant at, long by) {
    this.state = state;
    this.at = at;
    this.by = by;
  }

  Event event(
      String type,
      String entityType,
      long entityId,
      List<Map<String, Object>> before,
      List<Map<String, Object>> after) {
    return state.events.append(type, entityType, entityId, by, at, before, after);
  }

  /** The acting user if the account has them, else the account's admin (for robots, user 0). */
  long actingUser() {
    return state.users.containsKey(by) ? by : state.account.currentUserId();
  }

  ChangeSet changeSet() {
    return new ChangeSet(by, at, changes);
  }
}
