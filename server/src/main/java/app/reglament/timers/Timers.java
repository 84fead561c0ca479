package app.reglament.timers;

import java.time.Instant;
import org.jooq.DSLContext;

/**
 * Durable timers kept in the database: they survive restarts, and with several instances each fires
 * on exactly one of them. A timer is named by its account, kind and key.
 */
public interface Timers {
  /** Sets the timer to fire at {@code dueAt}, replacing one of the same name that has not fired. */
  void schedule(DSLContext tx, long accountId, String kind, String key, Instant dueAt);

  /** Cancels the timer if it has not fired yet. */
  void cancel(DSLContext tx, long accountId, String kind, String key);

  /** Runs when a timer of its kind comes due; an exception retries it later. */
  @FunctionalInterface
  interface Handler {
    void fire(long accountId, String key, Instant dueAt);
  }
}
