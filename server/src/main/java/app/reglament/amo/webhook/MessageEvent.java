package app.reglament.amo.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A chat message ({@code message[add]}). Its id is a UUID, not a number. {@code direction} is
 * amoCRM's {@code type}: "incoming" from the client or "outgoing" from a manager. {@code entity} is
 * the deal (or contact) the conversation is attached to.
 */
public record MessageEvent(
    Action action,
    String messageId,
    Optional<String> chatId,
    OptionalLong talkId,
    OptionalLong contactId,
    Optional<EntityRef> entity,
    Optional<String> direction,
    Optional<Instant> createdAt)
    implements WebhookEvent {

  @Override
  public EntityKind kind() {
    return EntityKind.MESSAGE;
  }

  @Override
  public List<EntityRef> touched() {
    return ConversationRefs.of(entity, contactId);
  }
}
