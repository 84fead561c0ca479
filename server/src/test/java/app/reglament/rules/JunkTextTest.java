package app.reglament.rules;

import static org.assertj.core.api.Assertions.assertThat;

import app.reglament.rules.JunkText.Context;
import app.reglament.rules.JunkText.Reason;
import app.reglament.rules.JunkText.Settings;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JunkTextTest {
  private final JunkText junk = new JunkText(Settings.DEFAULTS);

  private Optional<Reason> reason(String text) {
    return junk.check(text, Context.NONE).map(JunkText.Verdict::reason);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "   \t\n ", "\u00a0\u2003"})
  void blankTextIsEmpty(String text) {
    assertThat(reason(text)).contains(Reason.EMPTY);
    assertThat(junk.checkField(text).map(JunkText.Verdict::reason)).contains(Reason.EMPTY);
  }

  @Test
  void nullIsEmpty() {
    assertThat(reason(null)).contains(Reason.EMPTY);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "+",
        "-",
        "—",
        ".",
        "ок",
        "Ок",
        "ОК",
        "ok",
        "OK",
        "Ok.",
        "да",
        "Да!",
        " да ",
        "нет",
        "Готово",
        "сделано",
        "Выполнено.",
        "done",
        "Done!"
      })
  void placeholdersArePlaceholders(String text) {
    assertThat(reason(text)).contains(Reason.PLACEHOLDER);
  }

  @Test
  void placeholdersComeFromTheSettings() {
    JunkText custom = new JunkText(new Settings(10, List.of("Звонил")));
    assertThat(custom.check("звонил", Context.NONE).map(JunkText.Verdict::reason))
        .contains(Reason.PLACEHOLDER);
    assertThat(custom.check("ок", Context.NONE).map(JunkText.Verdict::reason))
        .contains(Reason.TOO_SHORT);
  }

  @ParameterizedTest
  @ValueSource(strings = {"...", "?!", ",,,", "!!!!!!", "++", "👍", "🙂🙂", "— —", "***"})
  void textWithoutLettersOrDigitsIsPunctuationOnly(String text) {
    assertThat(reason(text)).contains(Reason.PUNCTUATION_ONLY);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Перезвоню", "Недозвон", "Думает", "Занято", "Call back", "12345"})
  void fewerThanTenLettersIsTooShort(String text) {
    assertThat(reason(text)).contains(Reason.TOO_SHORT);
  }

  @Test
  void lengthCountsLettersNotCharacters() {
    // nine letters, padded with digits, spaces and emoji to well over ten characters
    assertThat(reason("Звонил 12 34 56 👍👍")).contains(Reason.TOO_SHORT);
    assertThat(reason("Звонил Ивану")).isEmpty();
    assertThat(new JunkText(new Settings(3, List.of())).check("Уфа", Context.NONE)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ааааааааааааа",
        "ппппппппппп",
        "ababab",
        "ABABABAB",
        "абвабвабвабв",
        "ёёёёеееее",
        "Ааааааа, не дозвонился сегодня",
        "хахахахахаха",
        "a a a a a a a"
      })
  void repeatedCharactersAreRepeated(String text) {
    assertThat(reason(text)).contains(Reason.REPEATED_CHARACTERS);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "фывапролджэ",
        "йцукенгшщз",
        "asdfghjkl",
        "qwertyuiop",
        "jkl;",
        "олдж",
        "ЙЦУКЕН клиент",
        "Клиент asdfg",
        "фывfghjk",
        "ьтимсч",
        "poiuytrewq",
        "zxcvbnm"
      })
  void neighbouringKeysAreMashInEitherLayout(String text) {
    assertThat(reason(text)).contains(Reason.KEYBOARD_MASH);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Перезвонить клиенту|Перезвонить клиенту",
        "перезвонить   КЛИЕНТУ.|Перезвонить клиенту",
        "Отправить коммерческое предложение!|Отправить коммерческое предложение",
        "Подтвердить время замёра|Подтвердить время замера",
        "Call the client back|call the client, back"
      })
  void theTasksOwnTextIsACopy(String result, String task) {
    assertThat(junk.check(result, Context.of(task, null)).map(JunkText.Verdict::reason))
        .contains(Reason.COPY_OF_TASK_TEXT);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Клиент думает до пятницы, созвон 12.06|Клиент думает до пятницы, созвон 12.06",
        "клиент думает до пятницы созвон 1206|Клиент думает до пятницы, созвон 12.06",
        "Отправил КП, ждёт ответа до среды|отправил кп ждет ответа до среды"
      })
  void thePreviousResultAgainIsACopy(String result, String previous) {
    assertThat(junk.check(result, Context.of("Перезвонить клиенту", previous)))
        .map(JunkText.Verdict::reason)
        .contains(Reason.SAME_AS_PREVIOUS);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Клиент перезвонит в пятницу",
        "Договорились о встрече 12.06",
        "Отправил КП на почту",
        "Не дозвонился, занято",
        "Ок, клиент согласен, отправляю договор",
        "Да, подтвердил замер на завтра",
        "Клиент сказал ок, ждём оплату",
        "Sent the offer, client answers on Friday",
        "Отправил offer на email, ждём ответ",
        "Клиент доволен 👍 монтаж в среду",
        "Замер провели, ещё 3 проёма, счёт до 12.06",
        "Созвонились с ООО «Ромашка», ИП Петров подпишет договор"
      })
  void realShortBusinessResultsAreNotJunk(String text) {
    assertThat(junk.check(text, Context.of("Перезвонить клиенту", "Отправил договор на подпись")))
        .isEmpty();
  }

  @Test
  void aResultThatOnlyStartsLikeTheTaskIsNotACopy() {
    Context context = Context.of("Перезвонить клиенту", "Перезвонить клиенту не удалось");
    assertThat(junk.check("Перезвонить клиенту в пятницу после обеда", context)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"-", "...", "аааааа", "фывапр", "", "ок", "👍", "qwerty"})
  void junkFieldValuesAreJunk(String value) {
    assertThat(junk.checkField(value)).isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Уфа", "ИП", "ООО", "1000", "Окна ПВХ", "СПб", "Ёлки", "12.06.2025"})
  void shortRealFieldValuesAreNotJunk(String value) {
    assertThat(junk.checkField(value)).isEmpty();
  }

  @Test
  void everyReasonHasAStableCodeAndBothTexts() {
    for (Reason reason : Reason.values()) {
      assertThat(reason.code()).matches("[a-z_]+");
      assertThat(reason.russian()).matches(".*[а-яА-Я].*");
      assertThat(reason.english()).matches("[ -~]+");
    }
    assertThat(junk.check("ок", Context.NONE).orElseThrow().code()).isEqualTo("placeholder");
  }

  @Test
  void veryLongTextsTakeLinearTime() {
    String real = "Клиент подтвердил замер, ждём фото проёмов. ".repeat(50_000);
    String repeated = "ab".repeat(1_000_000);
    long started = System.nanoTime();
    assertThat(junk.check(real, Context.of(real, real + "!")))
        .map(v -> v.reason())
        .contains(Reason.COPY_OF_TASK_TEXT);
    assertThat(reason(repeated)).contains(Reason.REPEATED_CHARACTERS);
    assertThat(reason(real)).isEmpty();
    assertThat(junk.checkField(real)).isEmpty();
    // a quadratic rule would take minutes on two million characters
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
  }
}
