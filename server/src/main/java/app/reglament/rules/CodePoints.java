package app.reglament.rules;

/**
 * The character classes {@link JunkText} asks about, answered as {@link Character} answers them,
 * with ASCII and the Russian alphabet decided inline: they are nearly every character a manager
 * types, and {@code Character}'s general lookup is most of the detector's time otherwise.
 * CodePointsTest compares every code point with {@code Character}.
 */
final class CodePoints {
  private static final int CYRILLIC_CAPITAL_A = 'А';
  private static final int CYRILLIC_CAPITAL_YA = 'Я';
  private static final int CYRILLIC_SMALL_A = 'а';
  private static final int CYRILLIC_SMALL_YA = 'я';
  private static final int CYRILLIC_BLOCK_END = 0x4ff;

  private CodePoints() {}

  /** {@link Character#toLowerCase(int)}. */
  static int lower(int c) {
    if (c < 0x80) {
      return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
    }
    if (c >= CYRILLIC_CAPITAL_A && c <= CYRILLIC_CAPITAL_YA) {
      return c + (CYRILLIC_SMALL_A - CYRILLIC_CAPITAL_A);
    }
    if (c >= CYRILLIC_SMALL_A && c <= CYRILLIC_SMALL_YA) {
      return c;
    }
    return Character.toLowerCase(c);
  }

  /** Lowered, ё as е: how people see two texts as the same. */
  static int fold(int c) {
    int lower = lower(c);
    return lower == 'ё' ? 'е' : lower;
  }

  /** {@link Character#isLetter(int)}. */
  static boolean isLetter(int c) {
    if (c < 0x80) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
    if (c >= CYRILLIC_CAPITAL_A && c <= CYRILLIC_SMALL_YA) {
      return true;
    }
    return Character.isLetter(c);
  }

  /** {@link Character#isLetterOrDigit(int)}. */
  static boolean isLetterOrDigit(int c) {
    if (c < 0x80) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
    if (c >= CYRILLIC_CAPITAL_A && c <= CYRILLIC_SMALL_YA) {
      return true;
    }
    return Character.isLetterOrDigit(c);
  }

  /** Whitespace including the no-break and wide spaces that String.isBlank does not count. */
  static boolean isSpace(int c) {
    if (c < 0x80) {
      // Character's whitespace in ASCII: tab to carriage return, the four separators, space.
      return c == ' ' || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f);
    }
    if (c >= CYRILLIC_CAPITAL_A && c <= CYRILLIC_BLOCK_END) {
      return false;
    }
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }
}
