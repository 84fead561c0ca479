package app.reglament.amo.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.reglament.amo.api.model.AmoAccount;
import app.reglament.amo.api.model.NewTask;
import ch.qos.logback.classic.Level;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the client does when amoCRM limits, fails, stalls, blocks or rejects the token. */
class AmoFaultsTest {
  @RegisterExtension
  static WireMockExtension amo =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final long ACCOUNT = 1;
  private static final String ACCOUNT_PATH = FakeAccess.prefix(ACCOUNT) + "/api/v4/account";
  private static final String TASKS_PATH = FakeAccess.prefix(ACCOUNT) + "/api/v4/tasks";
  private static final String ACCOUNT_JSON =
      """
      {"id": 1, "name": "Окна Казани", "subdomain": "okna", "current_user_id": 501,
       "is_loss_reason_enabled": true, "_embedded": {"users_groups": [], "task_types": []}}
      """;
  private static final NewTask TASK =
      NewTask.forLead(10, "Связаться с клиентом", FakeTime.START.plusSeconds(900));

  private final FakeTime time = FakeTime.advancing();
  private final LogCapture logs = new LogCapture();
  private FakeAccess access;
  private AmoClient client;

  @BeforeEach
  void connect() {
    access = new FakeAccess(amo.baseUrl(), time.clock());
    client =
        TestClients.client(
            access,
            AmoClientSettings.defaults()
                .withRequestTimeout(Duration.ofMillis(250))
                .withMaxAttempts(3),
            time);
  }

  @AfterEach
  void noTokenWasLogged() {
    logs.close();
    assertThat(logs.lines()).noneMatch(line -> line.contains("secret-token"));
  }

