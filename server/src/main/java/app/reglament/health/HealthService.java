package app.reglament.health;

import app.reglament.account.AccountRepository;
import app.reglament.config.Config;
import app.reglament.db.Database;
import app.reglament.inbox.InboxRepository;
import app.reglament.outbox.OutboxRepository;
import app.reglament.timers.TimerRepository;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers "is Reglament able to work": the database, the schema, the amoCRM integration. */
public final class HealthService {
  private static final Logger log = LoggerFactory.getLogger(HealthService.class);
  private static final String AMO_NOT_CONFIGURED =
      "REGLAMENT_AMO_CLIENT_ID and REGLAMENT_AMO_CLIENT_SECRET are not set: Reglament runs, but"
          + " accounts cannot install the integration";

  private final Database database;
  private final AccountRepository accounts;
  private final InboxRepository inbox;
  private final OutboxRepository actions;
  private final TimerRepository timers;
  private final Clock clock;
  private final DSLContext dsl;
  private final Config config;
  private final String version;

  public HealthService(
      Database database,
      AccountRepository accounts,
      InboxRepository inbox,
      OutboxRepository actions,
      TimerRepository timers,
      Config config,
      Clock clock,
      String version) {
    this.database = database;
    this.accounts = accounts;
    this.inbox = inbox;
    this.actions = actions;
    this.timers = timers;
    this.clock = clock;
    this.dsl = database.dsl();
    this.config = config;
    this.version = version;
  }

  public Health check() {
    DatabaseHealth database = checkDatabase();
    List<AccountRepository.Paused> paused = List.of();
    Map<String, Integer> webhooks = Map.of();
    Map<String, Integer> queuedActions = Map.of();
    Map<String, Integer> pendingTimers = Map.of();
    AccountRepository.Summary summary = null;
    if (database.up()) {
      try {
        paused = accounts.paused(clock.instant());
        webhooks = inbox.countsByState();
        queuedActions = actions.unfinishedCounts();
        pendingTimers = timers.countsByState();
        summary = accounts.summary();
      } catch (RuntimeException e) {
        log.warn("Health check: could not read accounts or the inbox: {}", e.getMessage());
      }
    }
    var amo =
        new AmoHealth(
            config.amoConfigured(),
            config.amoConfigured() ? null : AMO_NOT_CONFIGURED,
            summary,
            paused,
            webhooks,
            queuedActions,
            pendingTimers);
    return new Health(database.up() ? "up" : "down", version, database, amo);
  }

  private DatabaseHealth checkDatabase() {
    try {
      String product = database.product();
      Optional<String> schema =
          dsl.select(DSL.field(DSL.name("version"), SQLDataType.VARCHAR))
              .from(DSL.table(DSL.name("flyway_schema_history")))
              .where(DSL.field(DSL.name("success"), SQLDataType.BOOLEAN).isTrue())
              .and(DSL.field(DSL.name("version"), SQLDataType.VARCHAR).isNotNull())
              .orderBy(DSL.field(DSL.name("installed_rank"), SQLDataType.INTEGER).desc())
              .limit(1)
              .fetchOptional(0, String.class);
      return new DatabaseHealth(true, product, schema.orElse(null), null);
    } catch (RuntimeException e) {
      log.warn("Health check: the database does not answer: {}", e.getMessage());
      return new DatabaseHealth(false, database.product(), null, "the database does not answer");
    }
  }

  public record Health(String status, String version, DatabaseHealth database, AmoHealth amocrm) {
    public boolean up() {
      return database.up();
    }
  }

  public record DatabaseHealth(boolean up, String product, String schemaVersion, String error) {}

  /**
   * @param accounts accounts per state, and how many finished their initial sync
   * @param pausedAccounts accounts amoCRM blocked (HTML 403), with when traffic resumes
   * @param webhooks inbox rows per state (pending, claimed, done, parked)
   * @param actions outbox rows not done, per state (queued, claimed, failed, parked)
   * @param timers timers not fired, per state (scheduled, claimed, parked)
   */
  public record AmoHealth(
      boolean configured,
      String message,
      AccountRepository.Summary accounts,
      List<AccountRepository.Paused> pausedAccounts,
      Map<String, Integer> webhooks,
      Map<String, Integer> actions,
      Map<String, Integer> timers) {}
}
