package app.reglament.sandbox.hooks;

import app.reglament.sandbox.store.Change;
import app.reglament.sandbox.store.ChangeSet;
import app.reglament.sandbox.store.Contact;
import app.reglament.sandbox.store.CustomField;
import app.reglament.sandbox.store.FieldValue;
import app.reglament.sandbox.store.Lead;
import app.reglament.sandbox.store.Note;
import app.reglament.sandbox.store.NoteTypes;
import app.reglament.sandbox.store.Task;
import app.reglament.sandbox.store.WebhookCodes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * Writes change sets as amoCRM's webhook bodies: the old API v2 shape ({@code last_modified},
 * {@code date_create}, {@code custom_fields}), form-encoded with PHP-style keys, one body per
 * destination holding every subscribed section. A deal's stage move is reported under both {@code
 * leads[status]} and {@code leads[update]}, a hand-over under {@code leads[responsible]} and {@code
 * leads[update]}, as amoCRM does when both are subscribed.
 */
public final class WebhookEncoder {
  /** v2's entity-type numbers in {@code element_type}: 1 contact, 2 deal. */
  static final int ELEMENT_CONTACT = 1;

  static final int ELEMENT_LEAD = 2;

  /** The account block every body starts with. */
  public record AccountRef(long id, String subdomain, String selfUrl) {}

  private final LongFunction<Optional<CustomField>> fields;

  public WebhookEncoder(LongFunction<Optional<CustomField>> fields) {
    this.fields = fields;
  }

  /** The body for a subscription with these settings, or empty when it wants none of it. */
  public Optional<String> encode(AccountRef account, ChangeSet changes, List<String> settings) {
    Map<String, List<Section.Entry>> sections = new LinkedHashMap<>();
    for (Change change : changes.changes()) {
      for (Section section : sections(change, changes.userId())) {
        if (settings.contains(section.code())) {
          sections.computeIfAbsent(section.key(), k -> new ArrayList<>()).add(section.entry());
        }
      }
    }
    if (sections.isEmpty()) {
      return Optional.empty();
    }
    Form form = new Form();
    form.put("account[subdomain]", account.subdomain());
    form.put("account[id]", account.id());
    form.put("account[_links][self]", account.selfUrl());
    sections.forEach(
        (key, entries) -> {
          for (int i = 0; i < entries.size(); i++) {
            entries.get(i).write(form.at(key + "[" + i + "]"), account.id());
          }
        });
    return Optional.of(form.encode());
  }

  /** Where one change goes: its section ({@code leads[update]}), event code and entry. */
  private record Section(String key, String code, Entry entry) {
    interface Entry {
      void write(Form.Scope at, long accountId);
    }
  }

  private List<Section> sections(Change change, long userId) {
    List<Section> out = new ArrayList<>();
    if (change instanceof Change.LeadAdded added) {
      out.add(leadSection("leads[add]", WebhookCodes.ADD_LEAD, added.lead(), null, userId));
    } else if (change instanceof Change.LeadUpdated updated) {
      Lead before = updated.before();
      Lead after = updated.after();
      if (updated.stageChanged()) {
        out.add(leadSection("leads[status]", WebhookCodes.STATUS_LEAD, after, before, userId));
      }
      if (updated.responsibleChanged()) {
        out.add(
            leadSection(
                "leads[responsible]", WebhookCodes.RESPONSIBLE_LEAD, after, before, userId));
      }
      out.add(leadSection("leads[update]", WebhookCodes.UPDATE_LEAD, after, before, userId));
    } else if (change instanceof Change.LeadDeleted deleted) {
      Lead lead = deleted.lead();
      out.add(
          new Section(
              "leads[delete]",
              WebhookCodes.DELETE_LEAD,
              (at, account) ->
                  at.put("id", lead.id())
                      .put("status_id", lead.statusId())
                      .put("pipeline_id", lead.pipelineId())));
    } else if (change instanceof Change.LeadRestored restored) {
      out.add(
          leadSection("leads[restore]", WebhookCodes.RESTORE_LEAD, restored.lead(), null, userId));
    } else if (change instanceof Change.TaskAdded added) {
      out.add(
          new Section(
              "tasks[add]",
              WebhookCodes.ADD_TASK,
              (at, account) -> task(at, added.task(), null, userId, account)));
    } else if (change instanceof Change.TaskUpdated updated) {
      out.add(
          new Section(
              "tasks[update]",
              WebhookCodes.UPDATE_TASK,
              (at, account) -> task(at, updated.after(), updated.before(), userId, account)));
    } else if (change instanceof Change.NoteAdded added) {
      out.add(
          new Section(
              "leads[note]",
              WebhookCodes.NOTE_LEAD,
              (at, account) -> note(at.at("note"), added.note(), account)));
    } else if (change instanceof Change.ContactAdded added) {
      out.add(
          new Section(
              "contacts[add]",
              WebhookCodes.ADD_CONTACT,
              (at, account) -> contact(at, added.contact(), account)));
    }
    return out;
  }

  private Section leadSection(String key, String code, Lead lead, Lead before, long userId) {
    return new Section(key, code, (at, account) -> lead(at, lead, before, userId, account));
  }

