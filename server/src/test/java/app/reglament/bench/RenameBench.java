package app.reglament.bench;

import static app.reglament.db.generated.Tables.ACTION_OUTBOX;

import app.reglament.App;
import app.reglament.amo.api.model.LeadUpdate;
import app.reglament.outbox.Action;
import app.reglament.outbox.Outbox;
import app.reglament.outbox.OutboxRepository;
import app.reglament.sandbox.SandboxApp;
import app.reglament.sandbox.SandboxSettings;
import app.reglament.sandbox.store.Change;
import app.reglament.sandbox.store.Lead;
import app.reglament.sandbox.store.NewLead;
import app.reglament.sandbox.store.Webhook;
import app.reglament.testing.TestApps;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Renames through the whole outbox path against the sandbox at amoCRM's ceiling: the sandbox
 * answers 429 above 7 requests/s, the server runs at REGLAMENT_AMO_RPS=7; 10,000 deals are renamed
 * through the real {@link Outbox}, executor and API client. Prints the time until every rename is
 * done, the requests and 429s the sandbox counted, and the efficiency against the ideal of 50
 * renames per request at 7 requests/s: (renames / 50 / 7 s) / measured time.
 *
 * <pre>
 * mvn -q -B -pl server -am test-compile dependency:build-classpath \
 *   -Dmdep.outputFile=/tmp/reglament-cp.txt -Dmdep.includeScope=test
 * java -cp server/target/test-classes:server/target/classes:$(cat /tmp/reglament-cp.txt) \
 *   app.reglament.bench.RenameBench [10000]
 * </pre>
 *
 * (The classpath comes from the reactor, so the sandbox module need not be installed.) With
 * REGLAMENT_TEST_DB_URL set it runs on that MariaDB database, otherwise on embedded H2.
 *
 * <p>Measured on the 2-core build machine, idle (load 1): MariaDB 30.9 s, 200 requests, no 429,
 * efficiency 0.924; H2 31.3 s / 0.913. The ceiling is 0.926: the client spaces requests 8 % wider
 * than 1/7 s, so that a request delayed on a busy machine does not reach amoCRM's per-second count
 * together with the next seven (with 5 %: 0.95 at best, and a 429 now and then under load).
 */
public final class RenameBench {
  private static final String PUBLIC_URL = "http://reglament.test";
  private static final int RPS = 7;
  private static final String RENAMED = "Переименована ";
  private static final int BATCH = 50;
  private static final long SANDBOX_ADMIN = 8_000_001L;
  private static final HttpClient HTTP =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  private RenameBench() {}

  public static void main(String[] args) throws Exception {
    int renames = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    Path dataDir = Files.createTempDirectory("reglament-rename-bench");
    SandboxSettings settings =
        SandboxSettings.DEFAULTS
            .withPort(0)
            .withRedirectUri(URI.create(PUBLIC_URL + "/oauth/callback"))
            .withRequestsPerSecond(RPS);
    try (SandboxApp sandbox = SandboxApp.create(settings, Clock.systemUTC(), null).start();
        App server = server(dataDir, sandbox)) {
      server.http().start(0);
      long accountId = install(server);
      // Only the executor runs (App.start() is not called): no sync competes for the budget, and
      // the sandbox's webhooks about the renames go nowhere.
      for (Webhook hook : sandbox.store().webhooks()) {
        sandbox.store().unsubscribe(hook.destination());
      }
      List<Long> leadIds = createLeads(sandbox, renames);
      queueRenames(server, accountId, leadIds);
      System.out.printf(
          "Renaming %d deals through the outbox on %s, sandbox and server at %d requests/s%n",
          renames, server.database().product(), RPS);

      JsonNode before = stats(sandbox);
      OutboxRepository actions = server.actions();
      // The sandbox tells of every change it applies: the run ends when the last rename lands.
      CountDownLatch landed = new CountDownLatch(renames);
      sandbox
          .store()
          .addListener(
              (changes, store) ->
                  changes.changes().stream()
                      .filter(c -> c instanceof Change.LeadUpdated u && renamedByBench(u))
                      .forEach(c -> landed.countDown()));
      long started = System.nanoTime();
      server.actionExecutor().orElseThrow().start();
      boolean all = landed.await(10, TimeUnit.MINUTES);
      double seconds = (System.nanoTime() - started) / 1e9;
      server.actionExecutor().orElseThrow().close();
      if (!all) {
        System.out.printf("Stopped after 10 minutes with %d renames missing%n", landed.getCount());
      }
      JsonNode after = stats(sandbox);

      long requests = after.path("requests").asLong() - before.path("requests").asLong();
      long limited = after.path("rateLimited").asLong() - before.path("rateLimited").asLong();
      long renamed = sandbox.store().leads(l -> l.name().startsWith(RENAMED)).size();
      double ideal = (double) renames / BATCH / RPS;
      Map<String, Integer> left = actions.unfinishedCounts();
      System.out.printf(
          "done in %.2f s; %d requests to the sandbox, %d answered 429; %d deals renamed;"
              + " unfinished rows %s; ideal %.2f s; efficiency %.3f%n",
          seconds, requests, limited, renamed, left, ideal, ideal / seconds);
    }
  }

