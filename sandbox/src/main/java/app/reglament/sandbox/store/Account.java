package app.reglament.sandbox.store;

import java.time.Instant;

/**
 * The amoCRM account the sandbox plays. {@code currentUserId} is the admin who grants the
 * integration access: tokens act as this user, so the integration's changes carry their id.
 */
public record Account(
    long id,
    String name,
    String subdomain,
    long currentUserId,
    String currency,
    Instant createdAt) {}
