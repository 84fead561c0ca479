package app.reglament.sandbox.store;

/** One option of a select, multiselect or radiobutton field. */
public record FieldEnum(long id, String value, int sort) {}
