package app.reglament.automation;

import app.reglament.outbox.Action;
import app.reglament.outbox.Outbox;
import app.reglament.rules.config.RulesConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The regulations' stage-required fields mirrored into amoCRM's own {@code required_statuses}
 * ({@code requiredFields.syncNative}), so that amoCRM blocks the move in its UI where the plan
 * supports it. One action per field, its whole list of stages (the list replaces the field's); a
 * field the previous version required and this one does not gets an empty list. Keys carry the
 * rules version: a version is sent once, a later one again.
 */
public final class RequiredStatuses {
  private RequiredStatuses() {}

  /**
   * @param previous the version before, to clear what it required; null when unknown (install)
   */
  public static List<Intent> plan(RulesConfig current, int version, RulesConfig previous) {
    Map<Long, List<Action.RequiredStatus>> wanted = wanted(current);
    Map<Long, List<Action.RequiredStatus>> all = new TreeMap<>(wanted);
    if (previous != null) {
      wanted(previous).keySet().forEach(field -> all.putIfAbsent(field, List.of()));
    }
    List<Intent> out = new ArrayList<>();
    all.forEach(
        (field, statuses) ->
            out.add(
                new Intent(
                    "required-statuses:" + field + ":v" + version,
                    new Action.SetRequiredStatuses(field, statuses),
                    new Outbox.Audit(
                        null,
                        Automation.REQUIRED_FIELDS,
                        statuses.isEmpty()
                            ? "поле больше не обязательно ни на одном этапе"
                            : "поле обязательно на " + statuses.size() + " этап(ах)"))));
    return out;
  }

  /** Field → the stages that require it; nothing when the sync is off. */
  private static Map<Long, List<Action.RequiredStatus>> wanted(RulesConfig rules) {
    Map<Long, List<Action.RequiredStatus>> byField = new TreeMap<>();
    if (rules.requiredFields() == null || !rules.requiredFields().syncNative()) {
      return byField;
    }
    for (RulesConfig.Stage stage : rules.stages()) {
      for (long field : stage.requiredFields()) {
        List<Action.RequiredStatus> list = byField.computeIfAbsent(field, f -> new ArrayList<>());
        Action.RequiredStatus status =
            new Action.RequiredStatus(stage.pipelineId(), stage.statusId());
        if (!list.contains(status)) {
          list.add(status);
        }
      }
    }
    return byField;
  }
}