  /** A deal's v2 entry; {@code before} adds the {@code old_…} fields of an edit. */
  private void lead(Form.Scope at, Lead lead, Lead before, long userId, long accountId) {
    at.put("id", lead.id())
        .put("name", lead.name())
        .put("status_id", lead.statusId())
        .put("old_status_id", before == null ? null : before.statusId())
        .put("price", lead.price())
        .put("responsible_user_id", lead.responsibleUserId())
        .put(
            "old_responsible_user_id",
            before == null || before.responsibleUserId() == lead.responsibleUserId()
                ? null
                : before.responsibleUserId())
        .put("last_modified", seconds(lead.updatedAt()))
        .put("modified_user_id", userId)
        .put("created_user_id", lead.createdBy())
        .put("date_create", seconds(lead.createdAt()))
        .put("pipeline_id", lead.pipelineId())
        .put("old_pipeline_id", stageMoved(before, lead) ? before.pipelineId() : null)
        .put("loss_reason_id", lead.lossReasonId())
        .put("account_id", accountId)
        .put("created_at", seconds(lead.createdAt()))
        .put("updated_at", seconds(lead.updatedAt()));
    List<FieldValue> values = lead.customFields();
    for (int i = 0; i < values.size(); i++) {
      FieldValue value = values.get(i);
      Form.Scope field = at.at("custom_fields").at(Integer.toString(i));
      field.put("id", value.fieldId());
      field.put("name", fields.apply(value.fieldId()).map(CustomField::name).orElse(null));
      for (int j = 0; j < value.values().size(); j++) {
        FieldValue.Value v = value.values().get(j);
        field.at("values").at(Integer.toString(j)).put("value", v.value()).put("enum", v.enumId());
      }
    }
  }

  private static boolean stageMoved(Lead before, Lead after) {
    return before != null
        && (before.statusId() != after.statusId() || before.pipelineId() != after.pipelineId());
  }

  /** A task's v2 entry: {@code status} 1 when completed, {@code action_close} on completing. */
  private static void task(Form.Scope at, Task task, Task before, long userId, long accountId) {
    boolean closing = before != null && !before.completed() && task.completed();
    at.put("id", task.id())
        .put("element_id", task.entityId())
        .put(
            "element_type",
            Task.ON_CONTACTS.equals(task.entityType()) ? ELEMENT_CONTACT : ELEMENT_LEAD)
        .put("task_type", task.taskTypeId())
        .put("text", task.text())
        .put("status", task.completed() ? 1 : 0)
        .put("action_close", closing ? 1 : null)
        .put("responsible_user_id", task.responsibleUserId())
        .put("complete_till", seconds(task.completeTill()))
        .put("created_user_id", task.createdBy())
        .put("modified_user_id", userId)
        .put("date_create", seconds(task.createdAt()))
        .put("last_modified", seconds(task.updatedAt()))
        .put("account_id", accountId)
        .put("created_at", seconds(task.createdAt()))
        .put("updated_at", seconds(task.updatedAt()));
    if (task.resultText() != null) {
      at.at("result").put("id", task.id()).put("text", task.resultText());
    }
  }

  /** A note's v2 entry, nested as {@code leads[note][i][note][…]}; a call's text is its JSON. */
  private static void note(Form.Scope at, Note note, long accountId) {
    at.put("id", note.id())
        .put("note_type", NoteTypes.v2Number(note.noteType()))
        .put("element_id", note.leadId())
        .put("element_type", ELEMENT_LEAD)
        .put("text", noteText(note))
        .put("created_by", note.createdBy())
        .put("main_user_id", note.responsibleUserId())
        .put("date_create", seconds(note.createdAt()))
        .put("last_modified", seconds(note.updatedAt()))
        .put("account_id", accountId);
  }

  private static String noteText(Note note) {
    if (!NoteTypes.CALL_IN.equals(note.noteType()) && !NoteTypes.CALL_OUT.equals(note.noteType())) {
      return note.text();
    }
    Map<String, Object> p = note.params();
    return "{\"UNIQ\":"
        + quoted(p.get("uniq"))
        + ",\"LINK\":"
        + quoted(p.get("link"))
        + ",\"PHONE\":"
        + quoted(p.get("phone"))
        + ",\"DURATION\":"
        + quoted(p.get("duration"))
        + ",\"SRC\":"
        + quoted(p.get("source"))
        + "}";
  }

  private static String quoted(Object value) {
    String text = value == null ? "" : value.toString();
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static void contact(Form.Scope at, Contact contact, long accountId) {
    at.put("id", contact.id())
        .put("name", contact.name())
        .put("responsible_user_id", contact.responsibleUserId())
        .put("date_create", seconds(contact.createdAt()))
        .put("last_modified", seconds(contact.updatedAt()))
        .put("created_user_id", contact.createdBy())
        .put("modified_user_id", contact.updatedBy())
        .put("account_id", accountId)
        .put("created_at", seconds(contact.createdAt()))
        .put("updated_at", seconds(contact.updatedAt()))
        .put("type", "contact");
  }

  private static Long seconds(Instant at) {
    return at == null ? null : at.getEpochSecond();
  }
}
