package app.reglament.sync;

import app.reglament.amo.api.model.AmoAccount;
import app.reglament.amo.api.model.AmoUser;
import app.reglament.amo.api.model.Contact;
import app.reglament.amo.api.model.CustomFieldDefinition;
import app.reglament.amo.api.model.Event;
import app.reglament.amo.api.model.Lead;
import app.reglament.amo.api.model.LossReason;
import app.reglament.amo.api.model.Note;
import app.reglament.amo.api.model.Pipeline;
import app.reglament.amo.api.model.Task;
import app.reglament.mirror.ActivityMirror;
import app.reglament.mirror.Rows;
import app.reglament.web.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Turns amoCRM's API records into the mirror's rows. Pure functions. */
final class Mapping {
  private static final ObjectMapper JSON = Json.mapper();

  /** Event types that are a communication: channel and direction. */
  static final Map<String, String[]> COMMUNICATION_EVENTS =
      Map.of(
          "incoming_call", new String[] {"call", "in"},
          "outgoing_call", new String[] {"call", "out"},
          "incoming_chat_message", new String[] {"chat", "in"},
          "outgoing_chat_message", new String[] {"chat", "out"},
          "incoming_mail", new String[] {"mail", "in"},
          "outgoing_mail", new String[] {"mail", "out"},
          "incoming_sms", new String[] {"sms", "in"},
          "outgoing_sms", new String[] {"sms", "out"});

  static final String STATUS_CHANGED = "lead_status_changed";
  static final String LEAD_DELETED = "lead_deleted";
  static final String LEAD_RESTORED = "lead_restored";
  static final String TASK_DELETED = "task_deleted";
  static final String TASK_COMPLETED = "task_completed";

  /** Event types that mean a note was added to the entity. */
  static final Set<String> NOTE_EVENTS =
      Set.of(
          "common_note_added",
          "service_note_added",
          "incoming_call",
          "outgoing_call",
          "incoming_sms",
          "outgoing_sms");

  /** Note types whose {@code params.duration} is a call's length. */
  static final Set<String> CALL_NOTES = Set.of("call_in", "call_out");

  /** Column sizes of the mirror; longer texts from amoCRM are cut rather than refused. */
  static final int NAME_LENGTH = 255;

  static final int LEAD_NAME_LENGTH = 1000;
  static final int TASK_TEXT_LENGTH = 4000;
  static final int NOTE_TYPE_LENGTH = 64;

  private Mapping() {}

  /** Cuts a text to a column's size, so one oversized entity cannot fail a whole sync forever. */
  static String cut(String text, int length) {
    return text == null || text.length() <= length ? text : text.substring(0, length);
  }

  static List<Rows.Group> groups(AmoAccount account) {
    return account.usersGroups().stream()
        .map(g -> new Rows.Group(g.id(), cut(g.name(), NAME_LENGTH)))
        .toList();
  }

  static Rows.User user(AmoUser u) {
    var rights = u.rights();
    return new Rows.User(
        u.id(),
        cut(u.name(), NAME_LENGTH),
        cut(u.email(), NAME_LENGTH),
        rights.groupId(),
        rights.roleId(),
        rights.isAdmin(),
        rights.isActive());
  }

  static Rows.Pipeline pipeline(Pipeline p) {
    return new Rows.Pipeline(
        p.id(), cut(p.name(), NAME_LENGTH), orZero(p.sort()), p.isMain(), p.isArchive());
  }

  static List<Rows.Status> statuses(Pipeline p) {
    return p.statuses().stream()
        .map(
            s ->
                new Rows.Status(
                    p.id(),
                    s.id(),
                    cut(s.name(), NAME_LENGTH),
                    orZero(s.sort()),
                    s.type(),
                    s.color()))
        .toList();
  }

  static Rows.CustomField field(CustomFieldDefinition f) {
    return new Rows.CustomField(
        "leads",
        f.id(),
        cut(f.name(), NAME_LENGTH),
        cut(f.code(), NAME_LENGTH),
        f.type(),
        orZero(f.sort()),
        f.isApiOnly(),
        json(f.requiredStatuses()),
        json(f.enums()));
  }

  static Rows.LossReason lossReason(LossReason r) {
    return new Rows.LossReason(r.id(), cut(r.name(), NAME_LENGTH), orZero(r.sort()));
  }

  static Rows.Lead lead(Lead l) {
    return new Rows.Lead(
        l.id(),
        cut(l.name(), LEAD_NAME_LENGTH),
        l.price(),
        l.responsibleUserId(),
        l.groupId(),
        l.pipelineId(),
        l.statusId(),
        l.lossReasonId(),
        l.createdBy(),
        l.updatedBy(),
        l.createdAt(),
        l.updatedAt(),
        l.closedAt(),
        l.closestTaskAt(),
        l.isDeleted(),
        json(l.customFieldsValues()),
        null,
        l.contacts().stream().map(c -> new Rows.LeadContact(c.id(), c.isMain())).toList());
  }

  static Rows.Contact contact(Contact c) {
    return new Rows.Contact(
        c.id(), cut(c.name(), NAME_LENGTH), c.responsibleUserId(), c.updatedAt());
  }

