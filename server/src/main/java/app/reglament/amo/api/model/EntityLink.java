package app.reglament.amo.api.model;

/** A linked entity in {@code _embedded}: a lead's contact or company. */
public record EntityLink(long id, boolean isMain) {}
