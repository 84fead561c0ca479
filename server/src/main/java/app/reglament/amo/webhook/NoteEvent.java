package app.reglament.amo.webhook;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A note was added to a deal, contact or company ({@code leads[note][0][note][…]}). Calls arrive
 * this way ({@code note_type} 10 incoming, 11 outgoing), which is why notes matter to {@code
 * first_contact}. The note's own id is optional; the entity it is on is what the worker re-reads.
 */
public record NoteEvent(
    OptionalLong noteId, EntityRef parent, OptionalLong noteType, Optional<String> text)
    implements WebhookEvent {

  @Override
  public EntityKind kind() {
    return EntityKind.NOTE;
  }

  @Override
  public Action action() {
    return Action.NOTE;
  }

  @Override
  public List<EntityRef> touched() {
    return List.of(parent);
  }
}
