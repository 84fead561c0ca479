package app.reglament.widgetapi;

import static app.reglament.widgetapi.WidgetServer.A;
import static app.reglament.widgetapi.WidgetServer.A_ORIGIN;
import static app.reglament.widgetapi.WidgetServer.B;
import static app.reglament.widgetapi.WidgetServer.B_ORIGIN;
import static app.reglament.widgetapi.WidgetServer.NOW;
import static app.reglament.widgetapi.WidgetServer.SANDBOX_ORIGIN;
import static app.reglament.widgetapi.WidgetServer.adminToken;
import static app.reglament.widgetapi.WidgetServer.get;
import static app.reglament.widgetapi.WidgetServer.header;
import static app.reglament.widgetapi.WidgetServer.preflight;
import static app.reglament.widgetapi.WidgetServer.problem;
import static app.reglament.widgetapi.WidgetServer.token;
import static org.assertj.core.api.Assertions.assertThat;

import app.reglament.account.AccountState;
import app.reglament.rules.Indicator;
import app.reglament.testing.DatabaseTest;
import app.reglament.testing.TestDatabase;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.javalin.testtools.Response;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Who may call the widget API and from where: forged, foreign or stale tokens get 401 and nothing
 * else; one account's token never reads another account's deal or user; only the account's own
 * amoCRM origin gets CORS headers.
 */
class WidgetSecurityTest {
  private static final long ANNA = 501;
  private static final long HEAD = 600;
  private static final long BORIS_OF_B = 901;

  private static WidgetServer server(TestDatabase db) {
    WidgetServer server = new WidgetServer(db);
    server.rules.set(A, WidgetServer.withPeople(List.of(HEAD), null));
    server.data(A).user(ANNA, "Анна").user(HEAD, "Глава").lead(1001, "Окна / Иван", ANNA);
    server.data(B).user(BORIS_OF_B, "Борис").lead(2001, "Секретная сделка Б", BORIS_OF_B);
    server
        .data(B)
        .violation(
            Indicator.NO_TASK, 2001, BORIS_OF_B, NOW.minusSeconds(600), null, "нет задачи Б", "b");
    return server;
  }

  /** Every way a token can be wrong, each with what makes it wrong. */
  private static Map<String, String> badTokens() {
    Map<String, String> bad = new LinkedHashMap<>();
    String real = token(A, ANNA);
    bad.put(
        "forged signature (payload swapped for an admin's)",
        WidgetTokens.withForgedPayload(real, WidgetTokens.of(A, HEAD, NOW).admin().claims()));
    bad.put("alg none", WidgetTokens.of(A, ANNA, NOW).alg("none").build());
    bad.put(
        "HS256 with another secret",
        WidgetTokens.of(A, ANNA, NOW).signedWith("not-our-secret").build());
    bad.put(
        "expired",
        WidgetTokens.of(A, ANNA, NOW).claim("exp", NOW.getEpochSecond() - 3_600).build());
    bad.put(
        "another audience",
        WidgetTokens.of(A, ANNA, NOW).claim("aud", "https://evil.example.com").build());
    bad.put(
        "another integration's client_uuid",
        WidgetTokens.of(A, ANNA, NOW).claim("client_uuid", "someone-else").build());
    bad.put("garbage", "not.a.token");
    return bad;
  }

  @DatabaseTest
  void a_missing_forged_or_foreign_token_gets_401_and_no_data(TestDatabase db) {
    WidgetServer server = server(db);
    server.run(
        (app, client) -> {
          for (String path : List.of("/api/widget/me", "/api/widget/card/1001")) {
            Response missing = get(client, path, null);
            assertThat(missing.code()).as("missing token on " + path).isEqualTo(401);
            assertThat(problem(missing)).isEqualTo("unauthorized");
            assertThat(WidgetServer.json(missing).path("detail").asText()).contains("missing");
          }
          for (var bad : badTokens().entrySet()) {
            Response response = get(client, "/api/widget/card/1001", bad.getValue());
            String body = response.body().string();
            assertThat(response.code()).as(bad.getKey()).isEqualTo(401);
            assertThat(body).as(bad.getKey()).contains("urn:reglament:problem:unauthorized");
            assertThat(body).as(bad.getKey()).doesNotContain("Окна").doesNotContain("Анна");
            assertThat(body).as(bad.getKey()).doesNotContain(bad.getValue());
          }
        });
  }