  @Test
  void waitsExactlyAsLongAsRetryAfterSaysAfterA429() {
    stubInSequence(
        ACCOUNT_PATH,
        aResponse().withStatus(429).withHeader("Retry-After", "3").withBody("Too Many Requests"),
        okJson(ACCOUNT_JSON));

    AmoAccount account = client.setup().account(ACCOUNT);

    assertThat(account.subdomain()).isEqualTo("okna");
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(3));
    amo.verify(2, getRequestedFor(urlPathEqualTo(ACCOUNT_PATH)));
  }

  @Test
  void readsRetryAfterGivenAsAnHttpDate() {
    String inTenSeconds =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            time.now().plusSeconds(10).atOffset(ZoneOffset.UTC));
    stubInSequence(
        ACCOUNT_PATH,
        aResponse().withStatus(429).withHeader("Retry-After", inTenSeconds),
        okJson(ACCOUNT_JSON));

    client.setup().account(ACCOUNT);

    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(10));
  }

  @Test
  void failsAtOnceWhenRetryAfterIsLongerThanItMayWaitSoTheCallerCanReschedule() {
    amo.stubFor(
        get(urlPathEqualTo(ACCOUNT_PATH))
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));

    assertThatThrownBy(() -> client.setup().account(ACCOUNT))
        .isInstanceOfSatisfying(
            AmoUnavailableException.class,
            e -> {
              assertThat(e.retryAfter()).contains(Duration.ofHours(1));
              assertThat(e.lastStatus()).hasValue(429);
              assertThat(e.attempts()).isEqualTo(1);
            });
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void retriesAServerErrorAfterAJitteredDelayAndSucceeds() {
    stubInSequence(
        ACCOUNT_PATH,
        aResponse().withStatus(503).withBody("<html>Service Unavailable</html>"),
        okJson(ACCOUNT_JSON));

    assertThat(client.setup().account(ACCOUNT).id()).isEqualTo(1);

    amo.verify(2, getRequestedFor(urlPathEqualTo(ACCOUNT_PATH)));
    assertThat(time.sleeps().get(0))
        .isBetween(Duration.ZERO, AmoClientSettings.DEFAULT_BACKOFF_BASE);
  }

  @Test
  void givesUpAfterTheAllowedAttemptsWithTheLastStatus() {
    amo.stubFor(get(urlPathEqualTo(ACCOUNT_PATH)).willReturn(aResponse().withStatus(502)));

    assertThatThrownBy(() -> client.setup().account(ACCOUNT))
        .isInstanceOfSatisfying(
            AmoUnavailableException.class,
            e -> {
              assertThat(e.lastStatus()).hasValue(502);
              assertThat(e.attempts()).isEqualTo(3);
              assertThat(e.outcomeUnknown()).isFalse();
              assertThat(e.getMessage())
                  .contains("GET /api/v4/account", "account 1", "3 attempts", "HTTP 502");
            });
    amo.verify(3, getRequestedFor(urlPathEqualTo(ACCOUNT_PATH)));
  }

  @Test
  void retriesARequestThatTimedOut() {
    stubInSequence(ACCOUNT_PATH, okJson(ACCOUNT_JSON).withFixedDelay(2_000), okJson(ACCOUNT_JSON));

    assertThat(client.setup().account(ACCOUNT).name()).isEqualTo("Окна Казани");

    amo.verify(2, getRequestedFor(urlPathEqualTo(ACCOUNT_PATH)));
  }

  @Test
  void failsWithATypedErrorWhenEveryAttemptTimesOut() {
    amo.stubFor(
        get(urlPathEqualTo(ACCOUNT_PATH)).willReturn(okJson(ACCOUNT_JSON).withFixedDelay(2_000)));

    assertThatThrownBy(() -> client.setup().account(ACCOUNT))
        .isInstanceOfSatisfying(
            AmoUnavailableException.class,
            e -> {
              assertThat(e.lastStatus()).isEmpty();
              assertThat(e.attempts()).isEqualTo(3);
              assertThat(e.getMessage()).contains("no answer within 250 ms");
            });
    amo.verify(3, getRequestedFor(urlPathEqualTo(ACCOUNT_PATH)));
  }

  @Test
  void doesNotRepeatACreateThatMayHaveBeenAppliedButSaysSo() {
    amo.stubFor(post(urlPathEqualTo(TASKS_PATH)).willReturn(aResponse().withStatus(500)));

    assertThatThrownBy(() -> client.tasks().create(ACCOUNT, List.of(TASK)))
        .isInstanceOfSatisfying(
            AmoUnavailableException.class,
            e -> {
              assertThat(e.outcomeUnknown()).isTrue();
              assertThat(e.attempts()).isEqualTo(1);
            });
    amo.verify(1, postRequestedFor(urlPathEqualTo(TASKS_PATH)));
  }

  @Test
  void repeatsACreateThatWasRefusedFor429BecauseNothingWasApplied() {
    stubInSequence(
        TASKS_PATH,
        aResponse().withStatus(429),
        okJson("{\"_embedded\":{\"tasks\":[{\"id\":77,\"request_id\":\"0\"}]}}"));

    assertThat(client.tasks().create(ACCOUNT, List.of(TASK))).containsExactly(77L);
    amo.verify(2, postRequestedFor(urlPathEqualTo(TASKS_PATH)));
  }

  @Test
  void pausesTheAccountOnAnHtml403AndThenFailsFastWithoutSendingAnything() {
    amo.stubFor(
        get(urlPathEqualTo(ACCOUNT_PATH))
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withHeader("Content-Type", "text/html")
                    .withBody("<html><center><h1>403 Forbidden</h1></center>nginx</html>")));

    assertThatThrownBy(() -> client.setup().account(ACCOUNT))
        .isInstanceOfSatisfying(
            AmoBlockedException.class,
            e -> assertThat(e.until()).isEqualTo(FakeTime.START.plus(Duration.ofMinutes(15))));
    assertThat(access.pauseDurations).containsExactly(Duration.ofMinutes(15));
    assertThat(logs.events())
        .anySatisfy(
            e -> {
              assertThat(e.getLevel()).isEqualTo(Level.WARN);
              assertThat(e.getFormattedMessage()).contains("blocked", "account 1");
            });

    amo.resetRequests();
    assertThatThrownBy(() -> client.leads().list(ACCOUNT, EntityFilter.all()))
        .isInstanceOf(AmoBlockedException.class)
        .hasMessageContaining("not sent");
    amo.verify(0, anyRequestedFor(anyUrl()));

    time.advance(Duration.ofMinutes(15).plusSeconds(1));
    amo.stubFor(get(urlPathEqualTo(ACCOUNT_PATH)).willReturn(okJson(ACCOUNT_JSON)));
    assertThat(client.setup().account(ACCOUNT).id()).isEqualTo(1);
  }

  @Test
  void aBlockedAccountDoesNotStopAnotherAccount() {
    access.pause(ACCOUNT, Duration.ofMinutes(15), "blocked");
    amo.stubFor(
        get(urlPathEqualTo(FakeAccess.prefix(2) + "/api/v4/account"))
            .willReturn(okJson(ACCOUNT_JSON)));

    assertThat(client.setup().account(2).id()).isEqualTo(1);
    assertThatThrownBy(() -> client.setup().account(ACCOUNT))
        .isInstanceOf(AmoBlockedException.class);
  }

  @Test
  void aJson403IsAPermissionProblemAndDoesNotPauseTheAccount() {
    amo.stubFor(
        get(urlPathEqualTo(FakeAccess.prefix(ACCOUNT) + "/api/v4/users"))
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withHeader("Content-Type", "application/problem+json")
                    .withBody(
                        "{\"title\":\"Forbidden\",\"type\":\"https://httpstatus.es/403\","
                            + "\"status\":403,\"detail\":\"Access denied\"}")));

    assertThatThrownBy(() -> client.setup().users(ACCOUNT))
        .isInstanceOfSatisfying(
            AmoPermissionException.class,
            e -> {
              assertThat(e.status()).isEqualTo(403);
              assertThat(e.detail()).isEqualTo("Access denied");
              assertThat(e.getMessage()).contains("Forbidden: Access denied", "GET /api/v4/users");
            });
    assertThat(access.pausedUntil(ACCOUNT)).isEmpty();
  }

  @Test
  void renewsTheTokenExactlyOnceAfterA401AndRetriesWithTheNewOne() {
    amo.stubFor(
        get(urlPathEqualTo(ACCOUNT_PATH))
            .withHeader("Authorization", equalTo("Bearer " + FakeAccess.token(ACCOUNT, 0)))
            .willReturn(aResponse().withStatus(401)));
    amo.stubFor(
        get(urlPathEqualTo(ACCOUNT_PATH))
            .withHeader("Authorization", equalTo("Bearer " + FakeAccess.token(ACCOUNT, 1)))
            .willReturn(okJson(ACCOUNT_JSON)));

    assertThat(client.setup().account(ACCOUNT).id()).isEqualTo(1);

    assertThat(access.rejectedTokens).containsExactly(FakeAccess.token(ACCOUNT, 0));
    amo.verify(2, getRequestedFor(urlPathEqualTo(ACCOUNT_PATH)));
  }

  @Test
  void aSecond401IsAnAuthorizationFailureWithoutTheToken() {
    amo.stubFor(get(urlPathEqualTo(ACCOUNT_PATH)).willReturn(aResponse().withStatus(401)));

    assertThatThrownBy(() -> client.setup().account(ACCOUNT))
        .isInstanceOf(AmoAuthorizationException.class)
        .hasMessageContaining("account 1")
        .hasMessageNotContaining("secret-token");
    assertThat(access.rejectedTokens).hasSize(1);
    amo.verify(2, getRequestedFor(urlPathEqualTo(ACCOUNT_PATH)));
  }

  @Test
  void aProblemWithoutValidationErrorsIsTypedWithItsTitleAndDetail() {
    amo.stubFor(
        get(urlPathEqualTo(ACCOUNT_PATH))
            .willReturn(
                aResponse()
                    .withStatus(402)
                    .withHeader("Content-Type", "application/problem+json")
                    .withBody(
                        "{\"title\":\"Payment Required\",\"type\":\"https://httpstatus.es/402\","
                            + "\"status\":402,\"detail\":\"Account is not paid\"}")));

    assertThatThrownBy(() -> client.setup().account(ACCOUNT))
        .isInstanceOfSatisfying(
            AmoProblemException.class,
            e -> {
              assertThat(e.status()).isEqualTo(402);
              assertThat(e.title()).isEqualTo("Payment Required");
              assertThat(e.getMessage())
                  .isEqualTo(
                      "amoCRM answered 402 (Payment Required: Account is not paid) to"
                          + " GET /api/v4/account for account 1");
            });
  }

  @Test
  void anUnreadableErrorBodyStillGivesATypedErrorWithTheStatus() {
    amo.stubFor(
        get(urlPathEqualTo(ACCOUNT_PATH))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"title\": \"Bad Req")));

    assertThatThrownBy(() -> client.setup().account(ACCOUNT))
        .isInstanceOfSatisfying(
            AmoProblemException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.title()).isNull();
              assertThat(e.getMessage()).contains("application/json body of 18 bytes");
            });
  }

  @Test
  void readsAGzippedAnswer() throws IOException {
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
      gzip.write(ACCOUNT_JSON.getBytes(StandardCharsets.UTF_8));
    }
    amo.stubFor(
        get(urlPathEqualTo(ACCOUNT_PATH))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/hal+json")
                    .withHeader("Content-Encoding", "gzip")
                    .withBody(zipped.toByteArray())));

    assertThat(client.setup().account(ACCOUNT).name()).isEqualTo("Окна Казани");
    amo.verify(
        getRequestedFor(urlPathEqualTo(ACCOUNT_PATH))
            .withHeader("Accept-Encoding", equalTo("gzip")));
  }

  @Test
  void aSuccessThatIsNotJsonIsAnError() {
    amo.stubFor(get(urlPathEqualTo(ACCOUNT_PATH)).willReturn(aResponse().withBody("<html>")));

    assertThatThrownBy(() -> client.setup().account(ACCOUNT))
        .isInstanceOf(AmoException.class)
        .hasMessageContaining("not JSON");
  }

  private static void stubInSequence(
      String path, ResponseDefinitionBuilder first, ResponseDefinitionBuilder then) {
    amo.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.any(urlPathEqualTo(path))
            .inScenario(path)
            .whenScenarioStateIs(STARTED)
            .willReturn(first)
            .willSetStateTo("recovered"));
    amo.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.any(urlPathEqualTo(path))
            .inScenario(path)
            .whenScenarioStateIs("recovered")
            .willReturn(then));
  }
}
