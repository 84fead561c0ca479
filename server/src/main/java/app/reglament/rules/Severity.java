package app.reglament.rules;

/** How bad a violation is; {@code critical} is for lateness past twice the limit and the like. */
public enum Severity {
  WARNING("warning"),
  CRITICAL("critical");

  private final String code;

  Severity(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static Severity byCode(String code) {
    for (Severity s : values()) {
      if (s.code.equals(code)) {
        return s;
      }
    }
    throw new IllegalArgumentException("Unknown severity " + code);
  }
}
