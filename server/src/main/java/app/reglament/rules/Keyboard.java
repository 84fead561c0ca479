package app.reglament.rules;

import java.util.Arrays;

/**
 * Where a character sits on a physical keyboard, for both the Russian (ЙЦУКЕН) and the Latin
 * (QWERTY) layout. Mapping both layouts onto the same keys is what makes "фывап", "asdfg" and a mix
 * of them ("jkl;" is "олдж") the same mash.
 */
final class Keyboard {
  /** Rows of letter keys, top to bottom; index in the string is the column. */
  private static final String[] LATIN_ROWS = {"qwertyuiop[]", "asdfghjkl;'", "zxcvbnm,./"};

  // The Russian layout's "." sits where the Latin "/" is; it is left out so that "." has one key.
  private static final String[] RUSSIAN_ROWS = {"йцукенгшщзхъ", "фывапролджэ", "ячсмитьбю"};

  /** The key of every character up to the end of the Cyrillic lower-case letters; -1 for none. */
  private static final int[] KEYS = new int['я' + 1];

  static {
    Arrays.fill(KEYS, -1);
    for (String[] rows : new String[][] {LATIN_ROWS, RUSSIAN_ROWS}) {
      for (int row = 0; row < rows.length; row++) {
        for (int column = 0; column < rows[row].length(); column++) {
          KEYS[rows[row].charAt(column)] = key(row, column);
        }
      }
    }
  }

  private Keyboard() {}

  /** The key of a lower-case character, or -1 if it is not on a letter row. */
  static int keyOf(int codePoint) {
    return codePoint >= 0 && codePoint < KEYS.length ? KEYS[codePoint] : -1;
  }

  /** +1 or -1 when {@code to} is the key right or left of {@code from} on the same row, else 0. */
  static int step(int from, int to) {
    if (from < 0 || to < 0 || row(from) != row(to)) {
      return 0;
    }
    int delta = column(to) - column(from);
    return delta == 1 || delta == -1 ? delta : 0;
  }

  private static int key(int row, int column) {
    return row * 100 + column;
  }

  private static int row(int key) {
    return key / 100;
  }

  private static int column(int key) {
    return key % 100;
  }
}