  private static App server(Path dataDir, SandboxApp sandbox) {
    Map<String, String> env = new HashMap<>();
    env.put("REGLAMENT_PUBLIC_URL", PUBLIC_URL);
    env.put("REGLAMENT_AMO_CLIENT_ID", SandboxSettings.DEFAULT_CLIENT_ID);
    env.put("REGLAMENT_AMO_CLIENT_SECRET", SandboxSettings.DEFAULT_CLIENT_SECRET);
    env.put("REGLAMENT_AMO_RPS", Integer.toString(RPS));
    String external = System.getenv("REGLAMENT_TEST_DB_URL");
    if (external != null && !external.isBlank()) {
      env.put("REGLAMENT_DB_URL", external);
    }
    App app = TestApps.withAmo(dataDir, sandbox.baseUrl(), Clock.systemUTC(), env);
    app.database().dsl().deleteFrom(ACTION_OUTBOX).execute();
    return app;
  }

  private static List<Long> createLeads(SandboxApp sandbox, int count) {
    List<Long> ids = new ArrayList<>(count);
    for (int from = 0; from < count; from += 1_000) {
      List<NewLead> batch = new ArrayList<>();
      for (int i = from; i < Math.min(count, from + 1_000); i++) {
        batch.add(NewLead.named("Сделка " + i));
      }
      sandbox.store().createLeads(batch, SANDBOX_ADMIN).stream().map(Lead::id).forEach(ids::add);
    }
    return ids;
  }

  private static void queueRenames(App server, long accountId, List<Long> leadIds) {
    for (int from = 0; from < leadIds.size(); from += 500) {
      List<Long> chunk = leadIds.subList(from, Math.min(leadIds.size(), from + 500));
      server
          .database()
          .dsl()
          .transaction(
              tx -> {
                for (long leadId : chunk) {
                  String name = RENAMED + leadId;
                  server
                      .outbox()
                      .enqueue(
                          tx.dsl(),
                          accountId,
                          "rename:" + leadId + ":" + name,
                          new Action.UpdateLead(LeadUpdate.of(leadId).withName(name)),
                          new Outbox.Audit(leadId, "naming", "bench"));
                }
              });
    }
  }

  private static boolean renamedByBench(Change.LeadUpdated update) {
    return update.after().name().startsWith(RENAMED) && !update.before().name().startsWith(RENAMED);
  }

  private static JsonNode stats(SandboxApp sandbox) throws Exception {
    HttpResponse<String> answer =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/sandbox/stats")).build(),
            HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(answer.body());
  }

  /** amoCRM's OAuth flow as a browser follows it (see SandboxSyncTest). */
  private static long install(App server) throws Exception {
    String origin = "http://127.0.0.1:" + server.port();
    String authorize = location(origin + "/oauth/install");
    String back = location(authorize.replace("/oauth?", "/oauth/allow?"));
    HttpResponse<String> installed =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(back.replace(PUBLIC_URL, origin))).build(),
            HttpResponse.BodyHandlers.ofString());
    if (installed.statusCode() != 200) {
      throw new IllegalStateException("Installation failed: " + installed.body());
    }
    return Long.parseLong(installed.body().replaceAll(".*\"accountId\":(\\d+).*", "$1"));
  }

  private static String location(String url) throws Exception {
    HttpResponse<Void> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url)).build(),
            HttpResponse.BodyHandlers.discarding());
    return response.headers().firstValue("Location").orElseThrow();
  }
}
