package app.reglament.widgetapi;

import app.reglament.account.AccountRepository;
import app.reglament.config.Config;
import app.reglament.engine.FactsLoader;
import app.reglament.engine.RulesSource;
import app.reglament.engine.ScoreService;
import app.reglament.outbox.OutboxRepository;
import app.reglament.rules.config.RulesRepository;
import io.javalin.apibuilder.ApiBuilder;
import io.javalin.apibuilder.EndpointGroup;
import java.time.Clock;
import java.util.function.LongConsumer;
import org.jooq.DSLContext;

/**
 * The widget's API under {@value #PREFIX}, wired by hand: the deal card, my score, the team panel,
 * the regulations (read by all, saved by administrators) and the audit log of what Reglament did in
 * amoCRM (heads and administrators). Every call but a CORS preflight passes {@link WidgetGate}: the
 * account and the user come from amoCRM's signed disposable token only, never from the path, the
 * query or the body.
 */
public final class WidgetApi {
  public static final String PREFIX = "/api/widget";

  private final WidgetCors cors;
  private final WidgetGate gate;
  private final CardController card;
  private final ScoresController scores;
  private final SettingsController settings;
  private final WidgetDirectory directory;
  private final RulesSource rules;
  private final AuditController audit;
  private AutomationController automations;

  /**
   * @param rules the regulations the scores are read under (heads, managers, timezone)
   * @param rulesSaved told the account id after its regulations were saved here, so that every
   *     cached copy of the old ones is dropped at once (the rules source's, the evaluator's)
   * @param config for the amoCRM base URL whose origin CORS also allows (the sandbox)
   */
  public WidgetApi(
      DisposableTokens tokens,
      AccountRepository accounts,
      ScoreService scoreService,
      RulesSource rules,
      RulesRepository rulesRepository,
      LongConsumer rulesSaved,
      DSLContext dsl,
      Config config,
      Clock clock) {
    var directory = new WidgetDirectory(dsl);
    this.directory = directory;
    this.rules = rules;
    this.cors = new WidgetCors(accounts, config.amoBaseUrl());
    this.gate = new WidgetGate(tokens, accounts, cors);
    this.card = new CardController(directory, scoreService);
    this.scores = new ScoresController(scoreService, rules, directory, clock);
    this.settings = new SettingsController(rulesRepository, new FactsLoader(dsl), rulesSaved);
    this.audit = new AuditController(new OutboxRepository(dsl), rules);
  }

  /**
   * Adds the heads' automation endpoints: the manual-name opt-out and the verdict on a lost deal.
   * Call before {@link #routes()}.
   */
  public WidgetApi withAutomations(
      app.reglament.automation.ManualNames names, app.reglament.automation.LossReviews reviews) {
    this.automations = new AutomationController(directory, rules, names, reviews);
    return this;
  }

  public EndpointGroup routes() {
    return () -> {
      ApiBuilder.staticInstance().options(PREFIX + "/*", cors::preflight);
      ApiBuilder.before(PREFIX + "/*", gate::check);
      ApiBuilder.get(PREFIX + "/card/{leadId}", card::card);
      ApiBuilder.get(PREFIX + "/me", scores::me);
      ApiBuilder.get(PREFIX + "/team", scores::team);
      ApiBuilder.get(PREFIX + "/team/{userId}/violations", scores::managerViolations);
      ApiBuilder.get(PREFIX + "/settings", settings::read);
      ApiBuilder.put(PREFIX + "/settings", settings::save);
      if (automations != null) {
        ApiBuilder.put(PREFIX + "/card/{leadId}/manual-name", automations::markManual);
        ApiBuilder.delete(PREFIX + "/card/{leadId}/manual-name", automations::unmarkManual);
        ApiBuilder.post(PREFIX + "/review/{leadId}", automations::review);
      }
      ApiBuilder.get(PREFIX + "/audit", audit::list);
    };
  }
}
