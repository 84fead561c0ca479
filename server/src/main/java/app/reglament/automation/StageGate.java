package app.reglament.automation;

import app.reglament.amo.api.model.LeadUpdate;
import app.reglament.amo.api.model.NewNote;
import app.reglament.outbox.Action;
import app.reglament.rules.Finding;
import app.reglament.rules.Indicator;
import app.reglament.rules.RuleContext;
import app.reglament.rules.facts.AccountFacts;
import app.reglament.rules.facts.DealFacts;
import app.reglament.rules.facts.StageChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Stage-required fields at a stage move (DESIGN.md): when a deal entered a stage whose required
 * fields are empty or junk (the {@code required_fields} finding), {@code flag} adds a note naming
 * them and {@code revert} moves the deal back to the stage it came from and says why.
 *
 * <p>Each move is judged once, when Reglament first sees it: the latest move newer than the one
 * handled before. A field emptied weeks after the move is the indicator's business, not a reason to
 * move the deal back. A move that undoes the move before it (our own revert, or a manager stepping
 * back) is only flagged, so two stages with missing fields cannot bounce a deal.
 */
public final class StageGate {
  private StageGate() {}

  /**
   * @param handled the moment of the move now handled, to remember; null when nothing changes
   * @param reverts the deal is being moved back to the stage it came from
   */
  public record Decision(List<Intent> actions, Instant handled, boolean reverts) {
    static final Decision NOTHING = new Decision(List.of(), null, false);
  }

  /**
   * @param installedAt moves before the installation are history
   * @param handledAt the moment of the last move handled on this deal; null when none
   */
  public static Decision decide(
      DealFacts deal,
      List<Finding> findings,
      RuleContext context,
      Instant installedAt,
      Instant handledAt) {
    List<StageChange> stages = deal.stages();
    if (stages.isEmpty() || deal.deleted()) {
      return Decision.NOTHING;
    }
    StageChange move = stages.get(stages.size() - 1);
    if (move.at().isBefore(installedAt) || (handledAt != null && !move.at().isAfter(handledAt))) {
      return Decision.NOTHING;
    }
    if (move.pipelineId() != deal.pipelineId() || move.statusId() != deal.statusId()) {
      return Decision.NOTHING; // the history lags behind the deal: wait for the move to arrive
    }
    Finding missing =
        findings.stream()
            .filter(f -> f.indicator() == Indicator.REQUIRED_FIELDS && f.violated())
            .filter(f -> Objects.equals(f.leadId(), deal.leadId()))
            .findFirst()
            .orElse(null);
    if (missing == null) {
      return new Decision(List.of(), move.at(), false);
    }
    List<String> fields = fieldNames(missing);
    AccountFacts account = context.account();
    String stage = stageName(account, move.pipelineId(), move.statusId());
    long leadId = deal.leadId();
    String key = "stage-move:" + leadId + ":" + move.at().toEpochMilli() + ":";
    boolean revert =
        "revert".equals(context.rules().requiredFields().mode())
            && move.oldStatusId() != null
            && !undoesPrevious(stages);
    List<Intent> actions = new ArrayList<>();
    if (!revert) {
      actions.add(
          note(
              key,
              leadId,
              "сделка перешла на этап «"
                  + stage
                  + "» без обязательных полей: "
                  + LocalText.quoted(fields)
                  + ". Заполните их."));
      return new Decision(actions, move.at(), false);
    }
    long backPipeline = move.oldPipelineId() != null ? move.oldPipelineId() : move.pipelineId();
    long backStatus = move.oldStatusId();
    String back = stageName(account, backPipeline, backStatus);
    actions.add(
        Intent.of(
            key + "revert",
            new Action.UpdateLead(LeadUpdate.of(leadId).withStatus(backPipeline, backStatus)),
            leadId,
            Automation.REQUIRED_FIELDS,
            "возврат на этап «"
                + back
                + "»: для этапа «"
                + stage
                + "» не заполнены "
                + LocalText.quoted(fields)));
    actions.add(
        note(
            key,
            leadId,
            "сделка возвращена на этап «"
                + back
                + "»: для этапа «"
                + stage
                + "» не заполнены поля "
                + LocalText.quoted(fields)
                + ". Заполните их и переведите сделку снова."));
    return new Decision(actions, move.at(), true);
  }

  private static Intent note(String key, long leadId, String text) {
    return Intent.of(
        key + "note",
        new Action.AddNote(NewNote.common(leadId, Automation.NOTE_PREFIX + text)),
        leadId,
        Automation.REQUIRED_FIELDS,
        text);
  }

  /** The last move goes exactly back where the one before it came from. */
  private static boolean undoesPrevious(List<StageChange> stages) {
    if (stages.size() < 2) {
      return false;
    }
    StageChange last = stages.get(stages.size() - 1);
    StageChange before = stages.get(stages.size() - 2);
    return Objects.equals(last.oldStatusId(), before.statusId())
        && last.statusId() == (before.oldStatusId() == null ? -1 : before.oldStatusId());
  }

  /** The fields the finding names: the empty ones, then the junk ones. */
  @SuppressWarnings("unchecked")
  static List<String> fieldNames(Finding finding) {
    List<String> names = new ArrayList<>();
    Object empty = finding.details().get("empty");
    if (empty instanceof List<?> list) {
      list.forEach(n -> names.add(String.valueOf(n)));
    }
    Object junk = finding.details().get("junk");
    if (junk instanceof List<?> list) {
      for (Object j : list) {
        if (j instanceof Map<?, ?> m && m.get("field") != null) {
          names.add(String.valueOf(m.get("field")));
        }
      }
    }
    return names;
  }

  static String stageName(AccountFacts account, long pipelineId, long statusId) {
    return account
        .status(pipelineId, statusId)
        .map(AccountFacts.StatusFacts::name)
        .orElse(Long.toString(statusId));
  }
}
