package app.reglament.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigTest {
  private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

  @Test
  void an_empty_environment_gives_the_documented_defaults() {
    Config config = Config.fromEnvironment(Map.of());

    assertThat(config.port()).isEqualTo(8080);
    assertThat(config.embeddedDatabase()).isTrue();
    assertThat(config.publicUrl()).isEqualTo(URI.create("http://localhost:8080"));
    assertThat(config.amoConfigured()).isFalse();
    assertThat(config.amoBaseUrl()).isEmpty();
    assertThat(config.secretKey()).isEmpty();
    assertThat(config.amoRps()).isEqualTo(7);
    assertThat(config.dataDir()).isEqualTo(Path.of("data").toAbsolutePath());
  }

  @Test
  void every_variable_of_the_contract_is_read() {
    Config config =
        Config.fromEnvironment(
            Map.of(
                "REGLAMENT_PORT", "9090",
                "REGLAMENT_DB_URL", "jdbc:mysql://db:3306/reglament",
                "REGLAMENT_DB_USER", "reglament",
                "REGLAMENT_DB_PASSWORD", "s3cret",
                "REGLAMENT_PUBLIC_URL", "https://reglament.example.com/",
                "REGLAMENT_AMO_CLIENT_ID", "client-id",
                "REGLAMENT_AMO_CLIENT_SECRET", "client-secret",
                "REGLAMENT_AMO_BASE_URL", "http://127.0.0.1:9999",
                "REGLAMENT_SECRET_KEY", KEY,
                "REGLAMENT_AMO_RPS", "5"));

    assertThat(config.port()).isEqualTo(9090);
    assertThat(config.dbUrl()).contains("jdbc:mysql://db:3306/reglament");
    assertThat(config.dbUser()).contains("reglament");
    assertThat(config.dbPassword()).contains("s3cret");
    assertThat(config.publicUrl()).isEqualTo(URI.create("https://reglament.example.com"));
    assertThat(config.amoConfigured()).isTrue();
    assertThat(config.amoBaseUrl()).contains(URI.create("http://127.0.0.1:9999"));
    assertThat(config.secretKey()).hasValueSatisfying(key -> assertThat(key).hasSize(32));
    assertThat(config.amoRps()).isEqualTo(5);
  }

  @Test
  void the_public_url_follows_the_port_by_default() {
    assertThat(Config.fromEnvironment(Map.of("REGLAMENT_PORT", "9191")).publicUrl())
        .isEqualTo(URI.create("http://localhost:9191"));
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "REGLAMENT_PORT|eighty|REGLAMENT_PORT must be a whole number from 0 to 65535, got 'eighty'",
        "REGLAMENT_PORT|70000|REGLAMENT_PORT must be a whole number from 0 to 65535",
        "REGLAMENT_AMO_RPS|0|REGLAMENT_AMO_RPS must be a whole number from 1 to 1000, got '0'",
        "REGLAMENT_DB_URL|postgres://x|REGLAMENT_DB_URL must be a jdbc:mysql:",
        "REGLAMENT_PUBLIC_URL|localhost:8080|REGLAMENT_PUBLIC_URL must be an http:// or https:// URL",
        "REGLAMENT_AMO_BASE_URL|ftp://sandbox|REGLAMENT_AMO_BASE_URL must be an http:// or https://",
        "REGLAMENT_SECRET_KEY|not base64!|REGLAMENT_SECRET_KEY must be base64",
        "REGLAMENT_SECRET_KEY|c2hvcnQ=|REGLAMENT_SECRET_KEY must decode to 32 bytes (AES-256), got 5",
        "REGLAMENT_AMO_CLIENT_ID|only-id|REGLAMENT_AMO_CLIENT_ID and REGLAMENT_AMO_CLIENT_SECRET must"
            + " be set together",
      })
  void a_malformed_value_is_refused_with_a_message_naming_the_variable(
      String variable, String value, String message) {
    assertThatThrownBy(() -> Config.fromEnvironment(Map.of(variable, value)))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(message)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void passwords_never_appear_in_the_printed_config() {
    Config config =
        Config.fromEnvironment(
            Map.of(
                "REGLAMENT_DB_URL", "jdbc:mysql://db/r?user=u&password=hunter2",
                "REGLAMENT_DB_PASSWORD", "hunter3",
                "REGLAMENT_AMO_CLIENT_ID", "id",
                "REGLAMENT_AMO_CLIENT_SECRET", "amo-secret-value",
                "REGLAMENT_SECRET_KEY", KEY));

    assertThat(config.toString())
        .contains("password=***")
        .doesNotContain("hunter2", "hunter3", "amo-secret-value", KEY);
  }

  @Test
  void jdbc_urls_are_redacted_for_logs() {
    assertThat(JdbcUrls.redact("jdbc:mysql://root:pw@db:3306/x?useSSL=false&password=pw2"))
        .isEqualTo("jdbc:mysql://root:***@db:3306/x?useSSL=false&password=***");
  }
}
