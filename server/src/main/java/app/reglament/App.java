package app.reglament;

import app.reglament.account.AccountRepository;
import app.reglament.amo.AmoConnection;
import app.reglament.automation.AutomationWiring;
import app.reglament.automation.FirstContact;
import app.reglament.config.Config;
import app.reglament.config.SecretKeys;
import app.reglament.db.Database;
import app.reglament.db.DatabaseSettings;
import app.reglament.db.Migrations;
import app.reglament.engine.Compliance;
import app.reglament.engine.EvaluationWorker;
import app.reglament.engine.StandardIndicators;
import app.reglament.engine.StoredRulesSource;
import app.reglament.health.HealthController;
import app.reglament.health.HealthService;
import app.reglament.inbox.InboxRepository;
import app.reglament.inbox.InboxWorker;
import app.reglament.outbox.ActionExecutor;
import app.reglament.outbox.JooqOutbox;
import app.reglament.outbox.Outbox;
import app.reglament.outbox.OutboxRepository;
import app.reglament.rules.config.RulesRepository;
import app.reglament.sync.SyncScheduler;
import app.reglament.timers.TimerRepository;
import app.reglament.timers.TimerScheduler;
import app.reglament.timers.Timers;
import app.reglament.web.Json;
import app.reglament.web.ProblemException;
import app.reglament.web.ProblemType;
import app.reglament.web.WebServer;
import app.reglament.widgetapi.DisposableTokens;
import app.reglament.widgetapi.Origins;
import app.reglament.widgetapi.WidgetApi;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.apibuilder.ApiBuilder;
import io.javalin.apibuilder.EndpointGroup;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reglament's server, wired by hand from a {@link Config}: database, migrations, HTTP. {@link
 * #create} opens and migrates the database; {@link #start} opens the port (0 in tests: ask {@link
 * #port()}).
 */
