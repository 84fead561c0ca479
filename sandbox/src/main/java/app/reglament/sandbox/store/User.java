package app.reglament.sandbox.store;

/** A user of the account: a manager, the head, an admin. */
public record User(
    long id, String name, String email, long groupId, boolean admin, boolean active) {}
