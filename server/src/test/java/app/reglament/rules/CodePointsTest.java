package app.reglament.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The detector's shortcuts against the JDK, over every code point: they must change no verdict,
 * whatever Unicode version the running JDK has.
 */
class CodePointsTest {

  @Test
  void everyCodePointIsClassedAsCharacterClassesIt() {
    List<String> differences = new ArrayList<>();
    for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
      if (CodePoints.lower(c) != Character.toLowerCase(c)) {
        differences.add("lower " + Integer.toHexString(c));
      }
      if (CodePoints.isLetter(c) != Character.isLetter(c)) {
        differences.add("letter " + Integer.toHexString(c));
      }
      if (CodePoints.isLetterOrDigit(c) != Character.isLetterOrDigit(c)) {
        differences.add("letter or digit " + Integer.toHexString(c));
      }
      if (CodePoints.isSpace(c) != (Character.isWhitespace(c) || Character.isSpaceChar(c))) {
        differences.add("space " + Integer.toHexString(c));
      }
    }
    assertThat(differences).isEmpty();
  }

  @Test
  void foldingIsLoweringWithYoAsYe() {
    assertThat(CodePoints.fold('Ё')).isEqualTo('е');
    assertThat(CodePoints.fold('ё')).isEqualTo('е');
    assertThat(CodePoints.fold('Ж')).isEqualTo('ж');
    assertThat(CodePoints.fold('Q')).isEqualTo('q');
  }

  @Test
  void loweringCodePointByCodePointSpellsStringLowering() {
    List<String> differences = new ArrayList<>();
    for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
      int lower = Character.toLowerCase(c);
      // Lowering again changes nothing, so a text lowered whole may be lowered again per point.
      if (Character.toLowerCase(lower) != lower) {
        differences.add("not idempotent " + Integer.toHexString(c));
      }
      boolean wholeText = c == 'Σ' || c == 'İ'; // what JunkText.lowerable lowers as a whole
      String alone = new String(Character.toChars(c));
      if (!wholeText
          && !alone.toLowerCase(Locale.ROOT).equals(new String(Character.toChars(lower)))) {
        differences.add("String lowers " + Integer.toHexString(c) + " otherwise");
      }
    }
    assertThat(differences).isEmpty();
  }

  @Test
  void textsWithTheTwoContextualCapitalsAreLoweredWhole() {
    assertThat(JunkText.lowerable("ОК")).isSameAs("ОК");
    assertThat(JunkText.lowerable("ΟΔΟΣ")).isEqualTo("οδος");
    assertThat(JunkText.lowerable("İstanbul")).isEqualTo("i̇stanbul");
  }
}
