package app.reglament.testing;

import app.reglament.db.Database;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;

/** A migrated database for one test invocation; {@link #name()} says which one. */
public record TestDatabase(String name, Database database) {
  public DSLContext dsl() {
    return database.dsl();
  }

  public SQLDialect dialect() {
    return database.dialect();
  }

  @Override
  public String toString() {
    return name;
  }
}
