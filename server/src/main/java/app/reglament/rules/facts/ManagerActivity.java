package app.reglament.rules.facts;

import java.time.Instant;
import java.util.List;

/**
 * A manager's activity in the CRM: the minutes the browser extension saw him active, and the
 * moments of the events he made in amoCRM (used to estimate active time when there is no
 * extension). Both lists are sorted.
 *
 * @param historyFrom the first moment Reglament knows the account's events from; days before it are
 *     not judged
 */
public record ManagerActivity(
    long userId, Instant historyFrom, List<Instant> heartbeatMinutes, List<Instant> eventTimes) {
  public ManagerActivity {
    heartbeatMinutes = List.copyOf(heartbeatMinutes);
    eventTimes = List.copyOf(eventTimes);
  }
}
