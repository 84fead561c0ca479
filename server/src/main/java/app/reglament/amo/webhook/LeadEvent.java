package app.reglament.amo.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A deal was added, updated, deleted, restored, moved to another stage ({@link Action#STATUS}) or
 * handed to another manager ({@link Action#RESPONSIBLE}). The hints are whatever amoCRM put in the
 * entry; a status webhook, for one, usually carries only the ids of the stages.
 */
public record LeadEvent(
    Action action,
    long leadId,
    OptionalLong statusId,
    OptionalLong pipelineId,
    OptionalLong oldStatusId,
    OptionalLong oldPipelineId,
    OptionalLong responsibleUserId,
    OptionalLong oldResponsibleUserId,
    OptionalLong modifiedUserId,
    Optional<String> name,
    Optional<Instant> updatedAt,
    List<CustomField> customFields)
    implements WebhookEvent {

  /** amoCRM's system stages, the same ids in every pipeline. */
  public static final long WON_STATUS_ID = 142;

  public static final long LOST_STATUS_ID = 143;

  public LeadEvent {
    customFields = List.copyOf(customFields);
  }

  @Override
  public EntityKind kind() {
    return EntityKind.LEAD;
  }

  @Override
  public List<EntityRef> touched() {
    return List.of(new EntityRef(EntityKind.LEAD, leadId));
  }

  /** Whether this entry reports a move into {@code status} from another stage. */
  public boolean movedTo(long status) {
    return statusId.equals(OptionalLong.of(status))
        && oldStatusId.isPresent()
        && oldStatusId.getAsLong() != status;
  }

  /**
   * A key naming this stage change, the same in every webhook that reports it: amoCRM's retries,
   * and the {@code status} and {@code update} webhooks of one move when both are subscribed (their
   * bodies differ, so the body hash cannot tell they are one change).
   *
   * <p>Empty unless the entry carries the old stage, the new stage and the deal's modification time
   * ({@code updated_at} or {@code last_modified}). Without the time the key would be unsound: a
   * deal lost, revived and lost again would look like one loss, and the second review task would
   * never be made. With it, two moves share a key only if the same deal made the same move twice
   * within one second. Pipelines are left out on purpose: a deal is in one pipeline at a time, so
   * the deal and the second already pin the move, and {@code update} entries often lack {@code
   * old_pipeline_id}.
   */
  public Optional<String> statusChangeKey(long accountId) {
    if (statusId.isEmpty()
        || oldStatusId.isEmpty()
        || updatedAt.isEmpty()
        || statusId.getAsLong() == oldStatusId.getAsLong()) {
      return Optional.empty();
    }
    return Optional.of(
        "webhook:status:"
            + accountId
            + ":"
            + leadId
            + ":"
            + oldStatusId.getAsLong()
            + "->"
            + statusId.getAsLong()
            + ":"
            + updatedAt.get().getEpochSecond());
  }
}
