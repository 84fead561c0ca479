package app.reglament.engine;

import static app.reglament.db.generated.Tables.VIOLATIONS;

import app.reglament.db.OneOf;
import app.reglament.rules.Finding;
import app.reglament.web.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jooq.DSLContext;

/**
 * Opens, updates and closes violations so that the open ones of a subject are exactly its violated
 * findings. Nothing is deleted: a closed violation keeps its start and end as history.
 */
final class ViolationStore {
  private static final ObjectMapper JSON = Json.mapper();

  private ViolationStore() {}

  /** An open violation as the store needs it for the comparison. */
  record Open(
      long id,
      String scope,
      String indicator,
      String subjectKey,
      Instant beganAt,
      String severity,
      Long userId,
      Long detailsHash) {

    String key() {
      return indicator + "|" + subjectKey;
    }
  }

  /** The open violations of some scopes, by scope. */
  static Map<String, List<Open>> open(DSLContext dsl, long accountId, Collection<String> scopes) {
    Map<String, List<Open>> open = new HashMap<>();
    if (scopes.isEmpty()) {
      return open;
    }
    OneOf ofScopes =
        OneOf.of(dsl, VIOLATIONS, VIOLATIONS.SCOPE, scopes, VIOLATIONS.ACCOUNT_ID.eq(accountId));
    // The details themselves are not read: their hash tells whether they changed, and a full
    // evaluation compares millions of them.
    dsl.select(
            VIOLATIONS.ID,
            VIOLATIONS.SCOPE,
            VIOLATIONS.INDICATOR,
            VIOLATIONS.SUBJECT_KEY,
            VIOLATIONS.BEGAN_AT,
            VIOLATIONS.SEVERITY,
            VIOLATIONS.USER_ID,
            VIOLATIONS.DETAILS_HASH)
        .from(ofScopes.from())
        .where(ofScopes.where(), VIOLATIONS.CLOSED_AT.isNull())
        .forEach(
            r ->
                open.computeIfAbsent(r.value2(), s -> new ArrayList<>())
                    .add(
                        new Open(
                            r.value1(),
                            r.value2(),
                            r.value3(),
                            r.value4(),
                            r.value5(),
                            r.value6(),
                            r.value7(),
                            r.value8())));
    return open;
  }

  /**
   * Plans the writes that make a scope's open violations equal its violated findings: new ones
   * opened, changed ones updated, the rest closed. A violation that comes back after it closed is a
   * new row, so its history shows both.
   */
  static void plan(Writes out, String scope, List<Open> open, List<Finding> findings) {
    Map<String, List<Open>> byKey = new LinkedHashMap<>();
    for (Open o : open) {
      byKey.computeIfAbsent(o.key(), k -> new ArrayList<>()).add(o);
    }
    for (Finding f : findings) {
      if (!f.violated()) {
        continue;
      }
      List<Open> copies = byKey.remove(f.indicator().code() + "|" + f.subjectKey());
      Open same = null;
      if (copies != null) {
        // The open occurrence with the same start continues; any other copy of the item closes.
        for (Open o : copies) {
          if (same == null && o.beganAt().equals(f.beganAt())) {
            same = o;
          } else {
            out.close(o.id());
          }
        }
      }
      // The details are rendered only for what is written: a full evaluation finds millions of
      // violations, and nearly all of them are open already and unchanged.
      if (same == null) {
        out.open(scope, f, details(f), hash(f));
      } else {
        long hash = hash(f);
        if (!same.severity().equals(f.severity().code())
            || !Objects.equals(same.detailsHash(), hash)
            || !Objects.equals(same.userId(), f.userId())) {
          out.change(same.id(), f, details(f), hash);
        }
      }
    }
    for (List<Open> gone : byKey.values()) {
      gone.forEach(o -> out.close(o.id()));
    }
  }

  /**
   * A 64-bit FNV-1a hash of what {@link #details} stores (reason, explanation, an event's day and
   * the figures), stored beside the details to tell a change without reading them back. It is taken
   * from the finding rather than the rendered JSON, so that an unchanged violation costs no
   * rendering; a row whose hash was taken otherwise (an older version) is rewritten once.
   */
  static long hash(Finding f) {
    long h = FNV_OFFSET;
    h = mix(h, f.reason());
    h = mix(h, f.explanation().russian());
    h = mix(h, f.explanation().english());
    h = mix(h, eventDay(f));
    return mixValue(h, f.details());
  }

  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  /** Mixes in a text and a separator; null differs from every text, the empty one included. */
  private static long mix(long h, String text) {
    if (text == null) {
      return (h ^ 0xFFFF) * FNV_PRIME;
    }
    for (int i = 0; i < text.length(); i++) {
      h = (h ^ text.charAt(i)) * FNV_PRIME;
    }
    return (h ^ 0xFFFE) * FNV_PRIME;
  }

  /** Maps in key order (as stored), lists in their order, anything else as its text. */
  private static long mixValue(long h, Object value) {
    if (value instanceof Map<?, ?> map) {
      h = mix(h, "{");
      for (var e : new java.util.TreeMap<>(map).entrySet()) {
        h = mixValue(mix(h, String.valueOf(e.getKey())), e.getValue());
      }
      return mix(h, "}");
    }
    if (value instanceof Collection<?> list) {
      h = mix(h, "[");
      for (Object item : list) {
        h = mixValue(h, item);
      }
      return mix(h, "]");
    }
    if (value == null
        || value instanceof String
        || value instanceof Number
        || value instanceof Boolean
        || value instanceof Enum<?>
        || value instanceof java.time.temporal.TemporalAccessor) {
      return mix(h, value == null ? null : value.getClass().getSimpleName() + ":" + value);
    }
    // Anything else is hashed as it is stored.
    try {
      return mix(h, JSON.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("A finding's details must be JSON values", e);
    }
  }

  /** An event's day, which is fixed; a state item's changes daily and is not stored. */
  private static String eventDay(Finding f) {
    return f.indicator().kind() == app.reglament.rules.Indicator.Kind.EVENT
        ? f.day().toString()
        : null;
  }

  /** The stored form of a violation's reason, explanation and figures. */
  static String details(Finding f) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("reason", f.reason());
    out.put("ru", f.explanation().russian());
    out.put("en", f.explanation().english());
    String day = eventDay(f);
    if (day != null) {
      // A state item's day is the day of evaluation: stored, it would change every open stuck deal
      // and overdue task each day for nothing.
      out.put("day", day);
    }
    out.put("details", new java.util.TreeMap<>(f.details()));
    try {
      return JSON.writeValueAsString(out);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "A finding's details must be JSON values: " + f.indicator().code(), e);
    }
  }
}
