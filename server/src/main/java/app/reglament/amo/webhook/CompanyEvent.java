package app.reglament.amo.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** A company was added, updated, deleted, restored or handed to another manager. */
public record CompanyEvent(
    Action action,
    long companyId,
    OptionalLong responsibleUserId,
    OptionalLong modifiedUserId,
    Optional<Instant> updatedAt)
    implements WebhookEvent {

  @Override
  public EntityKind kind() {
    return EntityKind.COMPANY;
  }

  @Override
  public List<EntityRef> touched() {
    return List.of(new EntityRef(EntityKind.COMPANY, companyId));
  }
}
