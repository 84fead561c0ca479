package app.reglament.account;

/** Where an installed amoCRM account stands with Reglament. */
public enum AccountState {
  /** Installed, tokens valid: Reglament syncs and acts. */
  ACTIVE,
  /** amoCRM refused the refresh token: an admin must install the integration again. */
  NEEDS_REAUTH,
  /** Uninstalled or disconnected: no traffic at all. */
  INACTIVE;

  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static AccountState fromCode(String code) {
    return valueOf(code.toUpperCase(java.util.Locale.ROOT));
  }
}
