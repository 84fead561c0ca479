package app.reglament.amo;

import app.reglament.account.AccountRepository;
import app.reglament.amo.api.AmoClient;
import app.reglament.amo.api.AmoClientSettings;
import app.reglament.amo.oauth.AmoHosts;
import app.reglament.amo.oauth.OAuthClient;
import app.reglament.amo.oauth.TokenCipher;
import app.reglament.amo.oauth.TokenKeeper;
import app.reglament.amo.oauth.TokenService;
import app.reglament.amo.oauth.TokenStore;
import app.reglament.config.Config;
import app.reglament.config.SecretKeys;
import app.reglament.engine.ComplianceSummary;
import app.reglament.hooks.WebhookController;
import app.reglament.inbox.InboxRepository;
import app.reglament.inbox.InboxWorker;
import app.reglament.install.InstallController;
import app.reglament.install.Installer;
import app.reglament.mirror.ActivityMirror;
import app.reglament.mirror.DealMirror;
import app.reglament.mirror.NoteMirror;
import app.reglament.mirror.ReferenceMirror;
import app.reglament.rules.config.RulesRepository;
import app.reglament.rules.config.RulesTemplate;
import app.reglament.sync.AccountSync;
import app.reglament.sync.SyncScheduler;
import app.reglament.sync.SyncStateRepository;
import app.reglament.sync.WebhookProcessor;
import io.javalin.apibuilder.ApiBuilder;
import io.javalin.apibuilder.EndpointGroup;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything that connects Reglament to amoCRM, wired by hand: tokens, the API client, the
 * installation, webhook intake, the inbox worker and the synchronization. Exists only when the
 * integration's id and secret are configured.
 */
public final class AmoConnection implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AmoConnection.class);
  static final Duration KEEPER_PERIOD = Duration.ofHours(1);

  private final TokenService tokens;
  private final AmoClient client;
  private final InboxWorker worker;
  private final SyncScheduler scheduler;
  private final TokenKeeper keeper;
  private final WebhookController webhooks;
  private final InstallController install;
  private ScheduledExecutorService keeperLoop;

  /**
   * @param installed told the account id after an installation (after the operator's rules
   *     template, before the first sync): the automations bring amoCRM's settings in line
   */
  public AmoConnection(
      Config config,
      DSLContext dsl,
      MeterRegistry metrics,
      Clock clock,
      InboxWorker.Settings inboxSettings,
      SyncScheduler.Settings syncSettings,
      java.util.function.LongConsumer installed) {
    var hosts = new AmoHosts(config.amoBaseUrl());
    var accounts = new AccountRepository(dsl);
    var store = new TokenStore(new TokenCipher(SecretKeys.resolve(config)));
    var oauth =
        new OAuthClient(
            hosts,
            config.amoClientId().orElseThrow(),
            config.amoClientSecret().orElseThrow(),
            URI.create(config.publicUrl() + "/oauth/callback"),
            clock);
    this.tokens = new TokenService(dsl, store, oauth, hosts, accounts, clock);
    this.client =
        new AmoClient(tokens, AmoClientSettings.defaults().withRequestsPerSecond(config.amoRps()));
    var syncState = new SyncStateRepository(dsl);
    var sync =
        new AccountSync(
            client,
            new ReferenceMirror(dsl),
            new DealMirror(dsl, clock),
            new NoteMirror(dsl, clock),
            new ActivityMirror(dsl),
            syncState,
            clock);
    var inbox = new InboxRepository(dsl);
    this.scheduler = new SyncScheduler(sync, syncState, clock, syncSettings);
    this.worker = new InboxWorker(inbox, new WebhookProcessor(sync), tokens, clock, inboxSettings);
    this.keeper = new TokenKeeper(dsl, store, tokens, clock);
    this.webhooks = new WebhookController(accounts, inbox, worker::wake, clock, metrics);
    var installer =
        new Installer(
            oauth,
            tokens,
            accounts,
            syncState,
            client,
            config.publicUrl(),
            clock,
            rulesTemplate(config, dsl, clock).andThen(installed),
            scheduler::wake);
    this.install =
        new InstallController(
            installer,
            hosts,
            accounts,
            syncState,
            inbox,
            config.amoClientId().orElseThrow(),
            config.amoClientSecret().orElseThrow(),
            config.amoBaseUrl(),
            new ComplianceSummary(dsl),
            clock);
  }

  /** What a new installation gets besides its sync: the operator's rules template, if any. */
  private static java.util.function.LongConsumer rulesTemplate(
      Config config, DSLContext dsl, Clock clock) {
    Optional<RulesTemplate> template = config.rulesTemplate().map(RulesTemplate::load);
    RulesRepository rules = new RulesRepository(dsl, clock);
    return accountId -> template.ifPresent(t -> t.applyTo(rules, accountId));
  }

  public EndpointGroup routes() {
    return () -> {
      ApiBuilder.get("/oauth/install", install::start);
      ApiBuilder.get("/oauth/callback", install::callback);
      ApiBuilder.get("/oauth/disconnect", install::disconnect);
      ApiBuilder.get("/install/{accountId}/status", install::status);
      ApiBuilder.post("/hooks/amo/{hookToken}", webhooks::receive);
    };
  }

  /** Starts the background work: inbox worker, synchronization, token keeper. */
  public void start() {
    worker.start();
    scheduler.start();
    keeperLoop =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "token-keeper");
              thread.setDaemon(true);
              return thread;
            });
    keeperLoop.scheduleWithFixedDelay(
        this::keepTokens, 0, KEEPER_PERIOD.toMinutes(), TimeUnit.MINUTES);
  }

  private void keepTokens() {
    try {
      int renewed = keeper.runOnce();
      if (renewed > 0) {
        log.info("Renewed the tokens of {} accounts", renewed);
      }
    } catch (RuntimeException e) {
      log.error("The token keeper failed; it runs again in {}", KEEPER_PERIOD, e);
    }
  }

  public TokenService tokens() {
    return tokens;
  }

  public AmoClient client() {
    return client;
  }

  public InboxWorker worker() {
    return worker;
  }

  public SyncScheduler scheduler() {
    return scheduler;
  }

  @Override
  public void close() {
    if (keeperLoop != null) {
      keeperLoop.shutdownNow();
    }
    worker.close();
    scheduler.close();
  }
}
