package app.reglament.testing;

import app.reglament.App;
import app.reglament.config.Config;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * The real server as tests start it: embedded H2 in a temporary folder, amoCRM at a test double.
 */
public final class TestApps {
  private TestApps() {}

  /** The environment of a server connected to the amoCRM double at {@code amoBaseUrl}. */
  public static Map<String, String> amoEnvironment(Path dataDir, String amoBaseUrl) {
    Map<String, String> env = new HashMap<>();
    env.put("REGLAMENT_PORT", "0");
    env.put("REGLAMENT_DATA_DIR", dataDir.toString());
    env.put("REGLAMENT_AMO_CLIENT_ID", "client-id");
    env.put("REGLAMENT_AMO_CLIENT_SECRET", "client-secret");
    env.put("REGLAMENT_AMO_BASE_URL", amoBaseUrl);
    env.put("REGLAMENT_SECRET_KEY", Base64.getEncoder().encodeToString(new byte[32]));
    return env;
  }

  public static App withAmo(Path dataDir, String amoBaseUrl, Clock clock) {
    return withAmo(dataDir, amoBaseUrl, clock, Map.of());
  }

  /** As {@link #withAmo(Path, String, Clock)}, with some variables set or replaced. */
  public static App withAmo(
      Path dataDir, String amoBaseUrl, Clock clock, Map<String, String> extra) {
    Map<String, String> env = amoEnvironment(dataDir, amoBaseUrl);
    env.putAll(extra);
    return App.create(Config.fromEnvironment(env), clock);
  }
}
