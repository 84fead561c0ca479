package app.reglament.inbox;

import java.time.Instant;

/** One acknowledged webhook body waiting to be (or being) processed. */
public record InboxRow(long id, long accountId, String body, int attempts, Instant receivedAt) {}
