package app.reglament.sandbox.ui;

import java.util.List;

/** The model of the pipeline board page ({@code board.html}). */
record BoardView(
    Layout layout,
    long pipelineId,
    String pipelineName,
    List<PipelineTab> pipelines,
    List<Column> columns,
    NewLeadForm newLead) {

  /** One entry of the pipeline switcher. */
  record PipelineTab(long id, String name, String href, boolean active) {}

  /** A stage's column: its head (name, deal count, sum) and its deals. */
  record Column(
      long statusId,
      long pipelineId,
      String name,
      String color,
      int type,
      int sort,
      boolean closed,
      int count,
      String countLabel,
      String priceLabel,
      List<Item> items) {}

  /**
   * A deal's card on the board.
   *
   * @param task the nearest open task's deadline, null when the deal has none
   * @param noTask whether to warn "Нет задач": an active deal without an open task
   */
  record Item(
      long id,
      String name,
      String href,
      long price,
      String priceLabel,
      long responsibleUserId,
      String responsibleName,
      String contactName,
      TaskMark task,
      boolean noTask) {}

  /** When the nearest open task is due, and whether that is already past. */
  record TaskMark(long at, String iso, String label, boolean overdue) {}

  /** The "new deal" form, open and refilled when a submission was refused. */
  record NewLeadForm(
      boolean open,
      String action,
      long pipelineId,
      String name,
      String price,
      List<Option> stages,
      List<Option> users) {}
}
