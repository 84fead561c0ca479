package app.reglament.rules;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a completed task's result, or a required field's value, is junk (DESIGN.md,
 * indicators 5 {@code task_result} and 7 {@code required_fields}), and says why.
 *
 * <p>The rules are tried in the sandbox generator's order (its package-info), so that both name the
 * same reason: empty; a placeholder; punctuation only; a copy of the task's text; the manager's
 * previous result; repeated characters; keyboard mash; fewer than {@code minLetters} letters. Field
 * values skip the last three of the context and length rules: "Уфа" is a city, and a field has no
 * task text or previous result. Every rule is one pass over the text, so a pasted novel costs
 * linear time, and the text is lowered and folded once.
 */
public final class JunkText {
  /** A run of this many neighbouring keys is mash wherever it stands in the text. */
  static final int MASH_RUN = 5;

  /** A whole text this long that is one run of neighbouring keys is mash ("jkl;", "олдж"). */
  static final int MASH_WHOLE = 4;

  /** A run of this many equal letters is junk wherever it stands ("Ааааааа, не дозвонился"). */
  static final int EQUAL_RUN = 5;

  /** Below this many characters, two distinct characters can be a real word ("ИП", "ООО"). */
  static final int MIN_REPEATED = 4;

  /** A text made of one piece of up to this many characters, repeated ("абвабвабв"). */
  static final int MAX_PERIOD = 3;

  /** Why a text is junk. {@code code} is stable: it is stored and sent to the widget. */
  public enum Reason {
    EMPTY(
        "empty",
        "Ничего не написано. Напишите, что на самом деле сделано и что дальше.",
        "Nothing is written. Write what was actually done and what comes next."),
    PLACEHOLDER(
        "placeholder",
        "Отписка вместо результата. Напишите, о чём договорились и какой следующий шаг.",
        "A placeholder, not a result. Write what was agreed and what the next step is."),
    PUNCTUATION_ONLY(
        "punctuation_only",
        "Только знаки препинания или символы. Напишите результат словами.",
        "Only punctuation or symbols. Write the result in words."),
    TOO_SHORT(
        "too_short",
        "Слишком коротко. Напишите подробнее: с кем говорили, о чём договорились, что дальше.",
        "Too short. Say more: whom you spoke to, what was agreed, what comes next."),
    REPEATED_CHARACTERS(
        "repeated_characters",
        "Повторяющиеся символы вместо текста. Напишите настоящий результат.",
        "Repeated characters instead of text. Write the real result."),
    KEYBOARD_MASH(
        "keyboard_mash",
        "Случайный набор клавиш. Напишите настоящий результат.",
        "Random keys typed. Write the real result."),
    COPY_OF_TASK_TEXT(
        "copy_of_task_text",
        "Результат повторяет текст задачи. Напишите, чем она закончилась.",
        "The result repeats the task's text. Write how the task ended."),
    SAME_AS_PREVIOUS(
        "same_as_previous",
        "Результат скопирован из вашей предыдущей задачи. Напишите, что было в этой.",
        "The result is copied from your previous task. Write what happened in this one.");

    private final String code;
    private final String russian;
    private final String english;

    Reason(String code, String russian, String english) {
      this.code = code;
      this.russian = russian;
      this.english = english;
    }

    public String code() {
      return code;
    }

    public String russian() {
      return russian;
    }

    public String english() {
      return english;
    }
  }

  /** The verdict on a junk text: the reason and what to tell the manager. */
  public record Verdict(Reason reason, String russian, String english) {
    static Verdict of(Reason reason) {
      return new Verdict(reason, reason.russian(), reason.english());
    }

    public String code() {
      return reason.code();
    }
  }

