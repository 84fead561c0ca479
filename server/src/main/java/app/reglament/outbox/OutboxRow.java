package app.reglament.outbox;

/**
 * A claimed action: what to send and how often it was tried before.
 *
 * @param entityId what the action changes (see {@code ActionCodec.entityId}), or null
 */
public record OutboxRow(
    long id, long accountId, String kind, String payload, int attempts, Long entityId) {}
