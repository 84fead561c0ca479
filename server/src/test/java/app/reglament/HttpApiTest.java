package app.reglament;

import static org.assertj.core.api.Assertions.assertThat;

import app.reglament.RawHttp.RawResponse;
import app.reglament.config.Config;
import app.reglament.web.RequestIds;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.apibuilder.ApiBuilder;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import io.javalin.testtools.TestCase;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The shared HTTP behaviour of the real server, on a random port over the embedded database. */
class HttpApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-30T10:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dataDir;

  private static final int TEN_MEGABYTES = 10 * 1024 * 1024;

  record Sample(String name, int count) {}

  /** Routes that exist only here, to reach the error mapping through a real handler. */
  private static final EndpointGroup PROBES =
      () -> {
        ApiBuilder.post("/probe/echo", ctx -> ctx.json(ctx.bodyAsClass(Sample.class)));
        ApiBuilder.get(
            "/probe/boom",
            ctx -> {
              throw new IllegalStateException("secret internal detail");
            });
      };

  private void withServer(TestCase test) {
    Config config =
        Config.fromEnvironment(
            Map.of("REGLAMENT_PORT", "0", "REGLAMENT_DATA_DIR", dataDir.toString()));
    try (App app = App.create(config, CLOCK, List.of(PROBES))) {
      JavalinTest.test(app.http(), test);
    }
  }

  @Test
  void health_reports_the_database_the_schema_and_the_missing_amocrm_integration() {
    withServer(
        (server, client) -> {
          Response response = client.get("/health");

          assertThat(response.code()).isEqualTo(200);
          JsonNode health = JSON.readTree(response.body().string());
          assertThat(health.path("status").asText()).isEqualTo("up");
          assertThat(health.path("database").path("up").asBoolean()).isTrue();
          assertThat(health.path("database").path("schemaVersion").asText()).isEqualTo("8");
          assertThat(health.path("amocrm").path("configured").asBoolean()).isFalse();
          assertThat(health.path("amocrm").path("message").asText())
              .contains("REGLAMENT_AMO_CLIENT_ID");
          assertThat(response.headers().get(RequestIds.HEADER)).singleElement().isNotNull();
        });
    assertThat(dataDir.resolve("reglament.mv.db")).exists();
  }

  @Test
  void metrics_are_served_as_prometheus_text_with_request_counts_per_route() {
    withServer(
        (server, client) -> {
          client.get("/health");
          client.get("/no/such/thing/123");

          Response response = client.get("/metrics");

          assertThat(response.code()).isEqualTo(200);
          assertThat(response.headers().get("Content-Type").get(0)).startsWith("text/plain");
          assertThat(response.body().string())
              .contains(
                  "http_server_requests_seconds_count{method=\"GET\",route=\"/health\",status=\"200\"} 1")
              .contains("route=\"unmatched\",status=\"404\"")
              .doesNotContain("/no/such/thing")
              .contains("hikaricp_connections")
              .contains("jvm_memory_used_bytes");
        });
  }

  @Test
  void an_unknown_route_is_a_problem_document_with_the_request_id() {
    withServer(
        (server, client) -> {
          Response response = client.get("/nothing-here");

          assertThat(response.code()).isEqualTo(404);
          assertThat(response.headers().get("Content-Type").get(0))
              .startsWith("application/problem+json");
          JsonNode problem = JSON.readTree(response.body().string());
          assertThat(problem.path("type").asText()).isEqualTo("urn:reglament:problem:not-found");
          assertThat(problem.path("status").asInt()).isEqualTo(404);
          assertThat(problem.path("title").asText()).isNotBlank();
          assertThat(problem.path("requestId").asText())
              .isEqualTo(response.headers().get(RequestIds.HEADER).get(0));
        });
  }

  @Test
  void malformed_json_is_a_400_problem_that_says_where() {
    withServer(
        (server, client) -> {
          Response response =
              client.request(
                  "/probe/echo",
                  request ->
                      request
                          .header("Content-Type", "application/json")
                          .post(
                              HttpRequest.BodyPublishers.ofString(
                                  "{\"name\": \"x\",\n \"count\": ")));

          assertThat(response.code()).isEqualTo(400);
          JsonNode problem = JSON.readTree(response.body().string());
          assertThat(problem.path("type").asText())
              .isEqualTo("urn:reglament:problem:malformed-json");
          assertThat(problem.path("detail").asText()).contains("line 2");
          assertThat(response.body().string()).doesNotContain("Exception", "at com.", "at app.");
        });
  }

  @Test
  void well_formed_json_with_an_unknown_key_is_refused_too() {
    withServer(
        (server, client) -> {
          Response response =
              client.post("/probe/echo", Map.of("name", "x", "count", 1, "extra", 2));

          assertThat(response.code()).isEqualTo(400);
          assertThat(response.body().string()).contains("extra");
        });
  }

  @Test
  void a_ten_megabyte_body_is_refused_with_413_and_the_server_goes_on_serving() {
    withServer(
        (server, client) -> {
          String head =
              "POST /probe/echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                  + "Content-Length: "
                  + TEN_MEGABYTES
                  + "\r\n\r\n";

          RawResponse response = RawHttp.exchange(server.port(), head, TEN_MEGABYTES);

          assertThat(response.status()).isEqualTo(413);
          assertThat(response.headers())
              .containsIgnoringCase("Content-Type: application/problem+json");
          assertThat(JSON.readTree(response.body()).path("type").asText())
              .isEqualTo("urn:reglament:problem:payload-too-large");
          assertThat(client.get("/health").code()).isEqualTo(200);
        });
  }

  @Test
  void a_chunked_body_over_the_limit_is_refused_with_413_as_well() {
    withServer(
        (server, client) -> {
          String head =
              "POST /probe/echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                  + "Transfer-Encoding: chunked\r\n\r\n";

          RawResponse response = RawHttp.exchangeChunked(server.port(), head, 2 * 1024 * 1024);

          assertThat(response.status()).isEqualTo(413);
          assertThat(client.get("/health").code()).isEqualTo(200);
        });
  }

  @Test
  void an_internal_failure_is_a_500_problem_without_internals_and_is_logged_with_the_request_id() {
    Logger errorsLog = (Logger) LoggerFactory.getLogger("app.reglament.web.Errors");
    var captured = new ListAppender<ILoggingEvent>();
    captured.start();
    errorsLog.addAppender(captured);
    try {
      withServer(
          (server, client) -> {
            Response response = client.get("/probe/boom");

            assertThat(response.code()).isEqualTo(500);
            String body = response.body().string();
            assertThat(body)
                .doesNotContain("secret internal detail", "IllegalStateException", "at ");
            String requestId = response.headers().get(RequestIds.HEADER).get(0);
            assertThat(JSON.readTree(body).path("requestId").asText()).isEqualTo(requestId);
            assertThat(captured.list)
                .singleElement()
                .satisfies(
                    event ->
                        assertThat(event.getMDCPropertyMap())
                            .containsEntry(RequestIds.MDC_KEY, requestId));
          });
    } finally {
      errorsLog.detachAppender(captured);
    }
  }

  @Test
  void a_sane_incoming_request_id_is_kept_and_a_hostile_one_replaced() {
    withServer(
        (server, client) -> {
          Response kept =
              client.get("/health", request -> request.header(RequestIds.HEADER, "lb-1234"));
          Response replaced =
              client.get("/health", request -> request.header(RequestIds.HEADER, "x\"><script>"));

          assertThat(kept.headers().get(RequestIds.HEADER)).containsExactly("lb-1234");
          assertThat(replaced.headers().get(RequestIds.HEADER).get(0)).matches("[0-9a-f]{16}");
        });
  }
}
