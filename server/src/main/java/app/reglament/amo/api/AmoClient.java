package app.reglament.amo.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * Reglament's client of the amoCRM API v4, for every connected account at once: each call names its
 * account, and {@link AccountAccess} supplies that account's host and token.
 *
 * <p>Create one per process: the per-account rate ceiling lives here and holds across all threads
 * that share this instance. Calls block the calling thread (while waiting for a rate slot too), and
 * fail with an {@link AmoException} subclass:
 *
 * <ul>
 *   <li>{@link AmoBlockedException}: amoCRM blocked the account, or it is still paused; no request
 *       was sent
 *   <li>{@link AmoAuthorizationException}: no usable token, even after one renewal
 *   <li>{@link AmoUnavailableException}: 429, 5xx, timeouts after the allowed attempts
 *   <li>{@link AmoValidationException}, {@link AmoPermissionException}, {@link
 *       AmoProblemException}: amoCRM refused the request; repeating it will not help
 * </ul>
 */
public final class AmoClient {
  private final AmoTransport transport;
  private final HalPager pager;
  private final BatchWriter writer;
  private final Leads leads;
  private final Contacts contacts;
  private final Tasks tasks;
  private final Notes notes;
  private final Events events;
  private final Webhooks webhooks;
  private final AccountSetup setup;

  public AmoClient(AccountAccess access, AmoClientSettings settings) {
    this(
        access,
        settings,
        defaultHttpClient(settings),
        Clock.systemUTC(),
        Ticker.system(),
        Sleeper.system(),
        RandomGenerator.getDefault());
  }

  /** With every source of time and chance injected: for tests. */
  AmoClient(
      AccountAccess access,
      AmoClientSettings settings,
      HttpClient http,
      Clock clock,
      Ticker ticker,
      Sleeper sleeper,
      RandomGenerator random) {
    this.transport =
        new AmoTransport(
            access,
            settings,
            http,
            new RateLimiter(settings.requestsPerSecond(), ticker, sleeper),
            new Backoff(settings.backoffBase(), settings.backoffCap(), random),
            clock,
            sleeper,
            AmoJson.mapper());
    this.pager = new HalPager(transport);
    this.writer = new BatchWriter(transport);
    this.leads = new Leads(pager, writer, settings);
    this.contacts = new Contacts(pager, settings);
    this.tasks = new Tasks(pager, writer, settings);
    this.notes = new Notes(pager, writer, settings);
    this.events = new Events(pager, settings);
    this.webhooks = new Webhooks(pager, transport);
    this.setup = new AccountSetup(pager, settings);
  }

  /**
   * HTTP/1.1 keeps connection reuse simple and predictable at 7 requests per second per host;
   * redirects are not followed, so the bearer token never travels to a host we did not choose.
   */
  private static HttpClient defaultHttpClient(AmoClientSettings settings) {
    Duration connect =
        settings.requestTimeout().compareTo(Duration.ofSeconds(10)) < 0
            ? settings.requestTimeout()
            : Duration.ofSeconds(10);
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(connect)
        .build();
  }

  /**
   * Counts a request to the account that went out without this client (the installation asks {@code
   * /api/v4/account} with its fresh token before the account exists here): the next ones keep their
   * distance from it, as amoCRM counts it too.
   */
  public void countRequestSentElsewhere(long accountId) {
    transport.countRequestSentElsewhere(accountId);
  }

  public Leads leads() {
    return leads;
  }

  public Contacts contacts() {
    return contacts;
  }

  public Tasks tasks() {
    return tasks;
  }

  public Notes notes() {
    return notes;
  }

  public Events events() {
    return events;
  }

  public Webhooks webhooks() {
    return webhooks;
  }

  /** The account, users, pipelines, lead fields, loss reasons. */
  public AccountSetup setup() {
    return setup;
  }

  /**
   * Any single call, with the same limits, retries and errors as the typed ones. Returns the
   * answer's JSON, or a {@link MissingNode} when amoCRM answered with no body (204).
   */
  public JsonNode call(long accountId, AmoRequest request) {
    return transport.send(accountId, request);
  }

  /**
   * Any HAL list, one page at a time: {@code key} names the list in {@code _embedded}, {@code type}
   * is the record each item is read into.
   */
  public <T> void forEachPage(
      long accountId,
      AmoRequest request,
      String key,
      Class<T> type,
      int limit,
      Consumer<List<T>> pageConsumer) {
    pager.forEachPage(accountId, request, key, type, limit, pageConsumer);
  }

  /**
   * Creates any entities with {@code POST path} in batches (e.g. {@code /api/v4/contacts}, key
   * {@code contacts}); returns their ids in order and tells {@code progress} after each batch.
   */
  public List<Long> create(
      long accountId, String path, String key, List<?> entities, BatchProgress progress) {
    return writer.write(accountId, "POST", path, key, entities, progress);
  }

  /** Updates any entities with {@code PATCH path} in batches; each entity carries its id. */
  public List<Long> update(long accountId, String path, String key, List<?> entities) {
    return writer.write(accountId, "PATCH", path, key, entities, BatchProgress.NONE);
  }
}
