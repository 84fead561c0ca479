package app.reglament.widgetapi;

import static org.assertj.core.api.Assertions.assertThat;

import app.reglament.App;
import app.reglament.account.AccountRepository;
import app.reglament.config.Config;
import app.reglament.testing.MutableClock;
import app.reglament.testing.TestApps;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real server mounts the widget API with the integration's secret and public URL. */
class WidgetApiWiringTest {
  private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
  private static final String AMO_BASE_URL = "http://127.0.0.1:9001";

  @TempDir Path dataDir;

  @Test
  void the_server_answers_widget_calls_signed_for_its_public_url() {
    Map<String, String> env =
        Map.of(
            "REGLAMENT_PUBLIC_URL", WidgetTokens.AUDIENCE + "/reglament",
            "REGLAMENT_AMO_CLIENT_ID", WidgetTokens.CLIENT_ID,
            "REGLAMENT_AMO_CLIENT_SECRET", WidgetTokens.SECRET);
    try (App app = TestApps.withAmo(dataDir, AMO_BASE_URL, new MutableClock(NOW), env)) {
      new AccountRepository(app.database().dsl()).install(31_000_001L, "sales.amocrm.ru", NOW);
      JavalinTest.test(
          app.http(),
          (server, client) -> {
            String token = WidgetTokens.of(31_000_001L, 501, NOW).build();
            Response settings = WidgetServer.get(client, "/api/widget/settings", token);
            assertThat(settings.code()).isEqualTo(200);
            assertThat(WidgetServer.json(settings).path("version").asInt()).isZero();

            assertThat(WidgetServer.get(client, "/api/widget/me", null).code()).isEqualTo(401);
            HttpResponse<String> preflight =
                WidgetServer.preflight(client, "/api/widget/me", AMO_BASE_URL, "GET");
            assertThat(preflight.statusCode()).isEqualTo(204);
          });
    }
  }

  @Test
  void without_the_integration_the_widget_api_says_it_is_not_configured() {
    Config config =
        Config.fromEnvironment(
            Map.of("REGLAMENT_PORT", "0", "REGLAMENT_DATA_DIR", dataDir.toString()));
    try (App app = App.create(config, new MutableClock(NOW))) {
      JavalinTest.test(
          app.http(),
          (server, client) -> {
            Response me = WidgetServer.get(client, "/api/widget/me", "any");
            assertThat(me.code()).isEqualTo(503);
            assertThat(WidgetServer.problem(me)).isEqualTo("service-unavailable");
            for (Response answer :
                java.util.List.of(
                    WidgetServer.post(client, "/api/widget/review/1001", "any", "{}"),
                    WidgetServer.delete(client, "/api/widget/card/1001/manual-name", "any"),
                    WidgetServer.put(client, "/api/widget/card/1001/manual-name", "any", "{}"))) {
              assertThat(answer.code()).isEqualTo(503);
              assertThat(WidgetServer.problem(answer)).isEqualTo("service-unavailable");
            }
          });
    }
  }
}