  /**
   * The regulations' {@code taskResults.minLength} (counted in letters) and {@code placeholders}
   * (compared ignoring case, spaces, ё/е and punctuation around a word: "Ок." is "ок").
   */
  public record Settings(int minLetters, List<String> placeholders) {
    /**
     * DESIGN.md's placeholders, plus the one-word reports a sales head reads as "nothing said":
     * нет, готово, сделано, выполнено, done. Words that are the start of a real result
     * ("перезвонить", "позвонил") are left to the length rule.
     */
    public static final Settings DEFAULTS =
        new Settings(
            10,
            List.of(
                "+",
                "-",
                "—",
                ".",
                "ок",
                "ok",
                "да",
                "нет",
                "готово",
                "сделано",
                "выполнено",
                "done"));

    public Settings {
      if (minLetters < 0) {
        throw new IllegalArgumentException("minLetters must not be negative: " + minLetters);
      }
      placeholders = List.copyOf(placeholders);
    }
  }

  /** What the result is compared with; either may be absent. */
  public record Context(Optional<String> taskText, Optional<String> previousResult) {
    public static final Context NONE = new Context(Optional.empty(), Optional.empty());

    public Context {
      Objects.requireNonNull(taskText);
      Objects.requireNonNull(previousResult);
    }

    /** Nullable arguments, as they come from amoCRM. */
    public static Context of(String taskText, String previousResult) {
      return new Context(Optional.ofNullable(taskText), Optional.ofNullable(previousResult));
    }
  }

  private static final Verdict[] VERDICTS =
      Arrays.stream(Reason.values()).map(Verdict::of).toArray(Verdict[]::new);

  private final Settings settings;
  private final Set<String> placeholders = new HashSet<>();

  /** The longest placeholder, squeezed: a text with more letters and digits is none. */
  private final int longestPlaceholder;

  public JunkText(Settings settings) {
    this.settings = settings;
    int longest = 0;
    for (String placeholder : settings.placeholders()) {
      String squeezed = squeeze(lowerable(placeholder));
      placeholders.add(squeezed);
      longest = Math.max(longest, squeezed.length());
    }
    this.longestPlaceholder = longest;
  }

  /** The verdict on a completed task's result, empty when the result is a real one. */
  public Optional<Verdict> check(String text, Context context) {
    return check(text, context.taskText().orElse(null), context.previousResult().orElse(null));
  }

  /**
   * The same as {@link #check(String, Context)}, with the task's text and the previous result
   * nullable, as they come from amoCRM.
   */
  public Optional<Verdict> check(String text, String taskText, String previousResult) {
    Reason reason = reason(text, taskText, previousResult);
    return reason == null ? Optional.empty() : Optional.of(VERDICTS[reason.ordinal()]);
  }

  /**
   * The verdict on a required text field's value: the result rules without length, task text and
   * previous result. Select and numeric fields are judged by the caller only for being empty.
   */
  public Optional<Verdict> checkField(String value) {
    if (isBlank(value)) {
      return Optional.of(VERDICTS[Reason.EMPTY.ordinal()]);
    }
    String lowerable = lowerable(value);
    Reason reason = common(value, lowerable);
    if (reason == null) {
      reason = shape(lowerable);
    }
    return reason == null ? Optional.empty() : Optional.of(VERDICTS[reason.ordinal()]);
  }

  /**
   * Why a result is junk, or null. Every rule is a loop over the code points that lowers and folds
   * them on the way, and most stop after a few characters, so a result costs well under a
   * microsecond and allocates next to nothing.
   */
  private Reason reason(String text, String taskText, String previousResult) {
    if (isBlank(text)) {
      return Reason.EMPTY;
    }
    String lowerable = lowerable(text);
    Reason common = common(text, lowerable);
    if (common != null) {
      return common;
    }
    if (taskText != null && sameEssence(lowerable, lowerable(taskText))) {
      return Reason.COPY_OF_TASK_TEXT;
    }
    if (previousResult != null && sameEssence(lowerable, lowerable(previousResult))) {
      return Reason.SAME_AS_PREVIOUS;
    }
    Reason shape = shape(lowerable);
    if (shape != null) {
      return shape;
    }
    return hasLetters(text, settings.minLetters()) ? null : Reason.TOO_SHORT;
  }

