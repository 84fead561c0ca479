package app.reglament.sandbox.store;

import java.util.Set;

/** The event types the sandbox writes to its log, by amoCRM's names. */
public final class EventTypes {
  public static final String LEAD_ADDED = "lead_added";
  public static final String LEAD_DELETED = "lead_deleted";
  public static final String LEAD_RESTORED = "lead_restored";
  public static final String LEAD_STATUS_CHANGED = "lead_status_changed";
  public static final String CONTACT_ADDED = "contact_added";
  public static final String NAME_FIELD_CHANGED = "name_field_changed";
  public static final String SALE_FIELD_CHANGED = "sale_field_changed";
  public static final String CUSTOM_FIELD_VALUE_CHANGED = "custom_field_value_changed";
  public static final String RESPONSIBLE_CHANGED = "entity_responsible_changed";
  public static final String TASK_ADDED = "task_added";
  public static final String TASK_COMPLETED = "task_completed";
  public static final String TASK_RESULT_ADDED = "task_result_added";
  public static final String TASK_TEXT_CHANGED = "task_text_changed";
  public static final String TASK_DEADLINE_CHANGED = "task_deadline_changed";
  public static final String TASK_TYPE_CHANGED = "task_type_changed";
  public static final String COMMON_NOTE_ADDED = "common_note_added";
  public static final String SERVICE_NOTE_ADDED = "service_note_added";
  public static final String INCOMING_CALL = "incoming_call";
  public static final String OUTGOING_CALL = "outgoing_call";
  public static final String INCOMING_CHAT_MESSAGE = "incoming_chat_message";
  public static final String OUTGOING_CHAT_MESSAGE = "outgoing_chat_message";
  public static final String INCOMING_MAIL = "incoming_mail";
  public static final String OUTGOING_MAIL = "outgoing_mail";
  public static final String INCOMING_SMS = "incoming_sms";
  public static final String OUTGOING_SMS = "outgoing_sms";

  /** Calls, chats, mails and SMS: what {@link Store#recordCommunication} accepts. */
  public static final Set<String> COMMUNICATIONS =
      Set.of(
          INCOMING_CALL,
          OUTGOING_CALL,
          INCOMING_CHAT_MESSAGE,
          OUTGOING_CHAT_MESSAGE,
          INCOMING_MAIL,
          OUTGOING_MAIL,
          INCOMING_SMS,
          OUTGOING_SMS);

  /** The event entity names of {@code filter[entity]}, singular as amoCRM writes them. */
  public static final String ENTITY_LEAD = "lead";

  public static final String ENTITY_CONTACT = "contact";
  public static final String ENTITY_TASK = "task";

  private EventTypes() {}
}
