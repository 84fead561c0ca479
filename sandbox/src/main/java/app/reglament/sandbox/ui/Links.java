package app.reglament.sandbox.ui;

/** The UI's addresses, shaped like amoCRM's so that scripts written for it find their way. */
final class Links {
  static final String LEADS = "/leads";
  static final String NEW_LEAD = "/leads/new";
  static final String CSS = "/ui/sandbox.css";

  private Links() {}

  static String board(long pipelineId) {
    return "/leads/pipeline/" + pipelineId;
  }

  static String card(long leadId) {
    return "/leads/detail/" + leadId;
  }
}
