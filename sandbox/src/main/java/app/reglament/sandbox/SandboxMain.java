package app.reglament.sandbox;

import java.time.Clock;

/**
 * Runs the sandbox from the command line: {@code java -jar sandbox/target/reglament-sandbox.jar},
 * configured by the SANDBOX_* environment variables (see {@link SandboxSettings#fromEnv}).
 */
public final class SandboxMain {
  private SandboxMain() {}

  public static void main(String[] args) {
    SandboxSettings settings;
    try {
      settings = SandboxSettings.fromEnv(System.getenv());
    } catch (SettingsException e) {
      System.err.println("Reglament sandbox: " + e.getMessage());
      System.exit(2);
      return;
    }
    SandboxApp sandbox = SandboxApp.create(settings, Clock.systemUTC(), null).start();
    Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "sandbox-shutdown"));
    System.out.println("Reglament sandbox (amoCRM stand-in) is listening on " + sandbox.baseUrl());
    System.out.println("Pipeline board: " + sandbox.baseUrl() + "/leads");
  }
}