  /** Placeholder or punctuation only; the text is not blank. */
  private Reason common(String text, String lowerable) {
    if (isPlaceholder(lowerable)) {
      return Reason.PLACEHOLDER;
    }
    if (!hasLetterOrDigit(text)) {
      return Reason.PUNCTUATION_ONLY;
    }
    return null;
  }

  private static Reason shape(String lowerable) {
    if (isRepeated(lowerable)) {
      return Reason.REPEATED_CHARACTERS;
    }
    if (isMash(lowerable)) {
      return Reason.KEYBOARD_MASH;
    }
    return null;
  }

  /**
   * A text whose code points, each lowered by {@link Character#toLowerCase(int)}, spell the text
   * lowered by {@code String.toLowerCase(Locale.ROOT)}: the text itself, unless it has one of the
   * two characters that String lowers by context or into two (capital sigma, dotted capital I);
   * then the text lowered whole (lowering a lowered character again changes nothing).
   */
  static String lowerable(String text) {
    return text.indexOf('\u03a3') < 0 && text.indexOf('\u0130') < 0
        ? text
        : text.toLowerCase(Locale.ROOT);
  }

  private boolean isPlaceholder(String lowerable) {
    // The squeezed text, and its core below, hold every letter and digit of the text.
    int lettersOrDigits = 0;
    for (int i = 0; i < lowerable.length(); ) {
      int raw = lowerable.codePointAt(i);
      i += Character.charCount(raw);
      int c = CodePoints.fold(raw);
      if (Character.isBmpCodePoint(c)
          && CodePoints.isLetterOrDigit(c)
          && ++lettersOrDigits > longestPlaceholder) {
        return false;
      }
    }
    String squeezed = squeeze(lowerable);
    if (placeholders.contains(squeezed)) {
      return true;
    }
    // "Ок!", "да." are still the placeholder; stripping stops at the first letter or digit.
    int from = 0;
    int to = squeezed.length();
    while (from < to && !Character.isLetterOrDigit(squeezed.charAt(from))) {
      from++;
    }
    while (to > from && !Character.isLetterOrDigit(squeezed.charAt(to - 1))) {
      to--;
    }
    return from < to && placeholders.contains(squeezed.substring(from, to));
  }

  /**
   * At most two distinct characters (with at least one letter: "1000" is a number), a run of equal
   * letters, or one piece of up to {@link #MAX_PERIOD} characters repeated ("ababab"). Whitespace
   * does not count; the text is folded. One pass, remembering the last three characters.
   */
  private static boolean isRepeated(String lowerable) {
    int length = 0;
    boolean anyLetter = false;
    int run = 0;
    int first = -1;
    int second = -1;
    boolean twoDistinct = true;
    int back1 = -1;
    int back2 = -1;
    int back3 = -1;
    boolean period1 = true;
    boolean period2 = true;
    boolean period3 = true;
    for (int i = 0; i < lowerable.length(); ) {
      int raw = lowerable.codePointAt(i);
      i += Character.charCount(raw);
      int c = CodePoints.fold(raw);
      if (CodePoints.isSpace(c)) {
        continue;
      }
      run = length > 0 && c == back1 ? run + 1 : 1;
      boolean letter = CodePoints.isLetter(c);
      if (run >= EQUAL_RUN && letter) {
        return true;
      }
      anyLetter |= letter;
      if (length == 0) {
        first = c;
      } else if (c != first && second == -1) {
        second = c;
      } else if (c != first && c != second) {
        twoDistinct = false;
      }
      period1 &= length < 1 || c == back1;
      period2 &= length < 2 || c == back2;
      period3 &= length < 3 || c == back3;
      back3 = back2;
      back2 = back1;
      back1 = c;
      length++;
    }
    if (length < MIN_REPEATED || !anyLetter) {
      return false;
    }
    // A piece must show at least twice: "абвг" is no "абв" repeated.
    return twoDistinct || period1 || period2 || (period3 && length >= 2 * MAX_PERIOD);
  }

