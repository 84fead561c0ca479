package app.reglament.config;

/**
 * A configuration value that Reglament cannot start with. The message is one line for the operator.
 */
public final class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }
}
