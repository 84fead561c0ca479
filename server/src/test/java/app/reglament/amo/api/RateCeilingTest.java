package app.reglament.amo.api;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The rate ceiling in real time against a server that refuses an account's 8th request within (a
 * little less than) a second, the way amoCRM does past 7 requests per second.
 */
class RateCeilingTest {
  private static final Gate gate = new Gate();

  @RegisterExtension
  static WireMockExtension amo =
      WireMockExtension.newInstance()
          .options(wireMockConfig().dynamicPort().containerThreads(32).extensions(gate))
          .build();

  private static final String ACCOUNT_JSON = "{\"id\":1,\"name\":\"Окна\"}";

  @BeforeEach
  void reset() {
    gate.reset();
    amo.stubFor(get(urlPathMatching("/a[0-9]+/api/v4/account")).willReturn(okJson(ACCOUNT_JSON)));
  }

  @Test
  void thirtyCallsFromEightThreadsTakeOverFourSecondsAndNoneIsRefused() throws Exception {
    AmoClient client = realTimeClient();
    // The first request of a cold client and server takes a while; arriving late, it would sit
    // closer to its successors at the server than they were sent, which is not what is measured.
    client.setup().account(1);
    client.setup().account(2);
    gate.reset();
    CountDownLatch eightServed = gate.whenServed("a1", 8);
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      long start = System.nanoTime();
      List<Future<?>> calls = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        calls.add(threads.submit(() -> client.setup().account(1)));
      }

      assertThat(eightServed.await(10, TimeUnit.SECONDS)).isTrue();
      long otherStart = System.nanoTime();
      client.setup().account(2);
      Duration otherTook = Duration.ofNanos(System.nanoTime() - otherStart);
      int firstAccountServedMeanwhile = gate.served("a1");

      for (Future<?> call : calls) {
        call.get(30, TimeUnit.SECONDS); // rethrows any AmoException, a 429 included
      }
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(gate.refused()).isZero();
      assertThat(gate.served("a1")).isEqualTo(30);
      // 30 slots 1/7 s apart: the last one starts 29/7 s ≈ 4.14 s after the first.
      assertThat(took).isGreaterThan(Duration.ofMillis(4_100));
      // Account 2 was served at once while account 1 still had most of its queue ahead.
      assertThat(otherTook).isLessThan(Duration.ofSeconds(1));
      assertThat(firstAccountServedMeanwhile).isLessThan(20);
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void theGateDoesRefuseAnAccountThatCallsFasterThanSevenPerSecond() throws Exception {
    HttpClient raw = HttpClient.newHttpClient();
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      statuses.add(
          raw.send(
                  HttpRequest.newBuilder(URI.create(amo.baseUrl() + "/a9/api/v4/account")).build(),
                  BodyHandlers.discarding())
              .statusCode());
    }

    assertThat(statuses).contains(429);
  }

  private static AmoClient realTimeClient() {
    Clock clock = Clock.systemUTC();
    return new AmoClient(
        new FakeAccess(amo.baseUrl(), clock),
        AmoClientSettings.defaults().withMaxAttempts(1), // a 429 would surface, not be retried
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
        clock,
        Ticker.system(),
        Sleeper.system(),
        new Random(1));
  }

  /**
   * Refuses a request with 429 when its account already had 7 accepted in the last 900 ms. The
   * window is 100 ms short of a second to absorb scheduling jitter between client and server;
   * anything noticeably faster than 7 per second is still refused.
   */
  static final class Gate implements ResponseDefinitionTransformerV2 {
    private static final long WINDOW_NANOS = Duration.ofMillis(900).toNanos();
    private static final int PER_WINDOW = 7;

    private final Map<String, Deque<Long>> accepted = new HashMap<>();
    private final Map<String, AtomicInteger> served = new HashMap<>();
    private final Map<String, List<CountDownLatch>> latches = new HashMap<>();
    private int refused;

    @Override
    public synchronized ResponseDefinition transform(ServeEvent event) {
      String account = event.getRequest().getUrl().split("/")[1];
      long now = System.nanoTime();
      Deque<Long> recent = accepted.computeIfAbsent(account, a -> new ArrayDeque<>());
      while (!recent.isEmpty() && now - recent.peekFirst() >= WINDOW_NANOS) {
        recent.pollFirst();
      }
      if (recent.size() >= PER_WINDOW) {
        refused++;
        return new ResponseDefinitionBuilder().withStatus(429).build();
      }
      recent.addLast(now);
      served.computeIfAbsent(account, a -> new AtomicInteger()).incrementAndGet();
      latches.getOrDefault(account, List.of()).forEach(CountDownLatch::countDown);
      return event.getResponseDefinition();
    }

    @Override
    public String getName() {
      return "seven-per-second-gate";
    }

    synchronized void reset() {
      accepted.clear();
      served.clear();
      latches.clear();
      refused = 0;
    }

    synchronized CountDownLatch whenServed(String account, int count) {
      CountDownLatch latch = new CountDownLatch(count);
      latches.computeIfAbsent(account, a -> new ArrayList<>()).add(latch);
      return latch;
    }

    synchronized int served(String account) {
      return served.getOrDefault(account, new AtomicInteger()).get();
    }

    synchronized int refused() {
      return refused;
    }
  }
}
