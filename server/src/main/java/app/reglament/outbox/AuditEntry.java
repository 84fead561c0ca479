package app.reglament.outbox;

import java.time.Instant;

/**
 * One line of the audit log: an action Reglament queued for amoCRM and what became of it.
 *
 * @param state {@code queued}, {@code claimed} (being sent), {@code sending} (a create on its way
 *     to amoCRM), {@code done}, {@code failed} (amoCRM refused it) or {@code parked} (given up
 *     after faults)
 * @param doneAt when it was sent or given up, null while it waits
 * @param error the last error, if any
 */
public record AuditEntry(
    long id,
    String kind,
    Long leadId,
    String automation,
    String reason,
    String state,
    int attempts,
    Instant createdAt,
    Instant doneAt,
    String error) {}
