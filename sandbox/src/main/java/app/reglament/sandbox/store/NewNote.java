package app.reglament.sandbox.store;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A note to add to a deal; see {@link NoteTypes} for the types and their parameters. */
public record NewNote(long leadId, String noteType, Map<String, Object> params) {

  public NewNote {
    params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  /** A plain text comment. */
  public static NewNote common(long leadId, String text) {
    return new NewNote(leadId, NoteTypes.COMMON, Map.of("text", text));
  }
}
