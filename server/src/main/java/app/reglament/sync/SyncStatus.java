package app.reglament.sync;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an account's synchronization is doing, as the installing admin and operators see it: {@code
 * state} queued / running / done / failed, the {@code phase} in progress, entity counts so far, and
 * the errors met (the last few).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SyncStatus(
    String state,
    String phase,
    Map<String, Integer> counts,
    List<String> errors,
    Instant startedAt,
    Instant finishedAt,
    Instant lastReconciledAt,
    int consecutiveFailures) {

  static final int MAX_ERRORS = 10;

  public SyncStatus {
    counts = counts == null ? Map.of() : Map.copyOf(counts);
    errors = errors == null ? List.of() : List.copyOf(errors);
  }

  public static SyncStatus queued() {
    return new SyncStatus("queued", "initial", Map.of(), List.of(), null, null, null, 0);
  }

  SyncStatus running(String newPhase, Instant now) {
    return new SyncStatus(
        "running",
        newPhase,
        counts,
        errors,
        startedAt == null ? now : startedAt,
        null,
        lastReconciledAt,
        consecutiveFailures);
  }

  SyncStatus count(String entity, int total) {
    var updated = new LinkedHashMap<>(counts);
    updated.put(entity, total);
    return new SyncStatus(
        state,
        phase,
        updated,
        errors,
        startedAt,
        finishedAt,
        lastReconciledAt,
        consecutiveFailures);
  }

  SyncStatus done(Instant now) {
    return new SyncStatus("done", "idle", counts, errors, startedAt, now, lastReconciledAt, 0);
  }

  SyncStatus reconciled(Instant now) {
    return new SyncStatus("done", "idle", counts, errors, startedAt, finishedAt, now, 0);
  }

  SyncStatus failed(String error, Instant now) {
    var kept = new java.util.ArrayList<>(errors);
    kept.add(now + " " + error);
    while (kept.size() > MAX_ERRORS) {
      kept.remove(0);
    }
    return new SyncStatus(
        "failed", phase, counts, kept, startedAt, now, lastReconciledAt, consecutiveFailures + 1);
  }
}
