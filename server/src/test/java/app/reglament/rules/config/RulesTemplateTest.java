package app.reglament.rules.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.reglament.config.ConfigException;
import app.reglament.testing.DatabaseTest;
import app.reglament.testing.MutableClock;
import app.reglament.testing.TestDatabase;
import app.reglament.web.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesTemplateTest {
  private static final long ACCOUNT = 33_000_001L;

  @TempDir Path dir;

  @Test
  void a_bad_template_stops_start_up_naming_the_variable_the_file_and_each_problem()
      throws Exception {
    Path file = dir.resolve("rules.json");
    Files.writeString(file, "{\"firstContact\":{\"slaMinutes\":0},\"bogus\":1}");

    assertThatThrownBy(() -> RulesTemplate.load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("REGLAMENT_RULES_TEMPLATE: " + file)
        .hasMessageContaining("firstContact.slaMinutes: ")
        .hasMessageContaining("bogus: ");
    assertThatThrownBy(() -> RulesTemplate.load(dir.resolve("missing.json")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("cannot read");
  }

  @DatabaseTest
  void a_new_account_gets_the_template_once_and_an_account_with_rules_keeps_its_own(TestDatabase db)
      throws Exception {
    Path file = dir.resolve("rules.json");
    Files.writeString(file, "{\"firstContact\":{\"slaMinutes\":20},\"heads\":[7]}");
    var repository =
        new RulesRepository(db.dsl(), new MutableClock(Instant.parse("2026-11-30T09:00:00Z")));
    RulesTemplate template = RulesTemplate.load(file);

    template.applyTo(repository, ACCOUNT);
    template.applyTo(repository, ACCOUNT);

    StoredRules stored = repository.current(ACCOUNT);
    assertThat(stored.version()).isEqualTo(1);
    assertThat(stored.savedBy()).isNull();
    assertThat(stored.config().firstContact().slaMinutes()).isEqualTo(20);
    assertThat(stored.config().heads()).containsExactly(7L);

    long other = ACCOUNT + 1;
    repository.save(other, Json.mapper().readTree("{\"heads\":[9]}"), 9L, null);
    template.applyTo(repository, other);
    assertThat(repository.current(other).config().heads()).containsExactly(9L);
    assertThat(repository.current(other).version()).isEqualTo(1);
  }
}
