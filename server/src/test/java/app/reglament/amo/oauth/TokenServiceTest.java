package app.reglament.amo.oauth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.reglament.account.AccountRepository;
import app.reglament.account.AccountState;
import app.reglament.amo.api.AmoAuthorizationException;
import app.reglament.testing.DatabaseTest;
import app.reglament.testing.MutableClock;
import app.reglament.testing.TestDatabase;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

class TokenServiceTest {
  private static final long ACCOUNT = 31_000_001L;
  private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
  private static final byte[] KEY = new byte[32];

  static {
    new SecureRandom().nextBytes(KEY);
  }

  private final WireMockServer amo = new WireMockServer(options().dynamicPort());
  private final MutableClock clock = new MutableClock(T0);

  @BeforeEach
  void startAmo() {
    amo.start();
  }

  @AfterEach
  void stopAmo() {
    amo.stop();
  }

  private TokenService service(TestDatabase db) {
    return OAuthFixtures.tokenService(db, amo.baseUrl(), clock, KEY);
  }

  private void installWithTokens(TestDatabase db, TokenPair tokens) {
    new AccountRepository(db.dsl()).install(ACCOUNT, "sales.amocrm.ru", T0);
    new TokenStore(new TokenCipher(KEY)).save(db.dsl(), ACCOUNT, tokens, T0);
  }

  /** amoCRM's day-long token "access-1" / "refresh-1", issued so that {@code left} remains. */
  private void installDayLongTokenExpiringIn(TestDatabase db, Duration left) {
    new AccountRepository(db.dsl()).install(ACCOUNT, "sales.amocrm.ru", T0);
    new TokenStore(new TokenCipher(KEY))
        .save(
            db.dsl(),
            ACCOUNT,
            new TokenPair("access-1", "refresh-1", T0.plus(left)),
            T0.plus(left).minus(Duration.ofDays(1)));
  }