  @DatabaseTest
  void the_token_is_never_written_to_the_log(TestDatabase db) {
    WidgetServer server = server(db);
    Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    Level before = root.getLevel();
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    root.addAppender(appender);
    root.setLevel(Level.DEBUG);
    String good = adminToken(A, HEAD);
    String bad = WidgetTokens.of(A, ANNA, NOW).signedWith("nope").build();
    try {
      server.run(
          (app, client) -> {
            assertThat(get(client, "/api/widget/team", good).code()).isEqualTo(200);
            assertThat(get(client, "/api/widget/me", bad).code()).isEqualTo(401);
            assertThat(get(client, "/api/widget/card/abc", good).code()).isEqualTo(400);
          });
    } finally {
      root.detachAppender(appender);
      root.setLevel(before);
    }
    assertThat(appender.list).isNotEmpty();
    for (ILoggingEvent event : appender.list) {
      String line = event.getFormattedMessage() + event.getMDCPropertyMap();
      assertThat(line).doesNotContain(good).doesNotContain(bad.split("\\.")[2]);
    }
  }

  @DatabaseTest
  void a_valid_token_of_an_account_reglament_is_not_connected_to_gets_403(TestDatabase db) {
    WidgetServer server = server(db);
    server.accounts.changeState(B, AccountState.INACTIVE, "uninstalled", NOW);
    server.run(
        (app, client) -> {
          Response unknown = get(client, "/api/widget/me", token(31_999_999L, 1));
          assertThat(unknown.code()).isEqualTo(403);
          assertThat(problem(unknown)).isEqualTo("account-not-connected");

          Response uninstalled = get(client, "/api/widget/me", token(B, BORIS_OF_B));
          assertThat(uninstalled.code()).isEqualTo(403);
          assertThat(problem(uninstalled)).isEqualTo("account-not-connected");
        });
  }

  @DatabaseTest
  void a_manager_gets_403_from_the_team_panel_and_its_drill_down(TestDatabase db) {
    WidgetServer server = server(db);
    server.run(
        (app, client) -> {
          Response team = get(client, "/api/widget/team", token(A, ANNA));
          assertThat(team.code()).isEqualTo(403);
          assertThat(problem(team)).isEqualTo("forbidden");

          Response drill = get(client, "/api/widget/team/" + ANNA + "/violations", token(A, ANNA));
          assertThat(drill.code()).isEqualTo(403);

          assertThat(get(client, "/api/widget/team", token(A, HEAD)).code()).isEqualTo(200);
          assertThat(get(client, "/api/widget/team", adminToken(A, ANNA)).code()).isEqualTo(200);
        });
  }

  @DatabaseTest
  void one_accounts_token_finds_nothing_of_another_account(TestDatabase db) {
    WidgetServer server = server(db);
    server.run(
        (app, client) -> {
          Response deal = get(client, "/api/widget/card/2001", adminToken(A, HEAD));
          assertThat(deal.code()).isEqualTo(404);
          assertThat(problem(deal)).isEqualTo("not-found");
          assertThat(deal.body().string()).doesNotContain("Секретная").doesNotContain("Борис");

          Response user =
              get(client, "/api/widget/team/" + BORIS_OF_B + "/violations", adminToken(A, HEAD));
          assertThat(user.code()).isEqualTo(404);
          assertThat(user.body().string()).doesNotContain("нет задачи Б");

          // The same deal and user are there for their own account.
          assertThat(get(client, "/api/widget/card/2001", token(B, BORIS_OF_B)).code())
              .isEqualTo(200);
        });
  }

