package app.reglament.sandbox;

/** A malformed configuration value; the message names the variable. */
public final class SettingsException extends RuntimeException {
  public SettingsException(String message) {
    super(message);
  }
}
