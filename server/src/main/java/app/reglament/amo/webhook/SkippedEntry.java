package app.reglament.amo.webhook;

/**
 * An entry left out of a batch: {@code where} is its key ({@code leads[update][3]}, clipped to 60
 * characters) and {@code reason} says why, e.g. "it has no id". One bad entry does not reject the
 * batch: the others are still good triggers, and the periodic reconciliation repairs whatever the
 * skipped one would have triggered.
 */
public record SkippedEntry(String where, String reason) {}
