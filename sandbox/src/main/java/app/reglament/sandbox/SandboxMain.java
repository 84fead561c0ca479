package app.reglament.sandbox;

import app.reglament.sandbox.live.LiveLoop;
import app.reglament.sandbox.scenario.GroundTruthFile;
import app.reglament.sandbox.scenario.Scenario;
import app.reglament.sandbox.scenario.ScenarioGenerator;
import app.reglament.sandbox.scenario.ScenarioSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Runs the sandbox from the command line: {@code java -jar sandbox/target/reglament-sandbox.jar},
 * configured by the SANDBOX_* environment variables (see {@link SandboxSettings#fromEnv}) and:
 *
 * <ul>
 *   <li>{@code SANDBOX_SEED}: generate a department (about 2,000 deals, 30 days of history up to
 *       now) from this seed; unset starts a minimal empty account;
 *   <li>{@code SANDBOX_GROUND_TRUTH}: with a seed, write the planted mistakes to this file;
 *   <li>{@code SANDBOX_RULES}: with a seed, write the department's regulations (the rules document
 *       the planted mistakes assume) to this file, for Reglament's {@code
 *       REGLAMENT_RULES_TEMPLATE};
 *   <li>{@code SANDBOX_LIVE=1}: keep generating activity, one tick every {@code
 *       SANDBOX_LIVE_SECONDS} (default 5).
 * </ul>
 */
public final class SandboxMain {
  static final long DEFAULT_LIVE_SECONDS = 5;

  private SandboxMain() {}

  public static void main(String[] args) {
    Map<String, String> env = System.getenv();
    SandboxSettings settings;
    Long seed;
    boolean live;
    long liveSeconds;
    try {
      settings = SandboxSettings.fromEnv(env);
      seed = optionalNumber(env, "SANDBOX_SEED");
      live = "1".equals(env.getOrDefault("SANDBOX_LIVE", "0").strip());
      Long pace = optionalNumber(env, "SANDBOX_LIVE_SECONDS");
      liveSeconds = pace == null ? DEFAULT_LIVE_SECONDS : pace;
      if (liveSeconds < 1) {
        throw new SettingsException("SANDBOX_LIVE_SECONDS must be at least 1");
      }
    } catch (SettingsException e) {
      System.err.println("Reglament sandbox: " + e.getMessage());
      System.exit(2);
      return;
    }
    Clock clock = Clock.systemUTC();
    Scenario scenario = null;
    if (seed != null) {
      long started = System.nanoTime();
      scenario = ScenarioGenerator.generate(ScenarioSettings.defaults(seed, clock.instant()));
      System.out.printf(
          "Generated a department from seed %d: %d deals, %d tasks, %d events, %d planted mistakes"
              + " (%d ms)%n",
          seed,
          scenario.leads().size(),
          scenario.tasks().size(),
          scenario.events().size(),
          scenario.groundTruth().planted().size(),
          (System.nanoTime() - started) / 1_000_000);
      String truthFile = env.get("SANDBOX_GROUND_TRUTH");
      if (truthFile != null && !truthFile.isBlank()) {
        try {
          GroundTruthFile.write(Path.of(truthFile), scenario);
          System.out.println("Ground truth: " + Path.of(truthFile).toAbsolutePath());
        } catch (IOException e) {
          System.err.println(
              "Reglament sandbox: cannot write " + truthFile + ": " + e.getMessage());
          System.exit(2);
          return;
        }
      }
      String rulesFile = env.get("SANDBOX_RULES");
      if (rulesFile != null && !rulesFile.isBlank()) {
        try {
          Path path = Path.of(rulesFile);
          Path partial = path.resolveSibling(path.getFileName() + ".partial");
          GroundTruthFile.mapper()
              .writerWithDefaultPrettyPrinter()
              .writeValue(partial.toFile(), scenario.groundTruth().rules());
          // Whoever waits for the file never reads half of it.
          java.nio.file.Files.move(
              partial,
              path,
              java.nio.file.StandardCopyOption.REPLACE_EXISTING,
              java.nio.file.StandardCopyOption.ATOMIC_MOVE);
          System.out.println("Regulations: " + path.toAbsolutePath());
        } catch (IOException e) {
          System.err.println(
              "Reglament sandbox: cannot write " + rulesFile + ": " + e.getMessage());
          System.exit(2);
          return;
        }
      }
    }
    SandboxApp sandbox = SandboxApp.create(settings, clock, scenario).start();
    LiveLoop loop =
        live && scenario != null
            ? new LiveLoop(scenario, seed, sandbox.store(), clock)
                .start(Duration.ofSeconds(liveSeconds))
            : null;
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  if (loop != null) {
                    loop.close();
                  }
                  sandbox.close();
                },
                "sandbox-shutdown"));
    System.out.println("Reglament sandbox (amoCRM stand-in) is listening on " + sandbox.baseUrl());
    System.out.println("Pipeline board: " + sandbox.baseUrl() + "/leads");
    if (loop != null) {
      System.out.println("Live mode: a tick of activity every " + liveSeconds + " s");
    }
  }

  private static Long optionalNumber(Map<String, String> env, String name) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw new SettingsException(name + " must be a whole number, got '" + value + "'");
    }
  }
}
