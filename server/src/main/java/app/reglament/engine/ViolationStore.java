package app.reglament.engine;

import static app.reglament.db.generated.Tables.VIOLATIONS;

import app.reglament.db.generated.tables.records.ViolationsRecord;
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
import org.jooq.Query;

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
      String details) {

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
    dsl.selectFrom(VIOLATIONS)
        .where(
            VIOLATIONS.ACCOUNT_ID.eq(accountId),
            VIOLATIONS.SCOPE.in(scopes),
            VIOLATIONS.CLOSED_AT.isNull())
        .forEach(r -> open.computeIfAbsent(r.getScope(), s -> new ArrayList<>()).add(open(r)));
    return open;
  }

  /** Every open violation of the account, by scope (for a full evaluation). */
  static Map<String, List<Open>> allOpen(DSLContext dsl, long accountId) {
    Map<String, List<Open>> open = new HashMap<>();
    try (var cursor =
        dsl.selectFrom(VIOLATIONS)
            .where(VIOLATIONS.ACCOUNT_ID.eq(accountId), VIOLATIONS.CLOSED_AT.isNull())
            .fetchSize(5000)
            .fetchLazy()) {
      for (ViolationsRecord r : cursor) {
        open.computeIfAbsent(r.getScope(), s -> new ArrayList<>()).add(open(r));
      }
    }
    return open;
  }

  private static Open open(ViolationsRecord r) {
    return new Open(
        r.getId(),
        r.getScope(),
        r.getIndicator(),
        r.getSubjectKey(),
        r.getBeganAt(),
        r.getSeverity(),
        r.getUserId(),
        r.getDetails());
  }

  /**
   * The statements that make a scope's open violations equal its violated findings: new ones
   * inserted, changed ones updated, the rest closed at {@code now}. A violation that comes back
   * after it closed is a new row, so its history shows both.
   */
  static List<Query> plan(
      DSLContext dsl,
      long accountId,
      String scope,
      List<Open> open,
      List<Finding> findings,
      Instant now) {
    List<Query> queries = new ArrayList<>();
    Map<String, Open> byKey = new LinkedHashMap<>();
    for (Open o : open) {
      Open previous = byKey.get(o.key());
      if (previous == null) {
        byKey.put(o.key(), o);
      } else {
        // Two open occurrences of one item: the newer stays a candidate, the older closes.
        boolean newer = previous.beganAt().isBefore(o.beganAt());
        byKey.put(o.key(), newer ? o : previous);
        queries.add(close(dsl, accountId, (newer ? previous : o).id(), now));
      }
    }
    for (Finding f : findings) {
      if (!f.violated()) {
        continue;
      }
      String details = details(f);
      Open existing = byKey.remove(f.indicator().code() + "|" + f.subjectKey());
      if (existing != null && existing.beganAt().equals(f.beganAt())) {
        if (!existing.severity().equals(f.severity().code())
            || !Objects.equals(existing.details(), details)
            || !Objects.equals(existing.userId(), f.userId())) {
          queries.add(
              dsl.update(VIOLATIONS)
                  .set(VIOLATIONS.SEVERITY, f.severity().code())
                  .set(VIOLATIONS.DETAILS, details)
                  .set(VIOLATIONS.USER_ID, f.userId())
                  .where(VIOLATIONS.ACCOUNT_ID.eq(accountId), VIOLATIONS.ID.eq(existing.id())));
        }
        continue;
      }
      if (existing != null) {
        queries.add(close(dsl, accountId, existing.id(), now));
      }
      queries.add(
          dsl.insertInto(VIOLATIONS)
              .set(VIOLATIONS.ACCOUNT_ID, accountId)
              .set(VIOLATIONS.INDICATOR, f.indicator().code())
              .set(VIOLATIONS.SEVERITY, f.severity().code())
              .set(VIOLATIONS.SUBJECT_KEY, f.subjectKey())
              .set(VIOLATIONS.SCOPE, scope)
              .set(VIOLATIONS.LEAD_ID, f.leadId())
              .set(VIOLATIONS.TASK_ID, f.taskId())
              .set(VIOLATIONS.USER_ID, f.userId())
              .set(VIOLATIONS.DETAILS, details)
              .set(VIOLATIONS.BEGAN_AT, f.beganAt())
              .set(VIOLATIONS.DETECTED_AT, now));
    }
    for (Open gone : byKey.values()) {
      queries.add(close(dsl, accountId, gone.id(), now));
    }
    return queries;
  }

  static Query close(DSLContext dsl, long accountId, long id, Instant now) {
    return dsl.update(VIOLATIONS)
        .set(VIOLATIONS.CLOSED_AT, now)
        .where(VIOLATIONS.ACCOUNT_ID.eq(accountId), VIOLATIONS.ID.eq(id));
  }

  /** The stored form of a violation's reason, explanation and figures. */
  static String details(Finding f) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("reason", f.reason());
    out.put("ru", f.explanation().russian());
    out.put("en", f.explanation().english());
    out.put("day", f.day().toString());
    out.put("details", new java.util.TreeMap<>(f.details()));
    try {
      return JSON.writeValueAsString(out);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "A finding's details must be JSON values: " + f.indicator().code(), e);
    }
  }
}