  /** amoCRM's single-use rotation: only the current refresh token is accepted, once. */
  private void amoAcceptsOnlyRefreshToken(String current, String nextAccess, String nextRefresh) {
    amo.stubFor(
        post(urlEqualTo("/oauth2/access_token"))
            .withRequestBody(containing("\"refresh_token\":\"" + current + "\""))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withFixedDelay(100)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"token_type\":\"Bearer\",\"expires_in\":86400,\"access_token\":\""
                            + nextAccess
                            + "\",\"refresh_token\":\""
                            + nextRefresh
                            + "\"}")));
  }

  @DatabaseTest
  void a_valid_token_is_served_without_calling_amocrm(TestDatabase db) {
    installWithTokens(db, new TokenPair("access-1", "refresh-1", T0.plus(Duration.ofHours(20))));

    assertThat(service(db).accessToken(ACCOUNT)).isEqualTo("access-1");
    assertThat(amo.getAllServeEvents()).isEmpty();
  }

  @DatabaseTest
  void a_token_close_to_expiry_is_refreshed_ahead_and_the_new_pair_is_committed(TestDatabase db) {
    installDayLongTokenExpiringIn(db, Duration.ofMinutes(5));
    amoAcceptsOnlyRefreshToken("refresh-1", "access-2", "refresh-2");

    String token = service(db).accessToken(ACCOUNT);

    assertThat(token).isEqualTo("access-2");
    var stored = new TokenStore(new TokenCipher(KEY)).load(db.dsl(), ACCOUNT).orElseThrow();
    assertThat(stored.tokens().orElseThrow().refreshToken()).isEqualTo("refresh-2");
    assertThat(stored.tokens().orElseThrow().expiresAt()).isEqualTo(T0.plus(Duration.ofDays(1)));
    assertThat(stored.version()).isEqualTo(2);
  }

  @DatabaseTest
  void a_token_that_lives_seconds_is_refreshed_in_its_last_quarter_not_on_every_call(
      TestDatabase db) {
    installWithTokens(db, new TokenPair("access-1", "refresh-1", T0.plusSeconds(20)));
    amoAcceptsOnlyRefreshToken("refresh-1", "access-2", "refresh-2");
    TokenService tokens = service(db);

    clock.advance(Duration.ofSeconds(14));
    assertThat(tokens.accessToken(ACCOUNT)).isEqualTo("access-1");
    clock.advance(Duration.ofSeconds(2));
    assertThat(tokens.accessToken(ACCOUNT)).isEqualTo("access-2");
  }

  @DatabaseTest
  void a_hundred_concurrent_calls_with_an_expired_token_cause_exactly_one_refresh(TestDatabase db)
      throws Exception {
    installWithTokens(db, new TokenPair("expired", "refresh-1", T0.minusSeconds(1)));
    amoAcceptsOnlyRefreshToken("refresh-1", "access-2", "refresh-2");
    TokenService tokens = service(db);

    List<String> results = concurrently(100, i -> tokens.accessToken(ACCOUNT));

    assertThat(results).hasSize(100).containsOnly("access-2");
    amo.verify(1, postRequestedFor(urlEqualTo("/oauth2/access_token")));
  }

  @DatabaseTest
  void two_instances_sharing_the_database_also_refresh_exactly_once(TestDatabase db)
      throws Exception {
    installWithTokens(db, new TokenPair("expired", "refresh-1", T0.minusSeconds(1)));
    amoAcceptsOnlyRefreshToken("refresh-1", "access-2", "refresh-2");
    TokenService first = service(db);
    TokenService second = service(db);

    List<String> results =
        concurrently(100, i -> (i % 2 == 0 ? first : second).accessToken(ACCOUNT));

    assertThat(results).hasSize(100).containsOnly("access-2");
    amo.verify(1, postRequestedFor(urlEqualTo("/oauth2/access_token")));
  }

  @DatabaseTest
  void a_rejected_token_is_renewed_once_even_when_many_threads_report_it(TestDatabase db)
      throws Exception {
    installWithTokens(db, new TokenPair("revoked", "refresh-1", T0.plus(Duration.ofHours(20))));
    amoAcceptsOnlyRefreshToken("refresh-1", "access-2", "refresh-2");
    TokenService tokens = service(db);

    List<String> results = concurrently(20, i -> tokens.renewAfterRejection(ACCOUNT, "revoked"));

    assertThat(results).containsOnly("access-2");
    amo.verify(1, postRequestedFor(urlEqualTo("/oauth2/access_token")));
  }

  @DatabaseTest
  void invalid_grant_marks_the_account_for_reauthorization_without_retrying(TestDatabase db) {
    installWithTokens(db, new TokenPair("expired", "refresh-dead", T0.minusSeconds(1)));
    amo.stubFor(
        post(urlEqualTo("/oauth2/access_token"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/problem+json")
                    .withBody(
                        "{\"hint\":\"Token has been revoked\",\"title\":\"Некорректный запрос\","
                            + "\"status\":400,\"detail\":\"invalid_grant\"}")));
    TokenService tokens = service(db);

    assertThatThrownBy(() -> tokens.accessToken(ACCOUNT))
        .isInstanceOf(AmoAuthorizationException.class);
    assertThatThrownBy(() -> tokens.accessToken(ACCOUNT))
        .isInstanceOf(AmoAuthorizationException.class)
        .hasMessageContaining("needs_reauth");

    amo.verify(1, postRequestedFor(urlEqualTo("/oauth2/access_token")));
    var account = new AccountRepository(db.dsl()).find(ACCOUNT).orElseThrow();
    assertThat(account.state()).isEqualTo(AccountState.NEEDS_REAUTH);
    assertThat(account.stateReason()).hasValueSatisfying(r -> assertThat(r).contains("revoked"));
  }

  @DatabaseTest
  void the_keeper_renews_idle_and_expiring_accounts_and_leaves_fresh_ones(TestDatabase db) {
    installWithTokens(db, new TokenPair("access-1", "refresh-1", T0.plus(Duration.ofHours(20))));
    amoAcceptsOnlyRefreshToken("refresh-1", "access-2", "refresh-2");
    TokenService tokens = service(db);
    var keeper = new TokenKeeper(db.dsl(), new TokenStore(new TokenCipher(KEY)), tokens, clock);

    assertThat(keeper.runOnce()).isZero();
    clock.advance(Duration.ofDays(31));
    assertThat(keeper.runOnce()).isEqualTo(1);

    amo.verify(1, postRequestedFor(urlEqualTo("/oauth2/access_token")));
    assertThat(tokens.accessToken(ACCOUNT)).isEqualTo("access-2");
  }

  @DatabaseTest
  void an_html_403_from_the_token_endpoint_is_not_taken_for_a_dead_grant(TestDatabase db) {
    installWithTokens(db, new TokenPair("expired", "refresh-1", T0.minusSeconds(1)));
    amo.stubFor(
        post(urlEqualTo("/oauth2/access_token"))
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withHeader("Content-Type", "text/html")
                    .withBody("<html><body><h1>403 Forbidden</h1>nginx</body></html>")));

    assertThatThrownBy(() -> service(db).accessToken(ACCOUNT))
        .isInstanceOf(app.reglament.amo.api.AmoException.class)
        .isNotInstanceOf(AmoAuthorizationException.class);

    assertThat(new AccountRepository(db.dsl()).find(ACCOUNT).orElseThrow().state())
        .isEqualTo(AccountState.ACTIVE);
  }

  @DatabaseTest
  void a_failed_refresh_ahead_of_expiry_falls_back_to_the_still_valid_token(TestDatabase db) {
    installDayLongTokenExpiringIn(db, Duration.ofMinutes(5));
    amo.stubFor(post(urlEqualTo("/oauth2/access_token")).willReturn(aResponse().withStatus(502)));

    assertThat(service(db).accessToken(ACCOUNT)).isEqualTo("access-1");
    amo.verify(1, postRequestedFor(urlEqualTo("/oauth2/access_token")));
  }

  @DatabaseTest
  void the_keeper_goes_on_past_an_account_whose_tokens_do_not_decrypt(TestDatabase db) {
    new AccountRepository(db.dsl()).install(1L, "one.amocrm.ru", T0);
    byte[] otherKey = KEY.clone();
    otherKey[0] ^= 1;
    new TokenStore(new TokenCipher(otherKey))
        .save(db.dsl(), 1L, new TokenPair("a", "r", T0.minusSeconds(1)), T0);
    installWithTokens(db, new TokenPair("expired", "refresh-1", T0.minusSeconds(1)));
    amoAcceptsOnlyRefreshToken("refresh-1", "access-2", "refresh-2");
    TokenService tokens = service(db);
    var keeper = new TokenKeeper(db.dsl(), new TokenStore(new TokenCipher(KEY)), tokens, clock);

    assertThat(keeper.runOnce()).isEqualTo(1);
    assertThat(tokens.accessToken(ACCOUNT)).isEqualTo("access-2");
  }

  @DatabaseTest
  void an_inactive_account_gets_no_token_and_no_traffic(TestDatabase db) {
    installWithTokens(db, new TokenPair("access-1", "refresh-1", T0.minusSeconds(1)));
    new AccountRepository(db.dsl()).changeState(ACCOUNT, AccountState.INACTIVE, "uninstalled", T0);

    assertThatThrownBy(() -> service(db).accessToken(ACCOUNT))
        .isInstanceOf(AmoAuthorizationException.class)
        .hasMessageContaining("inactive");
    assertThat(amo.getAllServeEvents()).isEmpty();
  }

  @DatabaseTest
  void a_pause_is_visible_until_it_ends(TestDatabase db) {
    installWithTokens(db, new TokenPair("access-1", "refresh-1", T0.plus(Duration.ofHours(20))));
    TokenService tokens = service(db);

    tokens.pause(ACCOUNT, Duration.ofMinutes(15), "HTML 403 from amoCRM");

    assertThat(tokens.pausedUntil(ACCOUNT)).contains(T0.plus(Duration.ofMinutes(15)));
    clock.advance(Duration.ofMinutes(16));
    assertThat(tokens.pausedUntil(ACCOUNT)).isEmpty();
  }

  private interface Call {
    String run(int index) throws Exception;
  }

  private static List<String> concurrently(int count, Call call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(count);
    try {
      var gate = new CountDownLatch(1);
      List<Future<String>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int index = i;
        Callable<String> task =
            () -> {
              gate.await();
              return call.run(index);
            };
        futures.add(pool.submit(task));
      }
      gate.countDown();
      List<String> results = new ArrayList<>();
      for (Future<String> future : futures) {
        results.add(future.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
