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
 * linear time.
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

  private final Settings settings;
  private final Set<String> placeholders = new HashSet<>();

  public JunkText(Settings settings) {
    this.settings = settings;
    for (String placeholder : settings.placeholders()) {
      placeholders.add(squeeze(placeholder));
    }
  }

  /** The verdict on a completed task's result, empty when the result is a real one. */
  public Optional<Verdict> check(String text, Context context) {
    Optional<Reason> common = common(text);
    if (common.isPresent()) {
      return common.map(Verdict::of);
    }
    String essence = essence(text);
    if (context.taskText().map(JunkText::essence).filter(essence::equals).isPresent()) {
      return Optional.of(Verdict.of(Reason.COPY_OF_TASK_TEXT));
    }
    if (context.previousResult().map(JunkText::essence).filter(essence::equals).isPresent()) {
      return Optional.of(Verdict.of(Reason.SAME_AS_PREVIOUS));
    }
    Optional<Reason> shape = shape(text);
    if (shape.isPresent()) {
      return shape.map(Verdict::of);
    }
    if (letters(text) < settings.minLetters()) {
      return Optional.of(Verdict.of(Reason.TOO_SHORT));
    }
    return Optional.empty();
  }

  /**
   * The verdict on a required text field's value: the result rules without length, task text and
   * previous result. Select and numeric fields are judged by the caller only for being empty.
   */
  public Optional<Verdict> checkField(String value) {
    return common(value).or(() -> shape(value)).map(Verdict::of);
  }

  private Optional<Reason> common(String text) {
    if (text == null || text.codePoints().allMatch(JunkText::isSpace)) {
      return Optional.of(Reason.EMPTY);
    }
    if (isPlaceholder(text)) {
      return Optional.of(Reason.PLACEHOLDER);
    }
    if (text.codePoints().noneMatch(Character::isLetterOrDigit)) {
      return Optional.of(Reason.PUNCTUATION_ONLY);
    }
    return Optional.empty();
  }

  private static Optional<Reason> shape(String text) {
    if (isRepeated(text)) {
      return Optional.of(Reason.REPEATED_CHARACTERS);
    }
    if (isMash(text)) {
      return Optional.of(Reason.KEYBOARD_MASH);
    }
    return Optional.empty();
  }

  private boolean isPlaceholder(String text) {
    String squeezed = squeeze(text);
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
   * letters, or one short piece repeated ("ababab").
   */
  private static boolean isRepeated(String text) {
    int[] chars = fold(text).codePoints().filter(c -> !isSpace(c)).toArray();
    int run = 0;
    for (int i = 0; i < chars.length; i++) {
      run = i > 0 && chars[i] == chars[i - 1] ? run + 1 : 1;
      if (run >= EQUAL_RUN && Character.isLetter(chars[i])) {
        return true;
      }
    }
    if (chars.length < MIN_REPEATED || Arrays.stream(chars).noneMatch(Character::isLetter)) {
      return false;
    }
    int first = chars[0];
    int second = -1;
    boolean twoDistinct = true;
    for (int c : chars) {
      if (c != first && second == -1) {
        second = c;
      } else if (c != first && c != second) {
        twoDistinct = false;
        break;
      }
    }
    return twoDistinct || hasShortPeriod(chars);
  }

  private static boolean hasShortPeriod(int[] chars) {
    for (int period = 1; period <= MAX_PERIOD; period++) {
      if (chars.length < 2 * period) {
        return false;
      }
      boolean periodic = true;
      for (int i = period; i < chars.length && periodic; i++) {
        periodic = chars[i] == chars[i - period];
      }
      if (periodic) {
        return true;
      }
    }
    return false;
  }

  /**
   * A run of {@link #MASH_RUN} neighbouring keys of one row, either way and in either layout, or
   * the whole text one run of at least {@link #MASH_WHOLE} ("jkl;"). Spaces break a run.
   */
  private static boolean isMash(String text) {
    String folded = text.strip().toLowerCase(Locale.ROOT);
    int[] chars = folded.codePoints().toArray();
    int run = 1;
    int direction = 0;
    boolean wholeRun = chars.length > 0 && Keyboard.keyOf(chars[0]) >= 0;
    for (int i = 1; i < chars.length; i++) {
      int step = Keyboard.step(Keyboard.keyOf(chars[i - 1]), Keyboard.keyOf(chars[i]));
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
    return wholeRun && chars.length >= MASH_WHOLE;
  }

  /** Whitespace including the no-break and wide spaces that String.isBlank does not count. */
  private static boolean isSpace(int codePoint) {
    return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
  }

  private static long letters(String text) {
    return text.codePoints().filter(Character::isLetter).count();
  }

  /** Lower case, ё as е: how people see two texts as the same. */
  private static String fold(String text) {
    return text.toLowerCase(Locale.ROOT).replace('ё', 'е');
  }

  /** Folded, without whitespace: for placeholders, where "о к" and "ок" do not differ. */
  private static String squeeze(String text) {
    StringBuilder out = new StringBuilder(text.length());
    fold(text).codePoints().filter(c -> !isSpace(c)).forEach(out::appendCodePoint);
    return out.toString();
  }

  /** Folded letters and digits only: two texts that differ in spacing or punctuation are equal. */
  /** The letters and digits of a text, folded: what "the same result pasted again" compares. */
  public static String essence(String text) {
    StringBuilder out = new StringBuilder(text.length());
    fold(text).codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
    return out.toString();
  }
}
