package app.reglament.sandbox.ui;

import java.util.List;

/** The model of the deal card page ({@code card.html}). */
record CardView(
    Layout layout,
    Deal lead,
    List<StageGroup> stageGroups,
    List<Option> lossReasons,
    List<Option> users,
    List<FieldRow> fields,
    List<ContactView> contacts,
    List<TaskView> openTasks,
    TaskForm taskForm,
    List<FeedItem> feed,
    String noteAction) {

  /**
   * The deal's own values.
   *
   * @param action the base of the card's form actions, {@code /leads/detail/{id}}
   */
  record Deal(
      long id,
      String name,
      long pipelineId,
      String pipelineName,
      long statusId,
      String statusName,
      String statusColor,
      long responsibleUserId,
      String responsibleName,
      long price,
      boolean closed,
      String action,
      String boardHref) {}

  /** The stages one pipeline offers in the stage selector. */
  record StageGroup(long pipelineId, String pipelineName, List<StageOption> stages) {}

  record StageOption(long statusId, long pipelineId, String name, boolean selected) {}

  /**
   * One custom field with the control that edits it: exactly one of {@code select}, {@code
   * multiple}, {@code textarea}, {@code checkbox}, {@code input} is true.
   *
   * @param required whether amoCRM's settings require it in the deal's current stage
   * @param inputName amoCRM's name for the control, {@code CFV[fieldId]}
   */
  record FieldRow(
      long id,
      String name,
      String type,
      boolean required,
      String inputName,
      String value,
      String inputType,
      boolean select,
      boolean multiple,
      boolean textarea,
      boolean checkbox,
      boolean checked,
      boolean input,
      List<Option> options) {}

  /** A linked contact with its field values (phones, mails) as text. */
  record ContactView(long id, String name, boolean main, List<String> values) {}

  /** An open task with its "complete" form. */
  record TaskView(
      long id,
      String text,
      long typeId,
      String typeName,
      long dueAt,
      String dueIso,
      String dueLabel,
      boolean overdue,
      long responsibleUserId,
      String responsibleName,
      String completeAction) {}

  /** The "new task" form with its defaults. */
  record TaskForm(String action, String due, List<Option> types, List<Option> users) {}

  /**
   * One entry of the deal's history feed, oldest first.
   *
   * @param kind {@code note}, {@code event} or {@code task} (a completed task)
   * @param type the note type, the event type, or the task type id
   */
  record FeedItem(
      String kind,
      String id,
      String type,
      String iso,
      String label,
      String author,
      String text,
      String result) {}
}
