package app.reglament.testing;

import app.reglament.config.JdbcUrls;
import app.reglament.db.Database;
import app.reglament.db.DatabaseSettings;
import app.reglament.db.Migrations;
import app.reglament.db.generated.DefaultSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.jooq.Table;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/**
 * Runs each {@link DatabaseTest} on every configured database. Each database is opened and migrated
 * once per test run and shared; before every invocation all Reglament tables are emptied. A
 * configured MySQL/MariaDB that cannot be reached fails the tests rather than skipping them.
 */
final class DatabaseExtension implements TestTemplateInvocationContextProvider {
  static final String TEST_DB_URL = "REGLAMENT_TEST_DB_URL";
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(DatabaseExtension.class);

  @Override
  public boolean supportsTestTemplate(ExtensionContext context) {
    return context.getRequiredTestMethod().isAnnotationPresent(DatabaseTest.class);
  }

  @Override
  public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(
      ExtensionContext context) {
    List<String> names = new ArrayList<>(List.of("h2"));
    external().ifPresent(url -> names.add("mariadb"));
    return names.stream().map(name -> invocation(name));
  }

  private static Optional<String> external() {
    return Optional.ofNullable(System.getenv(TEST_DB_URL)).filter(url -> !url.isBlank());
  }

  private static TestTemplateInvocationContext invocation(String name) {
    return new TestTemplateInvocationContext() {
      @Override
      public String getDisplayName(int invocationIndex) {
        return "[" + name + "]";
      }

      @Override
      public List<Extension> getAdditionalExtensions() {
        return List.of(new Binding(name));
      }
    };
  }

  /** Supplies the TestDatabase parameter and empties the tables before the test. */
  private record Binding(String name) implements ParameterResolver, BeforeEachCallback {
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.getParameter().getType() == TestDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      return database(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
      TestDatabase db = database(context);
      for (Table<?> table : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
        db.dsl().deleteFrom(table).execute();
      }
    }

    private TestDatabase database(ExtensionContext context) {
      return context
          .getRoot()
          .getStore(NAMESPACE)
          .getOrComputeIfAbsent(name, key -> open(name), Shared.class)
          .database();
    }
  }

  private static Shared open(String name) {
    DatabaseSettings settings =
        name.equals("h2")
            ? new DatabaseSettings(
                "jdbc:h2:mem:reglament-"
                    + UUID.randomUUID()
                    + ";DB_CLOSE_DELAY=-1"
                    + JdbcUrls.H2_OPTIONS,
                Optional.empty(),
                Optional.empty())
            : new DatabaseSettings(external().orElseThrow(), Optional.empty(), Optional.empty());
    Database database = Database.open(settings, Optional.empty());
    new Migrations(database.dataSource()).migrate();
    System.out.println("Test database " + name + ": " + JdbcUrls.redact(settings.url()));
    return new Shared(new TestDatabase(name, database));
  }

  /** Closed by JUnit when the whole run ends. */
  private record Shared(TestDatabase database)
      implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    @Override
    public void close() {
      database.database().close();
    }
  }
}
