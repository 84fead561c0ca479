package app.reglament.sandbox.ui;

/** One choice of a {@code <select>}. */
record Option(String value, String label, boolean selected) {
  static Option of(long value, String label, boolean selected) {
    return new Option(Long.toString(value), label, selected);
  }
}
