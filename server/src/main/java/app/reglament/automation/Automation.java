package app.reglament.automation;

/** The automations' names as the audit log shows them. */
public final class Automation {
  public static final String NAMING = "naming";
  public static final String FIRST_CONTACT = "first_contact";
  public static final String REASSIGN = "reassign";
  public static final String REQUIRED_FIELDS = "required_fields";
  public static final String TASK_RESULT = "task_result";
  public static final String LOST_DEAL = "lost_deal";

  /** The first words of every note Reglament leaves, so a manager sees who wrote it. */
  static final String NOTE_PREFIX = "Регламент: ";

  private Automation() {}
}