  /**
   * A run of {@link #MASH_RUN} neighbouring keys of one row, either way and in either layout, or
   * the whole text one run of at least {@link #MASH_WHOLE} ("jkl;"). Spaces break a run. The text
   * is stripped and lowered, but keeps its ё: "ё" is no key of a row.
   */
  private static boolean isMash(String lowerable) {
    int from = 0;
    int to = lowerable.length();
    while (from < to && Character.isWhitespace(lowerable.codePointAt(from))) {
      from += Character.charCount(lowerable.codePointAt(from));
    }
    while (to > from && Character.isWhitespace(lowerable.codePointBefore(to))) {
      to -= Character.charCount(lowerable.codePointBefore(to));
    }
    if (from == to) {
      return false;
    }
    int first = lowerable.codePointAt(from);
    int previousKey = Keyboard.keyOf(CodePoints.lower(first));
    int count = 1;
    int run = 1;
    int direction = 0;
    boolean wholeRun = previousKey >= 0;
    for (int i = from + Character.charCount(first); i < to; count++) {
      int c = lowerable.codePointAt(i);
      i += Character.charCount(c);
      int key = Keyboard.keyOf(CodePoints.lower(c));
      int step = Keyboard.step(previousKey, key);
      previousKey = key;
      if (step != 0 && (step == direction || run == 1)) {
        run++;
      } else {
        run = step != 0 ? 2 : 1;
        wholeRun = false;
      }
      direction = step;
      if (run >= MASH_RUN) {
        return true;
      }
    }
    return wholeRun && count >= MASH_WHOLE;
  }

  /** Null, or nothing but whitespace. */
  private static boolean isBlank(String text) {
    if (text == null) {
      return true;
    }
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      if (!CodePoints.isSpace(c)) {
        return false;
      }
      i += Character.charCount(c);
    }
    return true;
  }

  private static boolean hasLetterOrDigit(String text) {
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      if (CodePoints.isLetterOrDigit(c)) {
        return true;
      }
      i += Character.charCount(c);
    }
    return false;
  }

  /** Whether the text has at least {@code wanted} letters. */
  private static boolean hasLetters(String text, int wanted) {
    int letters = 0;
    for (int i = 0; i < text.length() && letters < wanted; ) {
      int c = text.codePointAt(i);
      if (CodePoints.isLetter(c)) {
        letters++;
      }
      i += Character.charCount(c);
    }
    return letters >= wanted;
  }

  /** Whether two texts have the same folded letters and digits in the same order. */
  private static boolean sameEssence(String a, String b) {
    int i = 0;
    int j = 0;
    while (true) {
      int c = -1;
      while (i < a.length() && c < 0) {
        int cp = a.codePointAt(i);
        i += Character.charCount(cp);
        c = CodePoints.fold(cp);
        c = CodePoints.isLetterOrDigit(c) ? c : -1;
      }
      int d = -1;
      while (j < b.length() && d < 0) {
        int cp = b.codePointAt(j);
        j += Character.charCount(cp);
        d = CodePoints.fold(cp);
        d = CodePoints.isLetterOrDigit(d) ? d : -1;
      }
      if (c != d) {
        return false;
      }
      if (c < 0) {
        return true;
      }
    }
  }

  /** Folded, without whitespace: for placeholders, where "о к" and "ок" do not differ. */
  private static String squeeze(String lowerable) {
    StringBuilder out = new StringBuilder(lowerable.length());
    for (int i = 0; i < lowerable.length(); ) {
      int raw = lowerable.codePointAt(i);
      i += Character.charCount(raw);
      int c = CodePoints.fold(raw);
      if (!CodePoints.isSpace(c)) {
        out.appendCodePoint(c);
      }
    }
    return out.toString();
  }

  /** The letters and digits of a text, folded: what "the same result pasted again" compares. */
  public static String essence(String text) {
    String folded = text.toLowerCase(Locale.ROOT).replace('ё', 'е');
    StringBuilder out = new StringBuilder(folded.length());
    folded.codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
    return out.toString();
  }
}
