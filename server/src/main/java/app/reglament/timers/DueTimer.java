package app.reglament.timers;

import java.time.Instant;

/** A timer claimed for firing. */
public record DueTimer(long accountId, String kind, String key, Instant dueAt, int attempts) {}
