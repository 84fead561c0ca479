package app.reglament.sandbox;

import app.reglament.sandbox.api.ApiGuard;
import app.reglament.sandbox.api.ApiRoutes;
import app.reglament.sandbox.api.ApiStats;
import app.reglament.sandbox.api.RateLimiter;
import app.reglament.sandbox.hooks.WebhookDispatcher;
import app.reglament.sandbox.hooks.WebhookSender;
import app.reglament.sandbox.oauth.OAuthController;
import app.reglament.sandbox.oauth.TokenAuthority;
import app.reglament.sandbox.scenario.Scenario;
import app.reglament.sandbox.store.Store;
import app.reglament.sandbox.ui.SandboxUi;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.json.JavalinJackson;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox wired by hand: one {@link Store} (the account), OAuth, the API v4 subset with its
 * rate ceiling, webhook delivery, and {@code GET /sandbox/stats}. Tests create it with their own
 * clock and settings, {@link #start()} it on port 0 and {@link #close()} it:
 *
 * <pre>{@code
 * try (SandboxApp sandbox = SandboxApp.create(settings.withPort(0), clock, scenario).start()) {
 *   URI api = URI.create(sandbox.baseUrl() + "/api/v4/leads");
 * }
 * }</pre>
 *
 * The web UI ({@link SandboxUi}: the pipeline board and the deal card) is mounted by default; more
 * pages plug in with {@link Builder#routes}. Pages read and write through {@link #store()}, so
 * their changes fire webhooks like the API's.
 */
public final class SandboxApp implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SandboxApp.class);

  /** The sandbox listens on the loopback interface only: it is a local stand-in. */
  public static final String HOST = "127.0.0.1";

  /** amoCRM takes batches of 250 deals with their fields; well above that. */
  static final long MAX_REQUEST_BYTES = 8L * 1024 * 1024;

  private final SandboxSettings settings;
  private final Store store;
  private final ApiStats apiStats = new ApiStats();
  private final WebhookSender sender;
  private final Javalin http;

  private SandboxApp(
      SandboxSettings settings, Clock clock, Store store, List<Function<Store, EndpointGroup>> ui) {
    this.settings = settings;
    this.store = store;
    this.sender = new WebhookSender(settings.delivery());
    store.addListener(new WebhookDispatcher(sender, this::baseUrl));
    ObjectMapper json = new ObjectMapper();
    TokenAuthority tokens = new TokenAuthority(clock, settings.tokenLifetime());
    OAuthController oauth =
        new OAuthController(
            settings.clientId(),
            settings.clientSecret(),
            settings.redirectUri(),
            tokens,
            store,
            this::referer,
            json);
    ApiRoutes api =
        new ApiRoutes(
            store,
            json,
            new ApiGuard(new RateLimiter(settings.requestsPerSecond(), clock), tokens, apiStats));
    this.http =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.startup.showOldJavalinVersionWarning = false;
              config.http.maxRequestSize = MAX_REQUEST_BYTES;
              config.router.ignoreTrailingSlashes = true;
              config.jsonMapper(new JavalinJackson(json, false));
              config.routes.get("/oauth", oauth::authorizePage);
              config.routes.get("/oauth/allow", oauth::allow);
              config.routes.post("/oauth/allow", oauth::allow);
              config.routes.post("/oauth2/access_token", oauth::token);
              config.routes.get("/sandbox/stats", ctx -> ctx.json(stats()));
              api.register(config.routes);
              for (Function<Store, EndpointGroup> pages : ui) {
                config.routes.apiBuilder(pages.apply(store));
              }
            });
  }

  /**
   * A sandbox over the scenario's account, or the minimal account when {@code scenario} is null.
   */
  public static SandboxApp create(SandboxSettings settings, Clock clock, Scenario scenario) {
    return builder(settings).clock(clock).scenario(scenario).build();
  }

  public static Builder builder(SandboxSettings settings) {
    return new Builder(settings);
  }

  /** Opens the port ({@link SandboxSettings#port()}, 0 for a free one). */
  public SandboxApp start() {
    http.start(HOST, settings.port());
    log.info(
        "Sandbox account {} ({}) serving integration {} with redirect URI {}",
        store.account().id(),
        store.account().subdomain(),
        settings.clientId(),
        settings.redirectUri());
    return this;
  }

  public int port() {
    return http.port();
  }

  /** {@code http://127.0.0.1:PORT}: the base URL of the account's API and OAuth endpoints. */
  public String baseUrl() {
    return "http://" + referer();
  }

  /** {@code 127.0.0.1:PORT}: the account host amoCRM names in the OAuth redirect. */
  public String referer() {
    return HOST + ":" + port();
  }

  public Store store() {
    return store;
  }

  public SandboxSettings settings() {
    return settings;
  }

  public SandboxStats stats() {
    return new SandboxStats(
        apiStats.requests(),
        apiStats.rateLimitedCount(),
        apiStats.unauthorizedCount(),
        sender.stats(),
        store.counts());
  }

  /**
   * Waits until every webhook queued so far was delivered or given up (a test's "then", a demo's
   * clean stop); false if the timeout passed first.
   */
  public boolean awaitWebhooks(Duration timeout) throws InterruptedException {
    return sender.awaitIdle(timeout);
  }

  /** The HTTP server, for javalin-testtools. */
  public Javalin http() {
    return http;
  }

  @Override
  public void close() {
    http.stop();
    sender.close();
  }

  /** Builds a sandbox; everything but the settings has a default. */
  public static final class Builder {
    private final SandboxSettings settings;
    private Clock clock = Clock.systemUTC();
    private Scenario scenario;
    // The amoCRM-like pages come with every sandbox: the widget, the extension and the demo need
    // them, and they cost nothing to a test that only calls the API.
    private final List<Function<Store, EndpointGroup>> routes =
        new ArrayList<>(List.of(SandboxUi::routes));

    private Builder(SandboxSettings settings) {
      this.settings = settings;
    }

    public Builder clock(Clock value) {
      this.clock = value;
      return this;
    }

    /** The account to play; null keeps the minimal account. */
    public Builder scenario(Scenario value) {
      this.scenario = value;
      return this;
    }

    /**
     * More pages (the web UI): declared with {@code ApiBuilder.get(…)} inside the group, given the
     * store they read and write.
     */
    public Builder routes(Function<Store, EndpointGroup> pages) {
      routes.add(pages);
      return this;
    }

    public SandboxApp build() {
      Store store = scenario == null ? Store.empty(clock) : Store.of(scenario, clock);
      return new SandboxApp(settings, clock, store, routes);
    }
  }
}
