package app.reglament.widgetapi;

import app.reglament.account.AccountRepository;
import app.reglament.automation.DealReader;
import app.reglament.automation.LossReviews;
import app.reglament.automation.ManualNames;
import app.reglament.config.Config;
import app.reglament.engine.Evaluator;
import app.reglament.engine.IndicatorSet;
import app.reglament.engine.RulesSource;
import app.reglament.engine.ScoreService;
import app.reglament.outbox.JooqOutbox;
import app.reglament.rules.config.RulesConfig;
import app.reglament.rules.config.RulesRepository;
import app.reglament.rules.config.StoredRules;
import app.reglament.testing.MutableClock;
import app.reglament.testing.TestDatabase;
import app.reglament.web.Json;
import app.reglament.web.WebServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Request;
import io.javalin.testtools.Response;
import io.javalin.testtools.TestCase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The widget API on a real HTTP server over a test database: two connected accounts (A at {@code
 * alpha.amocrm.ru}, B at {@code beta.amocrm.ru}), the sandbox's base URL configured, the clock
 * fixed on a Monday noon in Moscow.
 */
final class WidgetServer {
  static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
  static final LocalDate TODAY = LocalDate.parse("2026-11-30");
  static final long A = 31_000_001L;
  static final long B = 31_000_002L;
  static final String A_ORIGIN = "https://alpha.amocrm.ru";
  static final String B_ORIGIN = "https://beta.amocrm.ru";
  static final String SANDBOX_ORIGIN = "http://localhost:9001";
  static final ObjectMapper JSON = new ObjectMapper();

  final TestDatabase db;
  final MutableClock clock = new MutableClock(NOW);
  final RulesRepository repository;
  final FakeRules rules;
  final AccountRepository accounts;
  final Evaluator evaluator;
  final JooqOutbox outbox = new JooqOutbox(clock);
  private final Javalin http;

  WidgetServer(TestDatabase db) {
    this(db, noIndicators());
  }

  /** With these indicators in the engine whose cached rules a save must drop. */
  WidgetServer(TestDatabase db, IndicatorSet indicators) {
    this.db = db;
    this.repository = new RulesRepository(db.dsl(), clock);
    this.rules = new FakeRules(repository);
    this.accounts = new AccountRepository(db.dsl());
    accounts.install(A, "alpha.amocrm.ru", NOW.minusSeconds(86_400));
    accounts.install(B, "beta.amocrm.ru", NOW.minusSeconds(86_400));
    this.evaluator = new Evaluator(db.dsl(), clock, rules, indicators);
    WidgetApi api =
        new WidgetApi(
            new DisposableTokens(
                WidgetTokens.SECRET, WidgetTokens.CLIENT_ID, WidgetTokens.AUDIENCE, clock),
            accounts,
            new ScoreService(db.dsl(), clock, rules),
            rules,
            repository,
            evaluator::forget,
            db.dsl(),
            Config.fromEnvironment(Map.of("REGLAMENT_AMO_BASE_URL", SANDBOX_ORIGIN + "/")),
            clock);
    api.withAutomations(
        new ManualNames(db.dsl(), clock),
        new LossReviews(db.dsl(), outbox, new DealReader(db.dsl(), rules, clock)));
    this.http =
        WebServer.create(
            WebServer.DEFAULT_MAX_REQUEST_BYTES,
            Json.mapper(),
            new SimpleMeterRegistry(),
            List.of(api.routes()));
  }

  static IndicatorSet noIndicators() {
    return new IndicatorSet(
        List.of(), (activity, c, out) -> {}, (closed, c, out) -> {}, (deal, c) -> Optional.empty());
  }

  WidgetData data(long accountId) {
    return new WidgetData(db.dsl(), accountId);
  }

  void run(TestCase test) {
    JavalinTest.test(http, test);
  }

  static String token(long accountId, long userId) {
    return WidgetTokens.of(accountId, userId, NOW).build();
  }

  static String adminToken(long accountId, long userId) {
    return WidgetTokens.of(accountId, userId, NOW).admin().build();
  }

  /** A GET with the token (none when null) and any other headers as name, value pairs. */
  static Response get(HttpClient client, String path, String token, String... headers) {
    return client.request(path, request(token, headers).get());
  }

  static Response put(
      HttpClient client, String path, String token, String body, String... headers) {
    return client.request(
        path,
        request(token, headers)
            .header("Content-Type", "application/json")
            .put(HttpRequest.BodyPublishers.ofString(body)));
  }

  static Response post(
      HttpClient client, String path, String token, String body, String... headers) {
    return client.request(
        path,
        request(token, headers)
            .header("Content-Type", "application/json")
            .post(HttpRequest.BodyPublishers.ofString(body)));
  }

  static Response delete(HttpClient client, String path, String token, String... headers) {
    return client.request(
        path, request(token, headers).delete(HttpRequest.BodyPublishers.noBody()));
  }

  private static Request.Builder request(String token, String... headers) {
    Request.Builder builder = new Request.Builder();
    if (token != null) {
      builder.header(WidgetGate.TOKEN_HEADER, token);
    }
    for (int i = 0; i < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return builder;
  }

  /** A CORS preflight, which the test client cannot send. */
  static HttpResponse<String> preflight(
      HttpClient client, String path, String origin, String method) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(client.getOrigin() + path))
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .header("Access-Control-Request-Method", method)
            .header("Access-Control-Request-Headers", "x-auth-token,content-type");
    if (origin != null) {
      request.header("Origin", origin);
    }
    try {
      return java.net.http.HttpClient.newHttpClient()
          .send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonNode json(Response response) {
    try {
      return JSON.readTree(response.body().string());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The problem type's slug, after checking that the answer is a problem document. */
  static String problem(Response response) {
    String contentType = response.headers().get("Content-Type").get(0);
    if (!contentType.startsWith("application/problem+json")) {
      throw new AssertionError("Not a problem document: " + contentType);
    }
    return json(response).path("type").asText().replace("urn:reglament:problem:", "");
  }

  static String header(Response response, String name) {
    List<String> values = response.headers().get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** Each account's stored rules, unless a test set others directly. */
  static final class FakeRules implements RulesSource {
    private final Map<Long, Versioned> byAccount = new HashMap<>();
    private final RulesRepository repository;

    FakeRules(RulesRepository repository) {
      this.repository = repository;
    }

    @Override
    public synchronized Versioned current(long accountId) {
      Versioned set = byAccount.get(accountId);
      if (set != null) {
        return set;
      }
      StoredRules stored = repository.current(accountId);
      return new Versioned(stored.config(), stored.version());
    }

    synchronized void set(long accountId, RulesConfig rules) {
      byAccount.put(accountId, new Versioned(rules, current(accountId).version() + 1));
    }
  }

  /** The defaults with these heads (and, when given, these managers). */
  static RulesConfig withPeople(List<Long> heads, List<Long> managers) {
    RulesConfig d = RulesConfig.defaults();
    return new RulesConfig(
        d.timezone(),
        d.workingHours(),
        d.holidays(),
        heads,
        managers,
        d.naming(),
        d.firstContact(),
        d.stages(),
        d.requiredFields(),
        d.taskResults(),
        d.lostDeals(),
        d.communications(),
        d.worktime(),
        d.score());
  }
}
