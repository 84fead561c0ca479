package app.reglament.widgetapi;

import app.reglament.engine.FactsLoader;
import app.reglament.rules.config.RulesConfig;
import app.reglament.rules.config.RulesConflictException;
import app.reglament.rules.config.RulesDocument;
import app.reglament.rules.config.RulesProblem;
import app.reglament.rules.config.RulesRepository;
import app.reglament.rules.config.RulesValidationException;
import app.reglament.rules.config.RulesVersion;
import app.reglament.rules.config.StoredRules;
import app.reglament.web.Json;
import app.reglament.web.Problem;
import app.reglament.web.ProblemException;
import app.reglament.web.ProblemType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /api/widget/settings}: the account's regulations for everyone (with the saved versions
 * for administrators); {@code PUT}: administrators save a new version, optionally only if the one
 * they edited ({@code If-Match: "<version>"}) is still current.
 */
final class SettingsController {
  static final int HISTORY = 20;
  private static final Pattern IF_MATCH = Pattern.compile("(?:W/)?\"?(\\d{1,9})\"?");
  // A key given twice would otherwise quietly mean its last value.
  private static final ObjectReader STRICT =
      Json.mapper()
          .reader()
          .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final RulesRepository repository;
  private final FactsLoader facts;
  private final LongConsumer rulesSaved;

  SettingsController(RulesRepository repository, FactsLoader facts, LongConsumer rulesSaved) {
    this.repository = repository;
    this.facts = facts;
    this.rulesSaved = rulesSaved;
  }

  /**
   * @param version 0 while the account runs on the defaults
   * @param savedBy the amoCRM user who saved this version; null for the defaults
   * @param history the saved versions, newest first: for administrators only, else null
   */
  record Settings(
      JsonNode document,
      int version,
      Long savedBy,
      Instant savedAt,
      boolean editable,
      List<RulesVersion> history) {}

  void read(Context ctx) throws JsonProcessingException {
    Caller caller = WidgetGate.caller(ctx);
    answer(ctx, caller, repository.current(caller.accountId()));
  }

  void save(Context ctx) throws JsonProcessingException {
    Caller caller = WidgetGate.caller(ctx);
    Roles.requireAdmin(caller);
    Integer expected = expectedVersion(ctx.header("If-Match"));
    JsonNode document = STRICT.readTree(ctx.body());
    if (document == null || document.isMissingNode()) {
      throw new ProblemException(
          ProblemType.BAD_REQUEST, "The body must be the rules document (a JSON object)");
    }
    long accountId = caller.accountId();
    StoredRules saved;
    try {
      RulesConfig config = RulesDocument.parse(document);
      List<RulesProblem> references =
          RulesDocument.checkReferences(config, facts.account(accountId));
      if (!references.isEmpty()) {
        throw new RulesValidationException(references);
      }
      saved = repository.save(accountId, document, caller.userId(), expected);
    } catch (RulesValidationException e) {
      throw new ProblemException(invalid(e.problems()));
    } catch (RulesConflictException e) {
      throw new ProblemException(
          Problem.of(ProblemType.CONFLICT, e.getMessage())
              .with("currentVersion", e.currentVersion()));
    }
    // The worker sees the new version and evaluates the account again; meanwhile no cached copy of
    // the old rules may outlive the save.
    rulesSaved.accept(accountId);
    answer(ctx, caller, saved);
  }

  private void answer(Context ctx, Caller caller, StoredRules rules)
      throws JsonProcessingException {
    ctx.header("ETag", "\"" + rules.version() + "\"");
    ctx.json(
        new Settings(
            STRICT.readTree(rules.document()),
            rules.version(),
            rules.savedBy(),
            rules.savedAt(),
            caller.admin(),
            caller.admin() ? repository.history(caller.accountId(), HISTORY) : null));
  }

  private static Problem invalid(List<RulesProblem> problems) {
    String detail =
        problems.size() == 1
            ? "1 problem: " + problems.get(0)
            : problems.size() + " problems, the first: " + problems.get(0);
    return Problem.of(ProblemType.INVALID_RULES, detail)
        .with("errors", problems.stream().map(p -> new Error(p.key(), p.message())).toList());
  }

  record Error(String key, String message) {}

  /** {@code "3"} (or {@code W/"3"}, or bare 3) → 3; absent or {@code *} → save over anything. */
  static Integer expectedVersion(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
      return null;
    }
    Matcher m = IF_MATCH.matcher(ifMatch.strip());
    if (!m.matches()) {
      throw new ProblemException(
          ProblemType.BAD_REQUEST,
          "If-Match must name one version of the regulations, as in \"3\" (the ETag of GET)");
    }
    return Integer.valueOf(m.group(1));
  }
}
