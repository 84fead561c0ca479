package app.reglament.sandbox.store;

/**
 * Why one entity of a write was refused, in amoCRM's terms.
 *
 * @param index the entity's position in the batch (amoCRM's {@code request_id})
 * @param code {@code NotSupportedChoice}, {@code NotFound}, {@code InvalidType}, {@code
 *     FieldMissing}, …
 * @param path the offending field, e.g. {@code status_id} or {@code
 *     custom_fields_values.0.field_id}
 */
public record Violation(int index, String code, String path, String detail) {
  public static final String NOT_SUPPORTED_CHOICE = "NotSupportedChoice";
  public static final String NOT_FOUND = "NotFound";
  public static final String INVALID_TYPE = "InvalidType";
  public static final String FIELD_MISSING = "FieldMissing";
  public static final String FIELD_NOT_EXPECTED = "FieldNotExpected";
  public static final String LIMIT_EXCEEDED = "LimitExceeded";
}
