package app.reglament.automation;

import app.reglament.engine.RulesSource;
import app.reglament.outbox.Outbox;
import app.reglament.rules.config.RulesRepository;
import app.reglament.timers.Timers;
import java.time.Clock;
import org.jooq.DSLContext;

/**
 * Everything the automations consist of, built over the outbox and the timers, for {@code App} to
 * connect in a few lines:
 *
 * <pre>{@code
 * var automation = AutomationWiring.create(dsl, outbox, timers, repository, rules, clock);
 * compliance.evaluator().observe(automation.observer());
 * <timer registry>.register(FirstContact.TIMER_KIND, automation.firstContactTimer());
 * widgetApi.withAutomations(automation.manualNames(), automation.lossReviews());
 * // in the widget API's rules-saved hook:  automation.requiredFields().rulesSaved(accountId);
 * // after an installation:                 automation.requiredFields().installed(accountId);
 * }</pre>
 */
public record AutomationWiring(
    Automations observer,
    FirstContactTimer firstContactTimer,
    RequiredFieldsSync requiredFields,
    ManualNames manualNames,
    LossReviews lossReviews) {

  public static AutomationWiring create(
      DSLContext dsl,
      Outbox outbox,
      Timers timers,
      RulesRepository repository,
      RulesSource rules,
      Clock clock) {
    DealReader reader = new DealReader(dsl, rules, clock);
    return new AutomationWiring(
        new Automations(dsl, outbox, timers, repository),
        new FirstContactTimer(dsl, outbox, timers, reader),
        new RequiredFieldsSync(dsl, outbox, repository, clock),
        new ManualNames(dsl, clock),
        new LossReviews(dsl, outbox, reader));
  }
}
