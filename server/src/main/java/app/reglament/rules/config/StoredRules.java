package app.reglament.rules.config;

import java.time.Instant;

/**
 * An account's current regulations as stored.
 *
 * @param document the normalized JSON text ({@link RulesDocument#toJson})
 * @param version 0 when nothing was ever saved (then {@code config} is the defaults and {@code
 *     savedBy}, {@code savedAt} are null); every save adds one
 * @param savedBy the amoCRM user who saved it; null for a save made by Reglament itself
 */
public record StoredRules(
    RulesConfig config, String document, int version, Long savedBy, Instant savedAt) {}
