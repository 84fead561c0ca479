package app.reglament.automation;

import app.reglament.timers.Timers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.DSLContext;

/**
 * A stand-in for the durable timers, for tests only until the timers helper's implementation is
 * merged: the timers set now, by "account/kind/key", and every call in order.
 */
final class MemoryTimers implements Timers {
  final Map<String, Instant> pending = new TreeMap<>();
  final List<String> calls = new ArrayList<>();

  @Override
  public synchronized void schedule(
      DSLContext tx, long accountId, String kind, String key, Instant dueAt) {
    pending.put(accountId + "/" + kind + "/" + key, dueAt);
    calls.add("schedule " + accountId + "/" + kind + "/" + key + " " + dueAt);
  }

  @Override
  public synchronized void cancel(DSLContext tx, long accountId, String kind, String key) {
    pending.remove(accountId + "/" + kind + "/" + key);
    calls.add("cancel " + accountId + "/" + kind + "/" + key);
  }
}
