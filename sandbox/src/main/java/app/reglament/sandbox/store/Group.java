package app.reglament.sandbox.store;

/** A group of users ("Отдел продаж"); amoCRM's default group has id 0. */
public record Group(long id, String name) {}