  @DatabaseTest
  void a_preflight_is_answered_for_a_connected_accounts_origin_and_the_sandbox_only(
      TestDatabase db) {
    WidgetServer server = server(db);
    server.accounts.install(31_000_003L, "gone.amocrm.ru", NOW);
    server.accounts.changeState(31_000_003L, AccountState.INACTIVE, "uninstalled", NOW);
    server.run(
        (app, client) -> {
          HttpResponse<String> own = preflight(client, "/api/widget/settings", A_ORIGIN, "PUT");
          assertThat(own.statusCode()).isEqualTo(204);
          assertThat(own.headers().firstValue("Access-Control-Allow-Origin")).contains(A_ORIGIN);
          assertThat(own.headers().firstValue("Access-Control-Allow-Methods"))
              .contains("GET, PUT, POST, DELETE");
          assertThat(own.headers().firstValue("Access-Control-Allow-Headers").orElseThrow())
              .contains("X-Auth-Token")
              .contains("Content-Type");
          assertThat(own.headers().firstValue("Vary")).contains("Origin");

          HttpResponse<String> sandbox =
              preflight(client, "/api/widget/card/1001", SANDBOX_ORIGIN, "GET");
          assertThat(sandbox.statusCode()).isEqualTo(204);
          assertThat(sandbox.headers().firstValue("Access-Control-Allow-Origin"))
              .contains(SANDBOX_ORIGIN);

          for (String foreign :
              new String[] {
                "https://evil.example.com",
                "http://alpha.amocrm.ru",
                "https://alpha.amocrm.ru.evil.com",
                "https://gone.amocrm.ru",
                "null"
              }) {
            HttpResponse<String> refused = preflight(client, "/api/widget/me", foreign, "GET");
            assertThat(refused.statusCode()).as(foreign).isEqualTo(403);
            assertThat(refused.headers().firstValue("Access-Control-Allow-Origin"))
                .as(foreign)
                .isEmpty();
          }
          assertThat(preflight(client, "/api/widget/me", null, "GET").statusCode()).isEqualTo(403);
        });
  }

  @DatabaseTest
  void a_call_gets_cors_headers_only_for_its_own_accounts_origin(TestDatabase db) {
    WidgetServer server = server(db);
    server.run(
        (app, client) -> {
          Response own = get(client, "/api/widget/me", token(A, ANNA), "Origin", A_ORIGIN);
          assertThat(own.code()).isEqualTo(200);
          assertThat(header(own, "Access-Control-Allow-Origin")).isEqualTo(A_ORIGIN);

          Response sandbox =
              get(client, "/api/widget/me", token(A, ANNA), "Origin", SANDBOX_ORIGIN);
          assertThat(sandbox.code()).isEqualTo(200);
          assertThat(header(sandbox, "Access-Control-Allow-Origin")).isEqualTo(SANDBOX_ORIGIN);

          Response foreign =
              get(client, "/api/widget/me", token(A, ANNA), "Origin", "https://evil.example.com");
          assertThat(foreign.code()).isEqualTo(403);
          assertThat(header(foreign, "Access-Control-Allow-Origin")).isNull();

          // B's amoCRM is a known origin, but not A's: A's token is not served to B's page.
          Response otherAccount = get(client, "/api/widget/me", token(A, ANNA), "Origin", B_ORIGIN);
          assertThat(otherAccount.code()).isEqualTo(403);
          assertThat(header(otherAccount, "Access-Control-Allow-Origin")).isNull();

          Response noOrigin = get(client, "/api/widget/me", token(A, ANNA));
          assertThat(noOrigin.code()).isEqualTo(200);
          assertThat(header(noOrigin, "Access-Control-Allow-Origin")).isNull();

          // A refused token from the account's own page still lets the widget read why.
          Response refused = get(client, "/api/widget/me", "bad.token.x", "Origin", A_ORIGIN);
          assertThat(refused.code()).isEqualTo(401);
          assertThat(header(refused, "Access-Control-Allow-Origin")).isEqualTo(A_ORIGIN);
          Response refusedForeign =
              get(client, "/api/widget/me", "bad.token.x", "Origin", "https://evil.example.com");
          assertThat(header(refusedForeign, "Access-Control-Allow-Origin")).isNull();
        });
  }

  @DatabaseTest
  void malformed_ids_and_queries_are_400_problems(TestDatabase db) {
    WidgetServer server = server(db);
    server.run(
        (app, client) -> {
          String head = adminToken(A, HEAD);
          for (String path :
              List.of(
                  "/api/widget/card/abc",
                  "/api/widget/card/-5",
                  "/api/widget/team/" + ANNA + "/violations?indicator=bogus",
                  "/api/widget/team/" + ANNA + "/violations?limit=0",
                  "/api/widget/team/" + ANNA + "/violations?limit=many")) {
            Response response = get(client, path, head);
            assertThat(response.code()).as(path).isEqualTo(400);
            assertThat(problem(response)).as(path).isEqualTo("bad-request");
          }
        });
  }
}
