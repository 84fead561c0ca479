package app.reglament.amo.webhook;

import java.util.List;

/**
 * One entry of a webhook, e.g. {@code leads[status][0]}. Reglament treats it as a trigger: the
 * worker re-reads {@link #touched()} through API v4 and uses the other fields only as hints.
 */
public sealed interface WebhookEvent
    permits LeadEvent,
        ContactEvent,
        CompanyEvent,
        TaskEvent,
        NoteEvent,
        MessageEvent,
        TalkEvent,
        OtherEvent {

  EntityKind kind();

  Action action();

  /** The leads, tasks, contacts and companies this entry says may have changed. */
  List<EntityRef> touched();
}