  static Rows.Task task(Task t) {
    return new Rows.Task(
        t.id(),
        t.entityType(),
        t.entityId(),
        t.responsibleUserId(),
        t.taskTypeId(),
        cut(t.text(), TASK_TEXT_LENGTH),
        t.completeTill(),
        t.isCompleted(),
        t.result() == null ? null : cut(t.result().text(), TASK_TEXT_LENGTH),
        t.createdBy(),
        t.createdAt(),
        t.updatedAt());
  }

  /** A {@code lead_status_changed} event as a stage entry keyed by the event id. */
  static Optional<Rows.StatusChange> statusChange(Event e) {
    if (!STATUS_CHANGED.equals(e.type()) || e.entityId() == null || e.createdAt() == null) {
      return Optional.empty();
    }
    Optional<JsonNode> after = leadStatus(e.valueAfter());
    if (after.isEmpty()) {
      return Optional.empty();
    }
    Optional<JsonNode> before = leadStatus(e.valueBefore());
    return Optional.of(
        new Rows.StatusChange(
            e.entityId(),
            after.get().path("pipeline_id").asLong(),
            after.get().path("id").asLong(),
            before.map(b -> b.path("pipeline_id").asLong()).orElse(null),
            before.map(b -> b.path("id").asLong()).orElse(null),
            e.createdBy(),
            e.createdAt(),
            "event:" + e.id()));
  }

  /** A call, chat message, mail or SMS event as a communication keyed by the event id. */
  static Optional<Rows.Communication> communication(Event e) {
    String[] kind = COMMUNICATION_EVENTS.get(e.type());
    if (kind == null || e.entityId() == null || e.createdAt() == null) {
      return Optional.empty();
    }
    String entityType = e.entityType() == null ? "unknown" : e.entityType();
    Long leadId = entityType.startsWith("lead") ? e.entityId() : null;
    return Optional.of(
        new Rows.Communication(
            "event:" + e.id(),
            kind[0],
            kind[1],
            false,
            entityType,
            e.entityId(),
            leadId,
            e.createdBy(),
            e.createdAt(),
            noteIdOf(e.valueAfter()).orElse(null)));
  }

  /** A note on a deal; a call note keeps its duration (0 seconds: nobody answered). */
  static Rows.Note note(Note n) {
    JsonNode params = n.params() == null ? NullNode.getInstance() : n.params();
    JsonNode text = params.path("text");
    JsonNode duration = params.path("duration");
    return new Rows.Note(
        n.id(),
        n.entityId(),
        n.noteType() == null ? "unknown" : cut(n.noteType(), NOTE_TYPE_LENGTH),
        text.isValueNode() && !text.isNull() ? cut(text.asText(), TASK_TEXT_LENGTH) : null,
        CALL_NOTES.contains(n.noteType()) && isWholeNumber(duration) ? duration.asInt() : null,
        n.createdBy(),
        n.createdAt(),
        n.updatedAt());
  }

  /**
   * The minute a user made an event in, on the event's deal; events of robots (user 0) are none.
   */
  static Optional<Rows.Heartbeat> heartbeat(Event e) {
    if (e.createdBy() == null || e.createdBy() <= 0 || e.createdAt() == null) {
      return Optional.empty();
    }
    Long leadId = e.entityType() != null && e.entityType().startsWith("lead") ? e.entityId() : null;
    return Optional.of(
        new Rows.Heartbeat(
            e.createdBy(),
            e.createdAt().truncatedTo(ChronoUnit.MINUTES),
            ActivityMirror.SOURCE_EVENT,
            leadId));
  }

  /** Whether the event is a note added to a deal (a comment, a call, an SMS, a system note). */
  static boolean addsLeadNote(Event e) {
    return NOTE_EVENTS.contains(e.type())
        && e.entityType() != null
        && e.entityType().startsWith("lead");
  }

  /** A {@code task_completed} event: the task and when. */
  static Optional<Map.Entry<Long, Instant>> taskCompletion(Event e) {
    if (!TASK_COMPLETED.equals(e.type()) || e.entityId() == null || e.createdAt() == null) {
      return Optional.empty();
    }
    return Optional.of(Map.entry(e.entityId(), e.createdAt()));
  }

  /** {@code [{"note":{"id":N}}]} → N. */
  private static Optional<Long> noteIdOf(JsonNode values) {
    if (values == null || !values.isArray()) {
      return Optional.empty();
    }
    for (JsonNode value : values) {
      JsonNode id = value.path("note").path("id");
      if (isWholeNumber(id)) {
        return Optional.of(id.asLong());
      }
    }
    return Optional.empty();
  }

  /** A JSON number without a fraction, or a string of digits (amoCRM sends either). */
  private static boolean isWholeNumber(JsonNode node) {
    return node.canConvertToLong() && node.isIntegralNumber()
        || node.isTextual() && node.asText().matches("\\d{1,18}");
  }

  /** {@code [{"lead_status":{"id":142,"pipeline_id":7}}]} → the inner object. */
  private static Optional<JsonNode> leadStatus(JsonNode values) {
    if (values == null || !values.isArray()) {
      return Optional.empty();
    }
    for (JsonNode value : values) {
      JsonNode status = value.path("lead_status");
      if (status.isObject() && status.path("id").canConvertToLong()) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }

  private static int orZero(Integer value) {
    return value == null ? 0 : value;
  }

  private static String json(Object value) {
    try {
      return value == null ? null : JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("API records always serialize", e);
    }
  }
}
