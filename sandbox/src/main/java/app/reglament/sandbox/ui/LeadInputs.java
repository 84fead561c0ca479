package app.reglament.sandbox.ui;

/**
 * The names of a deal's inputs in the card and the "new deal" form, as amoCRM's own card names
 * them, so scripts that look for {@code [name="lead[PRICE]"]} find the same thing here. Custom
 * fields are {@code CFV[fieldId]} ({@link FieldRows#inputName}).
 */
final class LeadInputs {
  static final String NAME = "lead[NAME]";
  static final String PRICE = "lead[PRICE]";
  static final String RESPONSIBLE = "lead[MAIN_USER]";
  static final String STATUS = "lead[STATUS]";
  static final String PIPELINE = "lead[PIPELINE_ID]";

  private LeadInputs() {}
}
