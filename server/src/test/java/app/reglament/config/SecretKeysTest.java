package app.reglament.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretKeysTest {
  @TempDir Path dir;

  @Test
  void the_embedded_default_generates_a_key_once_and_reuses_it() throws Exception {
    Config config = Config.fromEnvironment(Map.of("REGLAMENT_DATA_DIR", dir.toString()));

    byte[] first = SecretKeys.resolve(config);
    byte[] second = SecretKeys.resolve(config);

    assertThat(first).hasSize(32).isEqualTo(second);
    Path file = dir.resolve(SecretKeys.KEY_FILE);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void an_external_database_requires_an_explicit_key() {
    Config config =
        Config.fromEnvironment(
            Map.of("REGLAMENT_DB_URL", "jdbc:mysql://db/r", "REGLAMENT_DATA_DIR", dir.toString()));

    assertThatThrownBy(() -> SecretKeys.resolve(config))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("REGLAMENT_SECRET_KEY is required with REGLAMENT_DB_URL");
    assertThat(dir.resolve(SecretKeys.KEY_FILE)).doesNotExist();
  }

  @Test
  void a_damaged_key_file_stops_start_up_instead_of_being_replaced() throws Exception {
    Files.writeString(dir.resolve(SecretKeys.KEY_FILE), "garbage");
    Config config = Config.fromEnvironment(Map.of("REGLAMENT_DATA_DIR", dir.toString()));

    assertThatThrownBy(() -> SecretKeys.resolve(config))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("secret.key is not a valid key file");
    assertThat(Files.readString(dir.resolve(SecretKeys.KEY_FILE))).isEqualTo("garbage");
  }
}
