package app.reglament.amo.webhook;

/** Quotes a piece of an untrusted body for an error message: short, one line, printable. */
final class Quote {
  private static final int MAX_CHARS = 60;

  private Quote() {}

  /** {@code 'text'}, clipped. */
  static String of(String text) {
    return "'" + clip(text) + "'";
  }

  /** At most {@value #MAX_CHARS} characters, control characters replaced by {@code ?}. */
  static String clip(String text) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_CHARS) + 1);
    for (int i = 0; i < text.length() && i < MAX_CHARS; i++) {
      char c = text.charAt(i);
      out.append(Character.isISOControl(c) ? '?' : c);
    }
    if (text.length() > MAX_CHARS) {
      out.append('…');
    }
    return out.toString();
  }
}
