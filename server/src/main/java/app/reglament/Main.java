package app.reglament;

import app.reglament.config.Config;
import app.reglament.config.ConfigException;
import app.reglament.db.Database;
import app.reglament.db.DatabaseSettings;
import app.reglament.db.DatabaseUnavailableException;
import app.reglament.db.Migrations;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The command line: {@code serve} (the default) or {@code migrate}. */
public final class Main {
  private static final Logger log = LoggerFactory.getLogger(Main.class);

  static final int EXIT_USAGE = 64;
  static final int EXIT_CONFIG = 78;
  static final int EXIT_UNAVAILABLE = 69;

  private Main() {}

  public static void main(String[] args) {
    int status = run(args, System.getenv(), System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  static int run(String[] args, Map<String, String> env, PrintStream err) {
    String command = args.length == 0 ? "serve" : args[0];
    if (args.length > 1 || !(command.equals("serve") || command.equals("migrate"))) {
      if (!command.equals("help") && !command.equals("--help")) {
        err.println("reglament: unknown command '" + String.join(" ", args) + "'");
      }
      err.println("usage: java -jar reglament-server.jar [serve | migrate]");
      err.println("  serve    migrate the database if needed and serve HTTP (the default)");
      err.println("  migrate  bring the database schema up to date, then exit");
      return command.equals("help") || command.equals("--help") ? 0 : EXIT_USAGE;
    }
    try {
      Config config = Config.fromEnvironment(env);
      if (command.equals("migrate")) {
        migrate(config);
      } else {
        serve(config);
      }
      return 0;
    } catch (ConfigException e) {
      err.println("reglament: " + e.getMessage());
      return EXIT_CONFIG;
    } catch (DatabaseUnavailableException e) {
      log.error("{}", e.getMessage());
      err.println("reglament: " + e.getMessage());
      return EXIT_UNAVAILABLE;
    }
  }

  private static void migrate(Config config) {
    try (Database database = Database.open(DatabaseSettings.of(config), Optional.empty())) {
      new Migrations(database.dataSource()).migrate();
    }
  }

  private static void serve(Config config) {
    App app = App.create(config, Clock.systemUTC()).start();
    var stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  app.close();
                  stopped.countDown();
                },
                "reglament-shutdown"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
