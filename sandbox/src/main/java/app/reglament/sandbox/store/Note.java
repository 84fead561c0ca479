package app.reglament.sandbox.store;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A note on a deal.
 *
 * @param noteType API v4's name: {@code common}, {@code call_in}, {@code call_out}, {@code
 *     service_message}, {@code sms_in}, {@code sms_out}, …
 * @param params the type's parameters ({@code text} of a common note; {@code phone}, {@code
 *     duration}, {@code link}, {@code source}, {@code uniq} of a call), as JSON-ready values
 */
public record Note(
    long id,
    long leadId,
    String noteType,
    Map<String, Object> params,
    long responsibleUserId,
    long createdBy,
    long updatedBy,
    Instant createdAt,
    Instant updatedAt) {

  public Note {
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  /** The text a person would read: a common note's text, or empty. */
  public String text() {
    Object text = params.get("text");
    return text == null ? "" : text.toString();
  }
}
