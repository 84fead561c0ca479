package app.reglament.mirror;

import java.time.Instant;
import java.util.List;

/**
 * What the mirror stores of amoCRM's entities, independent of the API's JSON shapes. Custom-field
 * values and the like stay JSON text: the rules read them, the mirror only keeps them.
 */
public final class Rows {
  private Rows() {}

  public record Group(long id, String name) {}

  public record User(
      long id,
      String name,
      String email,
      Long groupId,
      Long roleId,
      boolean admin,
      boolean active) {}

  public record Pipeline(long id, String name, int sort, boolean main, boolean archive) {}

  public record Status(long pipelineId, long id, String name, int sort, int type, String color) {}

  public record CustomField(
      String entityType,
      long id,
      String name,
      String code,
      String type,
      int sort,
      boolean apiOnly,
      String requiredStatusesJson,
      String enumsJson) {}

  public record LossReason(long id, String name, int sort) {}

  public record LeadContact(long contactId, boolean main) {}

  public record Lead(
      long id,
      String name,
      Long price,
      Long responsibleUserId,
      Long groupId,
      long pipelineId,
      long statusId,
      Long lossReasonId,
      Long createdBy,
      Long updatedBy,
      Instant createdAt,
      Instant updatedAt,
      Instant closedAt,
      Instant closestTaskAt,
      boolean deleted,
      String customFieldsJson,
      String companyName,
      List<LeadContact> contacts) {}

  public record Contact(long id, String name, Long responsibleUserId, Instant updatedAt) {}

  public record Task(
      long id,
      String entityType,
      Long entityId,
      Long responsibleUserId,
      Long taskTypeId,
      String text,
      Instant completeTill,
      boolean completed,
      String resultText,
      Long createdBy,
      Instant createdAt,
      Instant updatedAt) {}

  /** A deal entering a stage; {@code sourceKey} (e.g. the amoCRM event id) makes it idempotent. */
  public record StatusChange(
      long leadId,
      long pipelineId,
      long statusId,
      Long oldPipelineId,
      Long oldStatusId,
      Long changedBy,
      Instant changedAt,
      String sourceKey) {}

  /**
   * A call, chat message, mail or SMS on a deal or a contact.
   *
   * @param missed as first recorded; the mirror keeps it equal to "its call note lasted 0 seconds"
   *     for incoming calls whose note it holds (see {@link MissedCalls})
   * @param noteId the note the event points to (a call's note carries its duration), or null
   */
  public record Communication(
      String sourceKey,
      String channel,
      String direction,
      boolean missed,
      String entityType,
      long entityId,
      Long leadId,
      Long userId,
      Instant occurredAt,
      Long noteId) {}

  /**
   * A note on a deal.
   *
   * @param type amoCRM's {@code note_type} ({@code common}, {@code call_in}, {@code call_out} ...)
   * @param text {@code params.text} where the type has one (a comment, an SMS, a system message)
   * @param duration a call note's {@code params.duration} in seconds, else null
   */
  public record Note(
      long id,
      long leadId,
      String type,
      String text,
      Integer duration,
      Long createdBy,
      Instant createdAt,
      Instant updatedAt) {}

  /**
   * A minute in which a user was active in the CRM.
   *
   * @param source {@code event} (he made an amoCRM event in it) or {@code extension}
   * @param leadId the deal he worked on, when known
   */
  public record Heartbeat(long userId, Instant minuteAt, String source, Long leadId) {}
}
