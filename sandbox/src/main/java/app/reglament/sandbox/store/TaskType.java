package app.reglament.sandbox.store;

/** A task type: 1 = follow-up ("Связаться"), 2 = meeting; higher ids are the account's own. */
public record TaskType(long id, String name, String color, Long iconId, String code) {
  public static final long FOLLOW_UP = 1;
  public static final long MEETING = 2;
}
