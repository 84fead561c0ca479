package app.reglament.widgetapi;

import app.reglament.engine.RulesSource;
import app.reglament.outbox.AuditEntry;
import app.reglament.outbox.OutboxRepository;
import io.javalin.http.Context;
import java.util.List;

/**
 * {@code GET /audit}: every change Reglament made or means to make in amoCRM, newest first, for
 * heads and administrators: the whole account's or one deal's ({@code leadId}), a page of {@code
 * limit} at a time; {@code next} is the {@code before} of the following page.
 */
final class AuditController {
  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 200;

  private final OutboxRepository actions;
  private final RulesSource rules;

  AuditController(OutboxRepository actions, RulesSource rules) {
    this.actions = actions;
    this.rules = rules;
  }

  record Page(List<AuditEntry> actions, Long next) {}

  void list(Context ctx) {
    Caller caller = WidgetGate.caller(ctx);
    long accountId = caller.accountId();
    Roles.requireHeadOrAdmin(caller, rules.current(accountId).rules());
    Long leadId = Params.idQuery(ctx, "leadId");
    Long before = Params.idQuery(ctx, "before");
    int limit = Params.intQuery(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
    List<AuditEntry> entries = actions.audit(accountId, leadId, before, limit);
    Long next = entries.size() == limit ? entries.get(entries.size() - 1).id() : null;
    ctx.json(new Page(entries, next));
  }
}
