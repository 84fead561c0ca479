package app.reglament.health;

import app.reglament.config.Config;
import app.reglament.db.Database;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers "is Reglament able to work": the database, the schema, the amoCRM integration. */
public final class HealthService {
  private static final Logger log = LoggerFactory.getLogger(HealthService.class);
  private static final String AMO_NOT_CONFIGURED =
      "REGLAMENT_AMO_CLIENT_ID and REGLAMENT_AMO_CLIENT_SECRET are not set: Reglament runs, but"
          + " accounts cannot install the integration";

  private final Database database;
  private final DSLContext dsl;
  private final Config config;
  private final String version;

  public HealthService(Database database, Config config, String version) {
    this.database = database;
    this.dsl = database.dsl();
    this.config = config;
    this.version = version;
  }

  public Health check() {
    DatabaseHealth database = checkDatabase();
    var amo =
        new AmoHealth(config.amoConfigured(), config.amoConfigured() ? null : AMO_NOT_CONFIGURED);
    return new Health(database.up() ? "up" : "down", version, database, amo);
  }

  private DatabaseHealth checkDatabase() {
    try {
      String product = database.product();
      Optional<String> schema =
          dsl.select(DSL.field(DSL.name("version"), SQLDataType.VARCHAR))
              .from(DSL.table(DSL.name("flyway_schema_history")))
              .where(DSL.field(DSL.name("success"), SQLDataType.BOOLEAN).isTrue())
              .and(DSL.field(DSL.name("version"), SQLDataType.VARCHAR).isNotNull())
              .orderBy(DSL.field(DSL.name("installed_rank"), SQLDataType.INTEGER).desc())
              .limit(1)
              .fetchOptional(0, String.class);
      return new DatabaseHealth(true, product, schema.orElse(null), null);
    } catch (RuntimeException e) {
      log.warn("Health check: the database does not answer: {}", e.getMessage());
      return new DatabaseHealth(
          false, dsl.dialect().getName(), null, "the database does not answer");
    }
  }

  public record Health(String status, String version, DatabaseHealth database, AmoHealth amocrm) {
    public boolean up() {
      return database.up();
    }
  }

  public record DatabaseHealth(boolean up, String product, String schemaVersion, String error) {}

  public record AmoHealth(boolean configured, String message) {}
}
