package app.reglament;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar, started the way the README says, in a fresh folder. */
class ServerJarIT {
  private static final Duration START_LIMIT = Duration.ofSeconds(10);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path workDir;

  @Test
  void with_an_empty_environment_it_serves_health_within_ten_seconds_on_the_embedded_database()
      throws Exception {
    long started = System.nanoTime();
    try (var server = ServerProcess.start(workDir, Map.of("REGLAMENT_PORT", "0"))) {
      int port = server.awaitListening(START_LIMIT);

      JsonNode health = health(port);
      long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
      System.out.println("Embedded start to healthy /health: " + elapsedMillis + " ms");

      assertThat(elapsedMillis).isLessThan(START_LIMIT.toMillis());
      assertThat(health.path("database").path("up").asBoolean()).isTrue();
      assertThat(health.path("database").path("schemaVersion").asText()).isEqualTo("8");
      assertThat(health.path("amocrm").path("configured").asBoolean()).isFalse();
      assertThat(workDir.resolve("data/reglament.mv.db")).exists();
      assertThat(workDir.resolve("data/secret.key")).exists();
      assertThat(server.output()).contains("The amoCRM integration is not configured");
    }
  }

  @Test
  void a_malformed_variable_stops_it_with_one_line_and_a_nonzero_status() throws Exception {
    try (var server = ServerProcess.start(workDir, Map.of("REGLAMENT_AMO_RPS", "many"))) {
      assertThat(server.awaitExit(START_LIMIT)).isEqualTo(Main.EXIT_CONFIG);
      assertThat(server.output())
          .isEqualTo(
              "reglament: REGLAMENT_AMO_RPS must be a whole number from 1 to 1000, got 'many'");
    }
  }

  @Test
  @EnabledIfEnvironmentVariable(named = "REGLAMENT_TEST_DB_URL", matches = "jdbc:mariadb:.*")
  void on_an_empty_mariadb_database_it_migrates_once_and_the_second_start_does_not()
      throws Exception {
    String database =
        "reglament_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    String testUrl = System.getenv("REGLAMENT_TEST_DB_URL");
    String url = testUrl.replaceFirst("(//[^/]+/)[^?]*", "$1" + database);
    execute(testUrl, "CREATE DATABASE " + database + " CHARACTER SET utf8mb4");
    try {
      Map<String, String> env = new HashMap<>();
      env.put("REGLAMENT_PORT", "0");
      env.put("REGLAMENT_DB_URL", url);
      env.put("REGLAMENT_SECRET_KEY", Base64.getEncoder().encodeToString(new byte[32]));

      try (var first = ServerProcess.start(workDir, env)) {
        first.awaitLine(Pattern.compile("Migrated the schema from version none to 8"), START_LIMIT);
        int port = first.awaitListening(START_LIMIT);
        JsonNode health = health(port);
        assertThat(health.path("database").path("product").asText()).startsWith("MariaDB");
        assertThat(health.path("database").path("schemaVersion").asText()).isEqualTo("8");
      }
      try (var second = ServerProcess.start(workDir, env)) {
        second.awaitLine(Pattern.compile("Schema is up to date at version 8"), START_LIMIT);
        assertThat(health(second.awaitListening(START_LIMIT)).path("status").asText())
            .isEqualTo("up");
        assertThat(second.output()).doesNotContain("Migrated the schema");
      }
      assertThat(workDir.resolve("data")).doesNotExist();
    } finally {
      execute(testUrl, "DROP DATABASE IF EXISTS " + database);
    }
  }

  private static JsonNode health(int port) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static void execute(String url, String sql) throws Exception {
    try (var connection = DriverManager.getConnection(url);
        var statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
