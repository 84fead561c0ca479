package app.reglament.bench;

import static app.reglament.db.generated.Tables.WEBHOOK_INBOX;

import app.reglament.App;
import app.reglament.account.Account;
import app.reglament.account.AccountRepository;
import app.reglament.config.Config;
import app.reglament.testing.TestApps;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load run of webhook intake: the real server on loopback, amoCRM-shaped bodies posted by
 * concurrent clients, every answer checked, and the inbox counted afterwards (each 200 must stand
 * for a committed row). Prints throughput and acknowledgement latency percentiles.
 *
 * <pre>
 * mvn -q -B install -DskipTests   # the server's tests depend on the sandbox module
 * mvn -q -pl server exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=app.reglament.bench.WebhookIntakeBench [-Dexec.args="20000 16"]
 * </pre>
 *
 * With REGLAMENT_TEST_DB_URL set it runs on that MariaDB database, otherwise on embedded H2.
 */
public final class WebhookIntakeBench {
  private static final long ACCOUNT = 31_000_001L;
  private static final int WARMUP = 2_000;

  private WebhookIntakeBench() {}

  public static void main(String[] args) throws Exception {
    int total = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int clients = args.length > 1 ? Integer.parseInt(args[1]) : 16;
    Path dataDir = Files.createTempDirectory("reglament-bench");
    Map<String, String> env = TestApps.amoEnvironment(dataDir, "http://127.0.0.1:9");
    String external = System.getenv("REGLAMENT_TEST_DB_URL");
    if (external != null && !external.isBlank()) {
      env.put("REGLAMENT_DB_URL", external);
    }
    // The worker stays off (App.start() is not called): this measures intake alone.
    try (App app = App.create(Config.fromEnvironment(env), Clock.systemUTC())) {
      app.http().start(0);
      app.database().dsl().deleteFrom(WEBHOOK_INBOX).execute();
      Account account =
          new AccountRepository(app.database().dsl())
              .install(ACCOUNT, "bench.amocrm.ru", java.time.Instant.now());
      URI target =
          URI.create("http://127.0.0.1:" + app.port() + "/hooks/amo/" + account.hookToken());
      System.out.printf(
          "Webhook intake on %s: %d webhooks, %d concurrent clients, %d warm-up%n",
          app.database().product(), total, clients, WARMUP);

      run(target, WARMUP, clients, 0);
      long[] latencies = new long[total];
      long started = System.nanoTime();
      int failures = run(target, total, clients, latencies, WARMUP);
      double seconds = (System.nanoTime() - started) / 1e9;

      int stored = app.database().dsl().fetchCount(WEBHOOK_INBOX);
      Arrays.sort(latencies);
      System.out.printf(
          "throughput %.0f webhooks/s; ack latency p50 %.2f ms, p99 %.2f ms, max %.2f ms;"
              + " non-200 answers %d; inbox rows %d of %d acknowledged%n",
          total / seconds,
          latencies[total / 2] / 1e6,
          latencies[(int) (total * 0.99)] / 1e6,
          latencies[total - 1] / 1e6,
          failures,
          stored,
          total + WARMUP - failures);
      System.out.printf(
          "heap used %d MiB%n",
          (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
    }
  }

  private static int run(URI target, int count, int clients, int offset) throws Exception {
    return run(target, count, clients, new long[count], offset);
  }

  /** Posts {@code count} distinct bodies from {@code clients} threads; returns non-200 answers. */
  private static int run(URI target, int count, int clients, long[] latencies, int offset)
      throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    var next = new AtomicInteger();
    var failures = new AtomicInteger();
    List<Future<?>> workers = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      workers.add(
          pool.submit(
              () -> {
                int i;
                while ((i = next.getAndIncrement()) < count) {
                  HttpRequest request =
                      HttpRequest.newBuilder(target)
                          .timeout(Duration.ofSeconds(30))
                          .header("Content-Type", "application/x-www-form-urlencoded")
                          .POST(HttpRequest.BodyPublishers.ofString(body(offset + i)))
                          .build();
                  long t0 = System.nanoTime();
                  HttpResponse<Void> response =
                      http.send(request, HttpResponse.BodyHandlers.discarding());
                  latencies[i] = System.nanoTime() - t0;
                  if (response.statusCode() != 200) {
                    failures.incrementAndGet();
                  }
                }
                return null;
              }));
    }
    for (Future<?> worker : workers) {
      worker.get();
    }
    pool.shutdown();
    return failures.get();
  }

  /** A status change of one deal, in amoCRM's form-encoded v2 shape (about 600 bytes). */
  static String body(int n) {
    long leadId = 1_000_000L + n;
    return "account%5Bsubdomain%5D=bench&account%5Bid%5D="
        + ACCOUNT
        + "&account%5B_links%5D%5Bself%5D=https%3A%2F%2Fbench.amocrm.ru"
        + "&leads%5Bstatus%5D%5B0%5D%5Bid%5D="
        + leadId
        + "&leads%5Bstatus%5D%5B0%5D%5Bstatus_id%5D=142&leads%5Bstatus%5D%5B0%5D%5Bpipeline_id%5D=7"
        + "&leads%5Bstatus%5D%5B0%5D%5Bold_status_id%5D=141&leads%5Bstatus%5D%5B0%5D%5Bold_pipeline_id%5D=7"
        + "&leads%5Bstatus%5D%5B0%5D%5Bname%5D=%D0%9E%D0%BA%D0%BD%D0%B0+%D0%9A%D0%B0%D0%B7%D0%B0%D0%BD%D1%8C"
        + "&leads%5Bstatus%5D%5B0%5D%5Bresponsible_user_id%5D=501"
        + "&leads%5Bstatus%5D%5B0%5D%5Blast_modified%5D="
        + (1_796_000_000L + n)
        + "&leads%5Bstatus%5D%5B0%5D%5Bmodified_user_id%5D=501&leads%5Bstatus%5D%5B0%5D%5Bprice%5D=150000";
  }
}
