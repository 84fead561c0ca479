package app.reglament.rules.config;

/**
 * A save was based on a version that is no longer the current one: someone else saved in between,
 * and writing anyway would silently throw their change away.
 */
public final class RulesConflictException extends RuntimeException {
  private final int expectedVersion;
  private final int currentVersion;

  public RulesConflictException(int expectedVersion, int currentVersion) {
    super(
        "The rules were changed meanwhile: this edit started from version "
            + expectedVersion
            + ", the current version is "
            + currentVersion);
    this.expectedVersion = expectedVersion;
    this.currentVersion = currentVersion;
  }

  public int expectedVersion() {
    return expectedVersion;
  }

  public int currentVersion() {
    return currentVersion;
  }
}
