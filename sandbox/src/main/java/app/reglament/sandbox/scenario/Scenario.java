package app.reglament.sandbox.scenario;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A generated amoCRM account: the department, its pipelines and fields, deals with their whole
 * history, and what the managers did. The sandbox loads it as its state; the ground truth says
 * which mistakes were planted where. Plain data, no behaviour: the generator writes it, the
 * sandbox's store reads it.
 *
 * <p>Ids are amoCRM-like positive numbers, unique per kind; event ids are strings. Times are
 * instants; the sandbox serves them as Unix seconds.
 */
public record Scenario(
    Account account,
    List<Group> groups,
    List<User> users,
    List<Pipeline> pipelines,
    List<CustomField> leadFields,
    List<LossReason> lossReasons,
    List<Contact> contacts,
    List<Lead> leads,
    List<Task> tasks,
    List<Note> notes,
    List<Event> events,
    GroundTruth groundTruth) {

  public record Account(long id, String name, String subdomain, long currentUserId, Instant now) {}

  public record Group(long id, String name) {}

  public record User(
      long id, String name, String email, long groupId, boolean admin, boolean active) {}

  /** Statuses include the incoming stage (type 1) and 142 (won) and 143 (lost). */
  public record Pipeline(long id, String name, int sort, boolean main, List<Status> statuses) {}

  public record Status(long id, String name, int sort, int type, String color) {}

  /** {@code type}: text, numeric, select, multiselect, date, ... ; enums for select types. */
  public record CustomField(
      long id,
      String name,
      String code,
      String type,
      int sort,
      List<FieldEnum> enums,
      List<RequiredStatus> requiredStatuses) {}

  public record FieldEnum(long id, String value, int sort) {}

  public record RequiredStatus(long pipelineId, long statusId) {}

  public record LossReason(long id, String name, int sort) {}

  public record Contact(
      long id,
      String name,
      long responsibleUserId,
      List<FieldValue> customFields,
      Instant createdAt,
      Instant updatedAt) {}

  /** One field's values on an entity: text values, or enum ids for select fields. */
  public record FieldValue(long fieldId, List<String> values, List<Long> enumIds) {}

  public record Lead(
      long id,
      String name,
      long price,
      long responsibleUserId,
      long pipelineId,
      long statusId,
      Long lossReasonId,
      long createdBy,
      Instant createdAt,
      Instant updatedAt,
      Instant closedAt,
      List<FieldValue> customFields,
      List<Long> contactIds) {}

  /** A task on a deal; {@code resultText} is set when completed. */
  public record Task(
      long id,
      long leadId,
      long responsibleUserId,
      long taskTypeId,
      String text,
      Instant completeTill,
      boolean completed,
      String resultText,
      long createdBy,
      Instant createdAt,
      Instant updatedAt) {}

  /** A note on a deal: common text, a call (call_in / call_out with params), a service message. */
  public record Note(
      long id,
      long leadId,
      String noteType,
      Map<String, Object> params,
      long createdBy,
      Instant createdAt) {}

  /**
   * An amoCRM event as /api/v4/events lists it. {@code valueBefore}/{@code valueAfter} are in
   * amoCRM's shapes, e.g. for lead_status_changed {@code
   * [{"lead_status":{"id":142,"pipeline_id":7}}]}. Stage moves, calls, chat messages, mails and SMS
   * of the 30 days of history are all here.
   */
  public record Event(
      String id,
      String type,
      long entityId,
      String entityType,
      long createdBy,
      Instant createdAt,
      List<Map<String, Object>> valueBefore,
      List<Map<String, Object>> valueAfter) {}

  /**
   * The mistakes the generator planted, by indicator code (DESIGN.md's ten indicators), and the
   * regulations (rules config document, DESIGN.md's keys) under which exactly these are the
   * violations: everything not listed is compliant under those rules at {@code now}.
   */
  public record GroundTruth(
      long seed, Instant now, Map<String, Object> rules, List<Planted> planted) {}

  /**
   * One planted mistake: indicator code (first_contact, stuck_deal, overdue_task, no_task,
   * task_result, communication, required_fields, naming, lost_deal, worktime), the deal / task /
   * manager it concerns (null where not applicable), the day for manager-day indicators, and a
   * short human description of what was planted.
   */
  public record Planted(
      String indicator, Long leadId, Long taskId, Long userId, String day, String description) {}
}
