package app.reglament.sandbox.scenario;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * What to generate: the seed, the size of the department and of its history, and the moment the
 * history ends. The generator never reads the system clock; {@code now} is the only "today" it
 * knows.
 */
public record ScenarioSettings(long seed, int managers, int deals, int historyDays, Instant now) {

  public static final int DEFAULT_MANAGERS = 8;
  public static final int DEFAULT_DEALS = 2_000;
  public static final int DEFAULT_HISTORY_DAYS = 30;

  /**
   * Wednesday 18 June 2025, 19:30 in Moscow: after working hours, so a deadline set for this
   * evening is in the past yet not overdue (it counts from 09:00 tomorrow), and the window holds a
   * public holiday (12 June) and four Fridays.
   */
  public static final Instant DEFAULT_NOW = Instant.parse("2025-06-18T16:30:00Z");

  static final int MIN_MANAGERS = 3;
  static final int MAX_MANAGERS = 40;
  static final int MIN_DEALS = 300;
  static final int MAX_DEALS = 50_000;
  // Stuck deals need more than the longest maxDays (14) plus the path before it.
  static final int MIN_HISTORY_DAYS = 24;
  static final int MAX_HISTORY_DAYS = 90;

  public ScenarioSettings {
    Objects.requireNonNull(now, "now");
    now = now.truncatedTo(ChronoUnit.SECONDS);
    requireWithin("managers", managers, MIN_MANAGERS, MAX_MANAGERS);
    requireWithin("deals", deals, MIN_DEALS, MAX_DEALS);
    requireWithin("historyDays", historyDays, MIN_HISTORY_DAYS, MAX_HISTORY_DAYS);
    if (deals < managers * 40) {
      throw new IllegalArgumentException(
          "deals must be at least 40 per manager to plant every mistake, got " + deals);
    }
  }

  /** The default department (8 managers, 2,000 deals, 30 days) ending at {@link #DEFAULT_NOW}. */
  public static ScenarioSettings defaults(long seed) {
    return defaults(seed, DEFAULT_NOW);
  }

  /** The default department ending at {@code now}. */
  public static ScenarioSettings defaults(long seed, Instant now) {
    return new ScenarioSettings(seed, DEFAULT_MANAGERS, DEFAULT_DEALS, DEFAULT_HISTORY_DAYS, now);
  }

  public ScenarioSettings withDeals(int count) {
    return new ScenarioSettings(seed, managers, count, historyDays, now);
  }

  public ScenarioSettings withManagers(int count) {
    return new ScenarioSettings(seed, count, deals, historyDays, now);
  }

  /** The first moment of the history. */
  public Instant windowStart() {
    return now.minus(historyDays, ChronoUnit.DAYS);
  }

  private static void requireWithin(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          name + " must be between " + min + " and " + max + ", got " + value);
    }
  }
}
