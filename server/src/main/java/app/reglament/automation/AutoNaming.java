package app.reglament.automation;

import app.reglament.amo.api.model.LeadUpdate;
import app.reglament.outbox.Action;
import app.reglament.rules.NamingTemplate;
import app.reglament.rules.RuleContext;
import app.reglament.rules.config.RulesConfig;
import app.reglament.rules.facts.DealFacts;
import java.time.Instant;
import java.util.Optional;

/**
 * Auto-naming (DESIGN.md): renames a deal to the template's rendering.
 *
 * <ul>
 *   <li>{@code onCreate}: a deal created since naming has been on (and the account installed) is
 *       renamed the first time its rendering is not empty. Older deals are the account's history
 *       and are never renamed on this ground.
 *   <li>{@code onFieldChange}: any deal is renamed when its rendering changed since the last time
 *       Reglament saw it (a field, the contact, the stage the template uses) and differs from its
 *       name. A deal merely touched (a task, a call) keeps its name.
 * </ul>
 *
 * A deal whose name already is the rendering gets nothing, so the echo of our own rename cannot
 * loop; a deal a head marked as manually named gets nothing either. A rename on field change is
 * keyed by the deal's {@code updated_at} as well as the rendering, so a name it had before is
 * applied again when the data bring it back.
 */
public final class AutoNaming {
  private AutoNaming() {}

  /**
   * What to do about one deal's name.
   *
   * @param rename the rename, if any
   * @param remember the rendering to remember for next time; null to keep what is remembered
   */
  public record Decision(Optional<Intent> rename, String remember) {
    static final Decision NOTHING = new Decision(Optional.empty(), null);
  }

  /**
   * @param since deals created from this moment on are new (the later of the installation and the
   *     moment naming was switched on); null when naming is off
   * @param manual a head marked the deal's name as manual
   * @param lastRendered the rendering remembered from the last look at the deal; null when none
   */
  public static Decision decide(
      DealFacts deal, RuleContext context, Instant since, boolean manual, String lastRendered) {
    RulesConfig.Naming naming = context.rules().naming();
    if (naming == null
        || since == null
        || manual
        || !deal.active()
        || !naming.covers(deal.pipelineId())) {
      return Decision.NOTHING;
    }
    String rendered =
        NamingTemplate.parse(naming.template())
            .render(deal, context.account(), context.calendar().zone());
    if (rendered.isEmpty()) {
      // Nothing to name it yet (no contact, no product): a new deal stays new until there is.
      return Decision.NOTHING;
    }
    String name = deal.name() == null ? "" : deal.name();
    boolean isNew = deal.createdAt() != null && !deal.createdAt().isBefore(since);
    boolean wanted;
    String why;
    if (lastRendered == null) {
      wanted = naming.onCreate() && isNew;
      why = "новая сделка названа по шаблону";
    } else {
      wanted = naming.onFieldChange() && !rendered.equals(lastRendered);
      why = "изменились данные, из которых шаблон составляет название";
    }
    if (!wanted || rendered.equals(name)) {
      return new Decision(Optional.empty(), rendered.equals(lastRendered) ? null : rendered);
    }
    // Done rows are the audit log and keep their keys: a rendering the deal had before (A → B → A)
    // is a new occurrence, told apart by the change that brought it back. The first naming keeps
    // the plain key; the echo of our own rename never gets this far (the name already is right).
    String occurrence =
        lastRendered == null || deal.updatedAt() == null
            ? ""
            : "@" + deal.updatedAt().toEpochMilli();
    Intent rename =
        Intent.of(
            "rename:" + deal.leadId() + ":" + rendered + occurrence,
            new Action.UpdateLead(LeadUpdate.of(deal.leadId()).withName(rendered)),
            deal.leadId(),
            Automation.NAMING,
            why + ": «" + name + "» → «" + rendered + "»");
    return new Decision(Optional.of(rename), rendered);
  }
}
