package app.reglament.rules.config;

import java.time.Instant;

/** One saved version of an account's regulations: who saved it and when. */
public record RulesVersion(int version, Long savedBy, Instant savedAt) {}
