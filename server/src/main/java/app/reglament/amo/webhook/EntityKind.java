package app.reglament.amo.webhook;

/** What an event is about. {@code OTHER} covers kinds amoCRM adds that Reglament does not read. */
public enum EntityKind {
  LEAD,
  TASK,
  CONTACT,
  COMPANY,
  NOTE,
  MESSAGE,
  TALK,
  OTHER
}
