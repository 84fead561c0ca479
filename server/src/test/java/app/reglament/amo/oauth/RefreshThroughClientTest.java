package app.reglament.amo.oauth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import app.reglament.account.AccountRepository;
import app.reglament.amo.api.AmoClient;
import app.reglament.amo.api.AmoClientSettings;
import app.reglament.testing.DatabaseTest;
import app.reglament.testing.MutableClock;
import app.reglament.testing.TestDatabase;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The whole path: API calls through two client instances (as two server instances would have)
 * sharing one database, all starting with an expired token. amoCRM accepts only the rotated token.
 */
class RefreshThroughClientTest {
  private static final long ACCOUNT = 31_000_001L;
  private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
  private static final byte[] KEY = new byte[32];

  static {
    new SecureRandom().nextBytes(KEY);
  }

  private final WireMockServer amo =
      new WireMockServer(options().dynamicPort().containerThreads(150));
  private final MutableClock clock = new MutableClock(T0);

  @BeforeEach
  void startAmo() {
    amo.start();
    amo.stubFor(
        post(urlEqualTo("/oauth2/access_token"))
            .withRequestBody(containing("\"refresh_token\":\"refresh-1\""))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withFixedDelay(150)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"token_type\":\"Bearer\",\"expires_in\":86400,"
                            + "\"access_token\":\"access-2\",\"refresh_token\":\"refresh-2\"}")));
    amo.stubFor(
        get(urlPathEqualTo("/api/v4/account"))
            .atPriority(5)
            .willReturn(aResponse().withStatus(401).withBody("{\"status\":401}")));
    amo.stubFor(
        get(urlPathEqualTo("/api/v4/account"))
            .atPriority(1)
            .withHeader("Authorization", equalTo("Bearer access-2"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/hal+json")
                    .withBody(
                        "{\"id\":" + ACCOUNT + ",\"name\":\"ООО Окна\",\"subdomain\":\"sales\"}")));
  }

  @AfterEach
  void stopAmo() {
    amo.stop();
  }

  private AmoClient client(TestDatabase db) {
    return new AmoClient(
        OAuthFixtures.tokenService(db, amo.baseUrl(), clock, KEY),
        AmoClientSettings.defaults().withRequestsPerSecond(1_000));
  }

  @DatabaseTest
  void a_hundred_concurrent_calls_through_two_instances_refresh_exactly_once(TestDatabase db)
      throws Exception {
    new AccountRepository(db.dsl()).install(ACCOUNT, "sales.amocrm.ru", T0);
    new TokenStore(new TokenCipher(KEY))
        .save(db.dsl(), ACCOUNT, new TokenPair("expired", "refresh-1", T0.minusSeconds(1)), T0);
    AmoClient first = client(db);
    AmoClient second = client(db);

    ExecutorService pool = Executors.newFixedThreadPool(100);
    var gate = new CountDownLatch(1);
    List<CompletableFuture<Long>> calls = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      AmoClient client = i % 2 == 0 ? first : second;
      calls.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  gate.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                return client.setup().account(ACCOUNT).id();
              },
              pool));
    }
    gate.countDown();
    List<Long> ids = new ArrayList<>();
    for (var call : calls) {
      ids.add(call.get(60, TimeUnit.SECONDS));
    }
    pool.shutdown();

    assertThat(ids).hasSize(100).containsOnly(ACCOUNT);
    amo.verify(1, postRequestedFor(urlEqualTo("/oauth2/access_token")));
    amo.verify(100, getRequestedFor(urlPathEqualTo("/api/v4/account")));
  }
}
