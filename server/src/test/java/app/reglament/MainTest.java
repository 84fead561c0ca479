package app.reglament;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  @TempDir Path dataDir;
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(Map<String, String> env, String... args) {
    return Main.run(args, env, new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String errText() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void a_malformed_variable_stops_start_up_with_one_line_naming_it() {
    int status = run(Map.of("REGLAMENT_PORT", "http"), "serve");

    assertThat(status).isEqualTo(Main.EXIT_CONFIG);
    assertThat(errText())
        .isEqualTo(
            "reglament: REGLAMENT_PORT must be a whole number from 0 to 65535, got 'http'"
                + System.lineSeparator());
  }

  @Test
  void an_external_database_without_a_secret_key_is_refused_before_connecting() {
    int status = run(Map.of("REGLAMENT_DB_URL", "jdbc:mysql://127.0.0.1:1/none"), "serve");

    assertThat(status).isEqualTo(Main.EXIT_CONFIG);
    assertThat(errText()).startsWith("reglament: REGLAMENT_SECRET_KEY is required");
  }

  @Test
  void an_unreachable_database_is_one_clear_line_too() {
    int status =
        run(
            Map.of(
                "REGLAMENT_DB_URL", "jdbc:mysql://127.0.0.1:1/none?connectTimeout=500",
                "REGLAMENT_DB_PASSWORD", "do-not-print-me"),
            "migrate");

    assertThat(status).isEqualTo(Main.EXIT_UNAVAILABLE);
    assertThat(errText())
        .startsWith("reglament: Cannot use the database at jdbc:mysql://127.0.0.1:1/none")
        .doesNotContain("do-not-print-me");
  }

  @Test
  void migrate_brings_an_empty_embedded_database_up_to_date_and_exits() {
    int status = run(Map.of("REGLAMENT_DATA_DIR", dataDir.toString()), "migrate");

    assertThat(status).isZero();
    assertThat(dataDir.resolve("reglament.mv.db")).exists();
  }

  @Test
  void an_unknown_command_prints_the_usage() {
    assertThat(run(Map.of(), "serv")).isEqualTo(Main.EXIT_USAGE);
    assertThat(errText()).contains("unknown command 'serv'").contains("usage:");
  }
}
