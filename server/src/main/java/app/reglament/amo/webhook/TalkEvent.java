package app.reglament.amo.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** A conversation ("talk") was opened or changed ({@code talk[add]}, {@code talk[update]}). */
public record TalkEvent(
    Action action,
    long talkId,
    Optional<String> chatId,
    OptionalLong contactId,
    Optional<EntityRef> entity,
    Optional<Instant> updatedAt)
    implements WebhookEvent {

  @Override
  public EntityKind kind() {
    return EntityKind.TALK;
  }

  @Override
  public List<EntityRef> touched() {
    return ConversationRefs.of(entity, contactId);
  }
}
