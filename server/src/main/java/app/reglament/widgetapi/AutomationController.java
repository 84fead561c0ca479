package app.reglament.widgetapi;

import app.reglament.automation.LossReviews;
import app.reglament.automation.ManualNames;
import app.reglament.engine.RulesSource;
import app.reglament.web.Json;
import app.reglament.web.ProblemException;
import app.reglament.web.ProblemType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Iterator;
import java.util.Set;

/**
 * The heads' hand on the automations, for sales heads and administrators only:
 *
 * <ul>
 *   <li>{@code PUT}/{@code DELETE /api/widget/card/{leadId}/manual-name}: this deal's name is
 *       manual, auto-naming leaves it alone (or no longer).
 *   <li>{@code POST /api/widget/review/{leadId}} with {@code {"verdict":"confirm"|"return",
 *       "comment":...}}: the verdict on the deal's loss; "return" moves it back to work.
 * </ul>
 */
final class AutomationController {
  private static final Set<String> REVIEW_KEYS = Set.of("verdict", "comment");
  private static final ObjectReader STRICT =
      Json.mapper()
          .reader()
          .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final WidgetDirectory directory;
  private final RulesSource rules;
  private final ManualNames names;
  private final LossReviews reviews;

  AutomationController(
      WidgetDirectory directory, RulesSource rules, ManualNames names, LossReviews reviews) {
    this.directory = directory;
    this.rules = rules;
    this.names = names;
    this.reviews = reviews;
  }

  record ManualName(long leadId, boolean manualName, Long markedBy, Instant markedAt) {}

  record Review(
      long leadId, Instant lostAt, String verdict, String comment, long decidedBy, Instant at) {}

  void markManual(Context ctx) {
    Caller caller = headOrAdmin(ctx);
    long leadId = knownLead(ctx, caller);
    ManualNames.Mark mark = names.mark(caller.accountId(), leadId, caller.userId());
    ctx.json(new ManualName(leadId, true, mark.markedBy(), mark.markedAt()));
  }

  void unmarkManual(Context ctx) {
    Caller caller = headOrAdmin(ctx);
    long leadId = knownLead(ctx, caller);
    names.unmark(caller.accountId(), leadId);
    ctx.json(new ManualName(leadId, false, null, null));
  }

  void review(Context ctx) throws JsonProcessingException {
    Caller caller = headOrAdmin(ctx);
    long leadId = knownLead(ctx, caller);
    JsonNode body = STRICT.readTree(ctx.body());
    if (body == null || !body.isObject()) {
      throw new ProblemException(
          ProblemType.BAD_REQUEST,
          "The body must be a JSON object: {\"verdict\":\"confirm\"|\"return\",\"comment\":...}");
    }
    for (Iterator<String> keys = body.fieldNames(); keys.hasNext(); ) {
      String key = keys.next();
      if (!REVIEW_KEYS.contains(key)) {
        throw invalid("Unknown key " + key + ": only verdict and comment are accepted");
      }
    }
    JsonNode verdictNode = body.path("verdict");
    String verdict = verdictNode.isTextual() ? verdictNode.asText() : null;
    if (!LossReviews.CONFIRM.equals(verdict) && !LossReviews.RETURN.equals(verdict)) {
      throw invalid("verdict must be \"confirm\" or \"return\"");
    }
    JsonNode commentNode = body.path("comment");
    String comment = null;
    if (!commentNode.isMissingNode() && !commentNode.isNull()) {
      if (!commentNode.isTextual()) {
        throw invalid("comment must be text");
      }
      comment = commentNode.asText().strip();
      if (comment.length() > LossReviews.MAX_COMMENT) {
        throw invalid("comment must be at most " + LossReviews.MAX_COMMENT + " characters");
      }
      if (comment.isEmpty()) {
        comment = null;
      }
    }
    String headName =
        directory
            .user(caller.accountId(), caller.userId())
            .map(WidgetDirectory.User::name)
            .orElse("#" + caller.userId());
    LossReviews.Verdict saved;
    try {
      saved =
          reviews.decide(caller.accountId(), leadId, caller.userId(), headName, verdict, comment);
    } catch (LossReviews.RefusedException e) {
      ProblemType type =
          e.refusal() == LossReviews.Refusal.NO_DEAL ? ProblemType.NOT_FOUND : ProblemType.CONFLICT;
      throw new ProblemException(type, e.getMessage());
    }
    ctx.status(201);
    ctx.json(
        new Review(
            saved.leadId(),
            saved.lostAt(),
            saved.verdict(),
            saved.comment(),
            saved.decidedBy(),
            saved.at()));
  }

  private Caller headOrAdmin(Context ctx) {
    Caller caller = WidgetGate.caller(ctx);
    if (!caller.admin() && !Roles.head(caller, rules.current(caller.accountId()).rules())) {
      throw new ProblemException(
          ProblemType.FORBIDDEN, "Only sales heads and administrators can do this");
    }
    return caller;
  }

  /** The deal's id, when this account's mirror has it; another account's deal is no deal. */
  private long knownLead(Context ctx, Caller caller) {
    long leadId = Params.id(ctx, "leadId");
    if (directory.lead(caller.accountId(), leadId).isEmpty()) {
      throw new ProblemException(
          ProblemType.NOT_FOUND, "Reglament knows no deal " + leadId + " in this account (yet)");
    }
    return leadId;
  }

  private static ProblemException invalid(String detail) {
    return new ProblemException(ProblemType.INVALID_REQUEST, detail);
  }
}
