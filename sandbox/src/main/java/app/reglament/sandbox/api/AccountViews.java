package app.reglament.sandbox.api;

import app.reglament.sandbox.store.Account;
import app.reglament.sandbox.store.CustomField;
import app.reglament.sandbox.store.FieldEnum;
import app.reglament.sandbox.store.LossReason;
import app.reglament.sandbox.store.Pipeline;
import app.reglament.sandbox.store.RequiredStatus;
import app.reglament.sandbox.store.Status;
import app.reglament.sandbox.store.TaskType;
import app.reglament.sandbox.store.User;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/** The account's setup in amoCRM's shapes: account, users, pipelines, stages, fields, reasons. */
final class AccountViews {
  /** amoCRM's access levels: "A" = all. An admin's rights in the sandbox. */
  private static final String ALL = "A";

  private AccountViews() {}

  static ObjectNode account(Render r, Account a, long currentUserId, Set<String> with) {
    ObjectNode node = r.object();
    node.put("id", a.id());
    node.put("name", a.name());
    node.put("subdomain", a.subdomain());
    Render.time(node, "created_at", a.createdAt());
    node.put("created_by", a.currentUserId());
    Render.time(node, "updated_at", a.createdAt());
    node.put("updated_by", a.currentUserId());
    node.put("current_user_id", currentUserId);
    node.put("country", "RU");
    node.put("currency", a.currency());
    node.put("currency_symbol", "₽");
    node.put("customers_mode", "disabled");
    node.put("is_unsorted_on", true);
    node.put("is_loss_reason_enabled", true);
    node.put("is_helpbot_enabled", false);
    node.put("is_technical_account", true);
    node.put("contact_name_display_order", 1);
    node.put("mobile_feature_version", 0);
    node.put("version", 1);
    node.set("_links", r.links("/api/v4/account"));
    ObjectNode embedded = r.object();
    if (with.contains("users_groups")) {
      ArrayNode groups = embedded.putArray("users_groups");
      r.store()
          .groups()
          .forEach(g -> groups.addObject().put("id", g.id()).put("name", g.name()).putNull("uuid"));
    }
    if (with.contains("task_types")) {
      ArrayNode types = embedded.putArray("task_types");
      for (TaskType t : r.store().taskTypes()) {
        ObjectNode type = types.addObject().put("id", t.id()).put("name", t.name());
        type.put("color", t.color());
        if (t.iconId() == null) {
          type.putNull("icon_id");
        } else {
          type.put("icon_id", t.iconId());
        }
        type.put("code", t.code());
      }
    }
    if (with.contains("datetime_settings")) {
      embedded
          .putObject("datetime_settings")
          .put("date_pattern", "d.m.Y H:i")
          .put("short_date_pattern", "d.m.Y")
          .put("short_time_pattern", "H:i")
          .put("date_format", "d.m.Y")
          .put("time_format", "H:i:s")
          .put("timezone", "Europe/Moscow")
          .put("timezone_offset", "+03:00");
    }
    if (!embedded.isEmpty()) {
      node.set("_embedded", embedded);
    }
    return node;
  }

  static ObjectNode user(Render r, User u) {
    ObjectNode node = r.object();
    node.put("id", u.id());
    node.put("name", u.name());
    node.put("email", u.email());
    node.put("lang", "ru");
    ObjectNode rights = node.putObject("rights");
    for (String entity : new String[] {"leads", "contacts", "companies"}) {
      rights
          .putObject(entity)
          .put("view", ALL)
          .put("edit", ALL)
          .put("add", ALL)
          .put("delete", ALL)
          .put("export", ALL);
    }
    rights.putObject("tasks").put("edit", ALL).put("delete", ALL);
    rights.put("mail_access", true);
    rights.put("catalog_access", true);
    rights.putArray("status_rights");
    rights.put("is_admin", u.admin());
    rights.put("is_free", false);
    rights.put("is_active", u.active());
    rights.put("group_id", u.groupId());
    rights.putNull("role_id");
    node.set("_links", r.links("/api/v4/users/" + u.id()));
    return node;
  }

  static ObjectNode pipeline(Render r, Pipeline p) {
    ObjectNode node = r.object();
    node.put("id", p.id());
    node.put("name", p.name());
    node.put("sort", p.sort());
    node.put("is_main", p.main());
    node.put("is_unsorted_on", true);
    node.put("is_archive", false);
    node.put("account_id", r.accountId());
    node.set("_links", r.links("/api/v4/leads/pipelines/" + p.id()));
    ArrayNode statuses = node.putObject("_embedded").putArray("statuses");
    p.statuses().forEach(s -> statuses.add(status(r, s)));
    return node;
  }

  static ObjectNode status(Render r, Status s) {
    ObjectNode node = r.object();
    node.put("id", s.id());
    node.put("name", s.name());
    node.put("sort", s.sort());
    node.put("is_editable", s.editable());
    node.put("pipeline_id", s.pipelineId());
    node.put("color", s.color());
    node.put("type", s.type());
    node.put("account_id", r.accountId());
    node.set(
        "_links", r.links("/api/v4/leads/pipelines/" + s.pipelineId() + "/statuses/" + s.id()));
    return node;
  }

  static ObjectNode field(Render r, CustomField f) {
    ObjectNode node = r.object();
    node.put("id", f.id());
    node.put("name", f.name());
    node.put("type", f.type());
    node.put("account_id", r.accountId());
    node.put("code", f.code());
    node.put("sort", f.sort());
    node.put("is_api_only", false);
    if (f.enums().isEmpty()) {
      node.putNull("enums");
    } else {
      ArrayNode enums = node.putArray("enums");
      for (FieldEnum e : f.enums()) {
        enums.addObject().put("id", e.id()).put("value", e.value()).put("sort", e.sort());
      }
    }
    node.putNull("group_id");
    ArrayNode required = node.putArray("required_statuses");
    for (RequiredStatus rs : f.requiredStatuses()) {
      required.addObject().put("status_id", rs.statusId()).put("pipeline_id", rs.pipelineId());
    }
    node.put("is_deletable", true);
    node.put("is_predefined", false);
    node.put("entity_type", "leads");
    node.putNull("remind");
    node.set("_links", r.links("/api/v4/leads/custom_fields/" + f.id()));
    return node;
  }

  static ObjectNode lossReason(Render r, LossReason reason) {
    ObjectNode node = r.object();
    node.put("id", reason.id());
    node.put("name", reason.name());
    node.put("sort", reason.sort());
    Render.time(node, "created_at", reason.createdAt());
    Render.time(node, "updated_at", reason.updatedAt());
    node.set("_links", r.links("/api/v4/leads/loss_reasons/" + reason.id()));
    return node;
  }
}
