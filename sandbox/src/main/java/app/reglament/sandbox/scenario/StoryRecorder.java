package app.reglament.sandbox.scenario;

import app.reglament.sandbox.scenario.Story.EventDraft;
import app.reglament.sandbox.scenario.Story.NoteDraft;
import app.reglament.sandbox.scenario.Story.Target;
import app.reglament.sandbox.scenario.Story.TaskDraft;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Writes what happens on a deal in amoCRM's shapes: events as /api/v4/events lists them (calls and
 * mails point to their note, chat messages carry a message id and talk), notes with amoCRM's params
 * (a call's duration and call_status), tasks.
 */
final class StoryRecorder {
  /** amoCRM's call_status: 4 = the conversation happened, 6 = could not get through. */
  static final int CALL_STATUS_TALKED = 4;

  static final int CALL_STATUS_NOT_REACHED = 6;
  static final String TELEPHONY = "sipuni";
  private static final int FIRST_TALK_ID = 18_000;

  private final Story story;
  private final Department department;
  private final Random random;

  StoryRecorder(Story story, Department department, Random random) {
    this.story = story;
    this.department = department;
    this.random = random;
  }

  void leadAdded(Department.Funnel funnel, Instant at) {
    event(
        "lead_added",
        Target.LEAD,
        null,
        Department.ROBOT,
        at,
        List.of(),
        List.of(status(funnel.stage(0).id(), funnel.id())),
        null);
  }

  TaskDraft task(
      String text,
      long typeId,
      long createdBy,
      long responsible,
      Instant createdAt,
      Instant till,
      int stage) {
    TaskDraft task =
        new TaskDraft(story, text, typeId, createdBy, responsible, createdAt, till, stage);
    story.tasks.add(task);
    event("task_added", Target.TASK, task, createdBy, createdAt, List.of(), List.of(), null);
    return task;
  }

  void taskCompleted(TaskDraft task, long by, Instant at) {
    event("task_completed", Target.TASK, task, by, at, List.of(), List.of(), null);
  }

  void statusChanged(long pipelineId, long from, long to, long by, Instant at) {
    event(
        "lead_status_changed",
        Target.LEAD,
        null,
        by,
        at,
        List.of(status(from, pipelineId)),
        List.of(status(to, pipelineId)),
        null);
  }

  void responsibleChanged(long from, long to, long by, Instant at) {
    event(
        "entity_responsible_changed",
        Target.LEAD,
        null,
        by,
        at,
        List.of(Map.of("responsible_user", Map.of("id", from))),
        List.of(Map.of("responsible_user", Map.of("id", to))),
        null);
  }

  void deletedAndRestored(long deletedBy, long restoredBy, Instant deleted, Instant restored) {
    event("lead_deleted", Target.LEAD, null, deletedBy, deleted, List.of(), List.of(), null);
    event("lead_restored", Target.LEAD, null, restoredBy, restored, List.of(), List.of(), null);
  }

  void chat(boolean incoming, long by, Instant at) {
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("id", uuid());
    message.put("origin", messenger());
    message.put("talk_id", FIRST_TALK_ID + story.slot.index());
    String type = incoming ? "incoming_chat_message" : "outgoing_chat_message";
    event(type, Target.LEAD, null, by, at, List.of(), List.of(Map.of("message", message)), null);
  }

  void outgoingCall(long by, Instant at, boolean reached) {
    int duration = reached ? 40 + random.nextInt(560) : 0;
    NoteDraft note =
        note(
            "call_out",
            callParams(
                duration,
                reached ? CALL_STATUS_TALKED : CALL_STATUS_NOT_REACHED,
                reached ? "Разговор состоялся" : "Не дозвонился"),
            by,
            at);
    event("outgoing_call", Target.LEAD, null, by, at, List.of(), null, note);
  }

  /** A missed call has duration 0; an answered one is made by the manager who took it. */
  void incomingCall(Instant at, boolean missed, long by) {
    int duration = missed ? 0 : 60 + random.nextInt(540);
    long author = missed ? Department.ROBOT : by;
    NoteDraft note =
        note(
            "call_in",
            callParams(
                duration,
                missed ? CALL_STATUS_NOT_REACHED : CALL_STATUS_TALKED,
                missed ? "Пропущенный вызов" : "Разговор состоялся"),
            author,
            at);
    event("incoming_call", Target.LEAD, null, author, at, List.of(), null, note);
  }

  void mail(boolean incoming, long by, Instant at) {
    // Ordered maps only: Map.of's iteration order changes from one JVM run to the next.
    Map<String, Object> client = new LinkedHashMap<>();
    client.put("email", clientEmail());
    client.put("name", story.contactName);
    Map<String, Object> office = new LinkedHashMap<>();
    office.put("email", managerEmail());
    office.put("name", Words.COMPANY);
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("income", incoming);
    params.put("subject", incoming ? "Вопрос по заказу" : "Коммерческое предложение");
    params.put("from", incoming ? client : office);
    params.put("to", incoming ? office : client);
    params.put(
        "content_summary",
        incoming
            ? "Добрый день! Подскажите, пожалуйста, по срокам"
            : "Добрый день! Направляем расчёт");
    NoteDraft note = note("amomail_message", params, by, at);
    event(
        incoming ? "incoming_mail" : "outgoing_mail",
        Target.LEAD,
        null,
        by,
        at,
        List.of(),
        null,
        note);
  }

  /** An SMS on the deal (with its note), or on the client's contact (an event only). */
  void sms(long by, Instant at, boolean onContact) {
    if (onContact) {
      event("outgoing_sms", Target.CONTACT, null, by, at, List.of(), List.of(), null);
      return;
    }
    Map<String, Object> params = new LinkedHashMap<>();
    params.put(
        "text", "Здравствуйте! Не дозвонились до вас, перезвоните, пожалуйста: " + Words.COMPANY);
    params.put("phone", story.phone);
    NoteDraft note = note("sms_out", params, by, at);
    event("outgoing_sms", Target.LEAD, null, by, at, List.of(), null, note);
  }

  void commonNote(String text, long by, Instant at) {
    NoteDraft note = note("common", new LinkedHashMap<>(Map.of("text", text)), by, at);
    event("common_note_added", Target.LEAD, null, by, at, List.of(), null, note);
  }

  private Map<String, Object> callParams(int duration, int status, String result) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("uniq", uuid());
    params.put("duration", duration);
    params.put("source", TELEPHONY);
    params.put("link", "");
    params.put("phone", story.phone);
    params.put("call_status", status);
    params.put("call_result", result);
    return params;
  }

  private NoteDraft note(String type, Map<String, Object> params, long by, Instant at) {
    NoteDraft note = new NoteDraft(story, type, params, by, at);
    story.notes.add(note);
    return note;
  }

  private void event(
      String type,
      Target target,
      TaskDraft task,
      long by,
      Instant at,
      List<Map<String, Object>> before,
      List<Map<String, Object>> after,
      NoteDraft note) {
    story.events.add(new EventDraft(story, type, target, task, by, at, before, after, note));
  }

  private static Map<String, Object> status(long statusId, long pipelineId) {
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("id", statusId);
    inner.put("pipeline_id", pipelineId);
    return Map.of("lead_status", inner);
  }

  private String messenger() {
    String source = story.values.get(LeadField.SOURCE);
    return switch (source) {
      case "WhatsApp" -> "whatsapp";
      case "Авито" -> "avito";
      default -> "telegram";
    };
  }

  private String clientEmail() {
    return Words.transliterate(story.contactName.replace(' ', '.'))
        + story.slot.index()
        + "@mail.ru";
  }

  private String managerEmail() {
    for (var user : department.users) {
      if (user.id() == story.responsible) {
        return user.email();
      }
    }
    return "sales@" + Words.MAIL_DOMAIN;
  }

  /** A version-4-looking UUID from the deal's own random stream, so runs repeat exactly. */
  private String uuid() {
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low).toString();
  }
}