public final class App implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(App.class);

  private final Config config;
  private final Clock clock;
  private final Database database;
  private final PrometheusMeterRegistry metrics;
  private final JvmGcMetrics gcMetrics;
  private final Optional<AmoConnection> amo;
  private final Javalin http;
  private final Compliance compliance;
  private final Automation automation;

  /**
   * What automations act through: the outbox they queue amoCRM changes in, its executor (with the
   * integration configured), durable timers with their scheduler, and the automations themselves.
   */
  private record Automation(
      Outbox outbox,
      OutboxRepository actions,
      Optional<ActionExecutor> executor,
      TimerRepository timers,
      TimerScheduler scheduler,
      AutomationWiring wiring) {
    void start() {
      executor.ifPresent(ActionExecutor::start);
      scheduler.start();
    }

    void close() {
      scheduler.close();
      executor.ifPresent(ActionExecutor::close);
    }
  }

  /**
   * The executor's wake-up, for the outbox built before the executor: the automations (and with
   * them the outbox) are needed by the installation, which the executor's amoCRM client belongs to.
   */
  private static final class Wakeup implements Runnable {
    private volatile Runnable target = () -> {};

    @Override
    public void run() {
      target.run();
    }
  }

  private App(
      Config config,
      Clock clock,
      Database database,
      PrometheusMeterRegistry metrics,
      JvmGcMetrics gcMetrics,
      Optional<AmoConnection> amo,
      Javalin http,
      Compliance compliance,
      Automation automation) {
    this.compliance = compliance;
    this.automation = automation;
    this.config = config;
    this.clock = clock;
    this.database = database;
    this.metrics = metrics;
    this.gcMetrics = gcMetrics;
    this.amo = amo;
    this.http = http;
  }

  /** Builds everything but the open port; on any failure, what was opened is closed again. */
  public static App create(Config config, Clock clock) {
    return create(config, clock, List.of());
  }

  /**
   * As {@link #create(Config, Clock)}, with extra route groups: the seam through which tests mount
   * a route to exercise the shared HTTP machinery (errors, limits) that no product route isolates.
   */
  static App create(Config config, Clock clock, List<EndpointGroup> extraRoutes) {
    SecretKeys.resolve(config); // fail now, not at the first installation
    var metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Database database = Database.open(DatabaseSettings.of(config), Optional.of(metrics));
    try {
      new Migrations(database.dataSource()).migrate();
      var gcMetrics = bindJvmMetrics(metrics);
      ObjectMapper json = Json.mapper();
      var repository = new RulesRepository(database.dsl(), clock);
      var rules = new StoredRulesSource(repository);
      var compliance =
          new Compliance(
              database.dsl(),
              clock,
              rules,
              StandardIndicators.create(),
              EvaluationWorker.Settings.DEFAULTS);
      var health =
          new HealthController(
              new HealthService(
                  database,
                  new AccountRepository(database.dsl()),
                  new InboxRepository(database.dsl()),
                  new OutboxRepository(database.dsl()),
                  new TimerRepository(database.dsl(), clock),
                  config,
                  clock,
                  version()),
              metrics);
      var dsl = database.dsl();
      var timers = new TimerRepository(dsl, clock);
      var wakeup = new Wakeup();
      var outbox = new JooqOutbox(clock, wakeup);
      var wiring = AutomationWiring.create(dsl, outbox, timers, repository, rules, clock);
      compliance.evaluator().observe(wiring.observer());
      Optional<AmoConnection> amo =
          config.amoConfigured()
              ? Optional.of(
                  new AmoConnection(
                      config,
                      dsl,
                      metrics,
                      clock,
                      InboxWorker.Settings.DEFAULTS,
                      SyncScheduler.Settings.DEFAULTS.withInterval(config.reconcileInterval()),
                      accountId -> wiring.requiredFields().installed(accountId)))
              : Optional.empty();
      Optional<ActionExecutor> executor =
          amo.map(
              connection ->
                  new ActionExecutor(
                      new OutboxRepository(dsl),
                      connection.client(),
                      connection.tokens(),
                      clock,
                      ActionExecutor.Settings.DEFAULTS));
      executor.ifPresent(e -> wakeup.target = e::wake);
      var scheduler = new TimerScheduler(timers, clock, TimerScheduler.Settings.DEFAULTS);
      scheduler.register(FirstContact.TIMER_KIND, wiring.firstContactTimer());
      var automation =
          new Automation(outbox, new OutboxRepository(dsl), executor, timers, scheduler, wiring);
      List<EndpointGroup> routes = new ArrayList<>();
      routes.add(
          () -> {
            ApiBuilder.get("/health", health::health);
            ApiBuilder.get("/metrics", health::metrics);
          });
      routes.add(amo.map(AmoConnection::routes).orElse(App::notConfiguredRoutes));
      if (config.amoConfigured()) {
        routes.add(
            widgetRoutes(config, dsl, clock, repository, rules, compliance, automation.wiring()));
      }
      routes.addAll(extraRoutes);
      Javalin http = WebServer.create(WebServer.DEFAULT_MAX_REQUEST_BYTES, json, metrics, routes);
      return new App(
          config, clock, database, metrics, gcMetrics, amo, http, compliance, automation);
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  private static JvmGcMetrics bindJvmMetrics(PrometheusMeterRegistry metrics) {
    new JvmMemoryMetrics().bindTo(metrics);
    new JvmThreadMetrics().bindTo(metrics);
    new ProcessorMetrics().bindTo(metrics);
    new UptimeMetrics().bindTo(metrics);
    var gc = new JvmGcMetrics();
    gc.bindTo(metrics);
    return gc;
  }

  /** Opens the HTTP port and starts the background work. */
  public App start() {
    http.start(config.port());
    amo.ifPresent(AmoConnection::start);
    compliance.start();
    automation.start();
    logStarted();
    return this;
  }

  /**
   * The widget's API. Its tokens are signed with the integration's secret for our origin; a saved
   * rules document drops the cached rules at once, and the worker re-evaluates the account.
   */
  private static EndpointGroup widgetRoutes(
      Config config,
      DSLContext dsl,
      Clock clock,
      RulesRepository repository,
      StoredRulesSource rules,
      Compliance compliance,
      AutomationWiring automation) {
    var tokens =
        new DisposableTokens(
            config.amoClientSecret().orElseThrow(),
            config.amoClientId().orElseThrow(),
            Origins.of(config.publicUrl()).orElseThrow(),
            clock);
    return new WidgetApi(
            tokens,
            new AccountRepository(dsl),
            compliance.scores(),
            rules,
            repository,
            accountId -> {
              rules.forget(accountId);
              compliance.evaluator().forget(accountId);
              automation.requiredFields().rulesSaved(accountId);
            },
            dsl,
            config,
            clock)
        .withAutomations(automation.manualNames(), automation.lossReviews())
        .routes();
  }

  /** Without the integration's id and secret, its endpoints say so instead of 404. */
  private static void notConfiguredRoutes() {
    io.javalin.http.Handler refuse =
        ctx -> {
          throw new ProblemException(
              ProblemType.SERVICE_UNAVAILABLE,
              "The amoCRM integration is not configured on this server: set"
                  + " REGLAMENT_AMO_CLIENT_ID and REGLAMENT_AMO_CLIENT_SECRET");
        };
    ApiBuilder.get("/oauth/install", refuse);
    ApiBuilder.get("/oauth/callback", refuse);
    ApiBuilder.get("/oauth/disconnect", refuse);
    ApiBuilder.post("/hooks/amo/{hookToken}", refuse);
    ApiBuilder.get(WidgetApi.PREFIX + "/*", refuse);
    ApiBuilder.put(WidgetApi.PREFIX + "/*", refuse);
    ApiBuilder.post(WidgetApi.PREFIX + "/*", refuse);
    ApiBuilder.delete(WidgetApi.PREFIX + "/*", refuse);
  }

  private void logStarted() {
    log.info(
        "Reglament {} is listening on http://localhost:{} (public URL {}), database {}, at {}",
        version(),
        port(),
        config.publicUrl(),
        config.embeddedDatabase() ? "embedded H2 in " + config.dataDir() : database.product(),
        clock.instant());
    if (!config.amoConfigured()) {
      log.warn(
          "The amoCRM integration is not configured (REGLAMENT_AMO_CLIENT_ID /"
              + " REGLAMENT_AMO_CLIENT_SECRET): accounts cannot be installed until it is");
    }
  }

  public int port() {
    return http.port();
  }

  /** The amoCRM connection, when the integration is configured. */
  public Optional<AmoConnection> amo() {
    return amo;
  }

  /** The HTTP server, for JavalinTest. */
  public Javalin http() {
    return http;
  }

  /** The rules engine, its worker and the score reader. */
  public Compliance compliance() {
    return compliance;
  }

  /** Where automations queue their changes in amoCRM, in their own transaction. */
  public Outbox outbox() {
    return automation.outbox();
  }

  /** The queued actions as the executor and the audit log see them. */
  public OutboxRepository actions() {
    return automation.actions();
  }

  /** Sends queued actions; present when the amoCRM integration is configured. */
  public Optional<ActionExecutor> actionExecutor() {
    return automation.executor();
  }

  /** Durable timers: schedule and cancel in the caller's transaction. */
  public Timers timers() {
    return automation.timers();
  }

  /** Fires due timers; register each kind's handler here ({@code register(kind, handler)}). */
  public TimerScheduler timerScheduler() {
    return automation.scheduler();
  }

  /** The automations: the engine's deal observer, the first-contact timer, the heads' endpoints. */
  public AutomationWiring automations() {
    return automation.wiring();
  }

  public Database database() {
    return database;
  }

  static String version() {
    String version = App.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }

  @Override
  public void close() {
    log.info("Reglament is stopping");
    http.stop();
    automation.close();
    compliance.close();
    amo.ifPresent(AmoConnection::close);
    gcMetrics.close();
    metrics.close();
    database.close();
  }
}
