package app.reglament.db;

import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Brings the schema to the version this build expects, with the Flyway scripts in db/migration. */
public final class Migrations {
  private static final Logger log = LoggerFactory.getLogger(Migrations.class);
  static final String LOCATION = "classpath:db/migration";

  private final Flyway flyway;

  public Migrations(DataSource dataSource) {
    this.flyway =
        Flyway.configure()
            .dataSource(dataSource)
            .locations(LOCATION)
            .failOnMissingLocations(true)
            .validateMigrationNaming(true)
            .load();
  }

  /** Applies pending migrations; the result says how many ran (0 when already up to date). */
  public Outcome migrate() {
    MigrateResult result = flyway.migrate();
    var outcome =
        new Outcome(
            Optional.ofNullable(result.initialSchemaVersion),
            Optional.ofNullable(result.targetSchemaVersion).or(this::currentVersion),
            result.migrationsExecuted);
    if (outcome.executed() == 0) {
      log.info("Schema is up to date at version {}", outcome.version().orElse("none"));
    } else {
      log.info(
          "Migrated the schema from version {} to {} ({} migrations)",
          outcome.previous().orElse("none"),
          outcome.version().orElse("none"),
          outcome.executed());
    }
    return outcome;
  }

  /** The version of the last applied migration, if any. */
  public Optional<String> currentVersion() {
    MigrationInfo current = flyway.info().current();
    return current == null || current.getVersion() == null
        ? Optional.empty()
        : Optional.of(current.getVersion().getVersion());
  }

  public record Outcome(Optional<String> previous, Optional<String> version, int executed) {}
}
