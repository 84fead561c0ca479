package app.reglament.sandbox.scenario;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One deal's life as drafts: the lead, its contact, tasks, notes and events, and what was planted
 * in it. Drafts are mutable and carry no ids; the assembler numbers them once every deal is lived,
 * so that ids grow with time as amoCRM's do.
 */
final class Story {
  final DealSlot slot;
  final Instant createdAt;
  long responsible;
  String contactName;
  String phone;
  String clientFirstName;
  Words.Channel channel;

  /** Every field's value as the client would give it; {@link #filled} says which are in the CRM. */
  final Map<LeadField, String> values = new EnumMap<>(LeadField.class);

  final Map<LeadField, String> filled = new EnumMap<>(LeadField.class);
  long statusId;
  int stageIndex;
  Long lossReasonId;
  String lossReasonName;

  /** The stage index a lost deal was lost from. */
  int lostFrom;

  Instant closedAt;
  Instant contactUpdatedAt;

  /** A planted wrong name, or null: the name is the template's rendering. */
  Plan namingMistake;

  String staleProduct;
  final List<TaskDraft> tasks = new ArrayList<>();
  final List<NoteDraft> notes = new ArrayList<>();
  final List<EventDraft> events = new ArrayList<>();
  final List<PlantedDraft> planted = new ArrayList<>();

  /** Tasks whose result may become "the previous result pasted again". */
  final List<TaskDraft> previousResultCandidates = new ArrayList<>();

  /** When work-filler calls may be made on this deal (null: never). */
  Instant fillerFrom;

  Instant fillerUntil;

  long leadId;
  long contactId;

  Story(DealSlot slot, Instant createdAt) {
    this.slot = slot;
    this.createdAt = createdAt;
  }

  Instant updatedAt() {
    Instant last = createdAt;
    for (EventDraft event : events) {
      if (event.target != Target.TASK && event.at.isAfter(last)) {
        last = event.at;
      }
    }
    return last;
  }

  enum Target {
    LEAD,
    CONTACT,
    TASK
  }

  /** How the result text of a completed task is chosen when ids and order are known. */
  enum ResultKind {
    VALID,
    LOSS,
    JUNK,
    COPY_OF_TASK,
    PREVIOUS_RESULT
  }

  static final class TaskDraft {
    final Story story;
    final String text;
    final long typeId;
    final long createdBy;
    final Instant createdAt;
    final Instant completeTill;
    final int stageIndex;

    /** Which results fit the task: its stage, or {@link Texts#WON_RESULTS} for a won closing. */
    int resultStage;

    long responsible;
    Instant completedAt;
    ResultKind resultKind;
    Junk junk;
    int junkVariant;
    Texts.Facts facts;
    String resultText;
    long id;

    TaskDraft(
        Story story,
        String text,
        long typeId,
        long createdBy,
        long responsible,
        Instant createdAt,
        Instant completeTill,
        int stageIndex) {
      this.story = story;
      this.text = text;
      this.typeId = typeId;
      this.createdBy = createdBy;
      this.responsible = responsible;
      this.createdAt = createdAt;
      this.completeTill = completeTill;
      this.stageIndex = stageIndex;
      this.resultStage = stageIndex;
    }

    boolean completed() {
      return completedAt != null;
    }

    Instant updatedAt() {
      return completed() ? completedAt : createdAt;
    }
  }

  static final class NoteDraft {
    final Story owner;
    final String type;
    final Map<String, Object> params;
    final long createdBy;
    final Instant at;
    long id;

    NoteDraft(Story owner, String type, Map<String, Object> params, long createdBy, Instant at) {
      this.owner = owner;
      this.type = type;
      this.params = params;
      this.createdBy = createdBy;
      this.at = at;
    }
  }

  static final class EventDraft {
    final Story owner;
    final String type;
    final Target target;
    final TaskDraft task;
    final long createdBy;
    final Instant at;
    final List<Map<String, Object>> before;
    final List<Map<String, Object>> after;

    /** The note the event points to ({@code [{"note":{"id":N}}]}), resolved when numbered. */
    final NoteDraft note;

    long sequence;

    EventDraft(
        Story owner,
        String type,
        Target target,
        TaskDraft task,
        long createdBy,
        Instant at,
        List<Map<String, Object>> before,
        List<Map<String, Object>> after,
        NoteDraft note) {
      this.owner = owner;
      this.type = type;
      this.target = target;
      this.task = task;
      this.createdBy = createdBy;
      this.at = at;
      this.before = before;
      this.after = after;
      this.note = note;
    }
  }

  /** A planted mistake before ids exist: the task (if any), the day, the description. */
  record PlantedDraft(String indicator, TaskDraft task, String day, String description) {}
}
