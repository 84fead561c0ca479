package app.reglament.widgetapi;

/** A user as answers name one; {@code name} is null when the mirror does not know the user yet. */
record UserRef(long id, String name) {}
