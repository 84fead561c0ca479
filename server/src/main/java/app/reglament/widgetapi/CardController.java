package app.reglament.widgetapi;

import app.reglament.engine.ScoreService;
import app.reglament.engine.ScoreService.ManagerScores;
import app.reglament.web.ProblemException;
import app.reglament.web.ProblemType;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/widget/card/{leadId}}: what is wrong with this deal, and how its manager does.
 */
final class CardController {
  private final WidgetDirectory directory;
  private final ScoreService scores;

  CardController(WidgetDirectory directory, ScoreService scores) {
    this.directory = directory;
    this.scores = scores;
  }

  record LeadJson(long id, String name, UserRef responsible) {}

  /**
   * @param scores the responsible manager's; null when the deal has no responsible user
   */
  record Card(String lang, LeadJson lead, List<ViolationJson> violations, ManagerScores scores) {}

  void card(Context ctx) {
    Caller caller = WidgetGate.caller(ctx);
    long leadId = Params.id(ctx, "leadId");
    long accountId = caller.accountId();
    // Another account's deal and no deal at all answer alike: nothing about it leaks.
    WidgetDirectory.Lead lead =
        directory
            .lead(accountId, leadId)
            .orElseThrow(
                () ->
                    new ProblemException(
                        ProblemType.NOT_FOUND,
                        "Reglament knows no deal " + leadId + " in this account (yet)"));
    Long responsibleId = lead.responsibleUserId();
    UserRef responsible =
        responsibleId == null
            ? null
            : new UserRef(
                responsibleId,
                directory
                    .user(accountId, responsibleId)
                    .map(WidgetDirectory.User::name)
                    .orElse(null));
    String language = Language.of(ctx);
    ctx.json(
        new Card(
            language,
            new LeadJson(lead.id(), lead.name(), responsible),
            ViolationJson.of(
                scores.openOnLead(accountId, leadId), Map.of(lead.id(), lead.name()), language),
            responsibleId == null ? null : scores.manager(accountId, responsibleId)));
  }
}
