package app.reglament.automation;

import app.reglament.outbox.Action;
import app.reglament.outbox.Outbox;
import app.reglament.rules.config.RulesConfig;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The regulations' stage-required fields mirrored into amoCRM's own {@code required_statuses}
 * ({@code requiredFields.syncNative}), so that amoCRM blocks the move in its UI where the plan
 * supports it.
 *
 * <p>amoCRM's PATCH replaces a field's whole list, and the administrator may have made a field
 * required at stages of their own. So the list sent is merged: the field's stages as the mirror has
 * them, less the stages Reglament added earlier (recorded, {@link #owned}), plus the stages the
 * regulations require now. A stage the administrator had set is never Reglament's, even when the
 * regulations require it too. One action per field Reglament requires now or required before; keys
 * carry the rules version (a version is sent once, a later one again) and, after an installation,
 * the installation's moment (a reinstall sends again).
 */
public final class RequiredStatuses {
  private RequiredStatuses() {}

  /**
   * @param intents the actions to queue
   * @param owned per field, the stages Reglament added, to record in place of what was recorded
   */
  public record Plan(List<Intent> intents, Map<Long, Set<Action.RequiredStatus>> owned) {}

  /** With nothing known of amoCRM's settings: what the previous version required is Reglament's. */
  public static List<Intent> plan(RulesConfig current, int version, RulesConfig previous) {
    Map<Long, Set<Action.RequiredStatus>> ours = new TreeMap<>();
    if (previous != null) {
      wanted(previous).forEach((field, statuses) -> ours.put(field, new LinkedHashSet<>(statuses)));
    }
    return plan(current, previous, Map.of(), ours, ":v" + version).intents();
  }

  /**
   * @param previous the version before, whose fields are synced again (their stages are removed
   *     only as far as they are recorded as Reglament's); null when unknown (install)
   * @param mirrored per field, its {@code required_statuses} as the mirror has them
   * @param recorded per field, the stages Reglament added earlier
   * @param keySuffix what makes the keys of this occasion (version, installation)
   */
  public static Plan plan(
      RulesConfig current,
      RulesConfig previous,
      Map<Long, List<Action.RequiredStatus>> mirrored,
      Map<Long, Set<Action.RequiredStatus>> recorded,
      String keySuffix) {
    Map<Long, List<Action.RequiredStatus>> wanted = wanted(current);
    Map<Long, List<Action.RequiredStatus>> before = previous == null ? Map.of() : wanted(previous);
    Set<Long> fields = new TreeSet<>(wanted.keySet());
    fields.addAll(before.keySet());
    fields.addAll(recorded.keySet());
    List<Intent> out = new ArrayList<>();
    Map<Long, Set<Action.RequiredStatus>> owned = new TreeMap<>();
    for (long field : fields) {
      Set<Action.RequiredStatus> ours = recorded.getOrDefault(field, Set.of());
      Set<Action.RequiredStatus> theirs =
          new LinkedHashSet<>(mirrored.getOrDefault(field, List.of()));
      theirs.removeAll(ours);
      Set<Action.RequiredStatus> merged = new LinkedHashSet<>(theirs);
      Set<Action.RequiredStatus> added = new LinkedHashSet<>();
      for (Action.RequiredStatus status : wanted.getOrDefault(field, List.of())) {
        if (merged.add(status)) {
          added.add(status);
        }
      }
      owned.put(field, added);
      List<Action.RequiredStatus> statuses = List.copyOf(merged);
      out.add(
          new Intent(
              "required-statuses:" + field + keySuffix,
              new Action.SetRequiredStatuses(field, statuses),
              new Outbox.Audit(
                  null,
                  Automation.REQUIRED_FIELDS,
                  added.isEmpty()
                      ? "поле больше не обязательно по регламенту"
                          + (theirs.isEmpty() ? "" : " (этапы администратора сохранены)")
                      : "поле обязательно на "
                          + added.size()
                          + " этап(ах) по регламенту"
                          + (theirs.isEmpty() ? "" : " и на этапах администратора"))));
    }
    return new Plan(out, owned);
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
