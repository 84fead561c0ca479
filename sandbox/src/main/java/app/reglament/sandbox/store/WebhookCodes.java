package app.reglament.sandbox.store;

import java.util.Set;

/** The event codes a webhook subscription may name, as amoCRM spells them. */
public final class WebhookCodes {
  public static final String ADD_LEAD = "add_lead";
  public static final String UPDATE_LEAD = "update_lead";
  public static final String DELETE_LEAD = "delete_lead";
  public static final String RESTORE_LEAD = "restore_lead";
  public static final String STATUS_LEAD = "status_lead";
  public static final String RESPONSIBLE_LEAD = "responsible_lead";
  public static final String NOTE_LEAD = "note_lead";
  public static final String ADD_CONTACT = "add_contact";
  public static final String UPDATE_CONTACT = "update_contact";
  public static final String ADD_TASK = "add_task";
  public static final String UPDATE_TASK = "update_task";
  public static final String DELETE_TASK = "delete_task";

  /** Accepted on subscription; the sandbox sends the lead, task, note and contact-add ones. */
  public static final Set<String> ALL =
      Set.of(
          ADD_LEAD,
          UPDATE_LEAD,
          DELETE_LEAD,
          RESTORE_LEAD,
          STATUS_LEAD,
          RESPONSIBLE_LEAD,
          NOTE_LEAD,
          ADD_CONTACT,
          UPDATE_CONTACT,
          "delete_contact",
          "restore_contact",
          "responsible_contact",
          "note_contact",
          "add_company",
          "update_company",
          "delete_company",
          "restore_company",
          "responsible_company",
          "note_company",
          ADD_TASK,
          UPDATE_TASK,
          DELETE_TASK,
          "add_talk",
          "update_talk",
          "add_message",
          "add_unsorted",
          "delete_unsorted");

  /** amoCRM's ceiling of subscriptions per account. */
  public static final int MAX_WEBHOOKS = 100;

  private WebhookCodes() {}
}
