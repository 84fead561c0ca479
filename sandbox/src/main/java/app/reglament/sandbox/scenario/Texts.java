package app.reglament.sandbox.scenario;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * What managers write: task texts per stage and task results. A real result names the client, the
 * product and the next step, so results are built from templates with specifics, and each is unique
 * for its manager: the "previous result pasted again" mistake exists only where planted.
 */
final class Texts {
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
  private static final int MAX_TRIES = 60;
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\p{Punct}\\s]+$");

  /** The result templates for the closing touch of a won deal. */
  static final int WON_RESULTS = 6;

  /** Task texts by stage index (0 = incoming), retail pipeline. */
  private static final List<List<String>> RETAIL_TASKS =
      List.of(
          List.of(Regulations.CONTACT_TASK_TEXT),
          List.of("Выявить потребность и назначить замер", "Перезвонить клиенту"),
          List.of("Провести замер", "Подтвердить время замера"),
          List.of("Отправить коммерческое предложение", "Уточнить решение по КП"),
          List.of("Обсудить условия и скидку", "Перезвонить по решению клиента"),
          List.of("Подписать договор", "Проконтролировать оплату"));

  private static final List<List<String>> B2B_TASKS =
      List.of(
          List.of(Regulations.CONTACT_TASK_TEXT),
          List.of("Выяснить объём и сроки проекта", "Перезвонить клиенту"),
          List.of("Провести презентацию", "Отправить каталог и образцы"),
          List.of("Отправить коммерческое предложение", "Согласовать спецификацию"),
          List.of("Согласовать договор", "Проконтролировать оплату"));

  /** Result templates by stage index; the last list is for the final touch of a won deal. */
  private static final List<List<String>> RESULTS =
      List.of(
          List.of(
              "Дозвонился, {name} интересуется «{product}», договорились созвониться {date} в {time}",
              "Связался с клиентом, задача «{product}» в городе {city}, жду фото проёмов до {date}",
              "Поговорил с клиентом ({name}): нужен расчёт «{product}», консультация {date} в {time}",
              "Клиент на связи, просит перезвонить {date} после {time}, интересует «{product}»",
              "Ответил клиенту в мессенджере, {name} хочет «{product}», созвон {date} в {time}"),
          List.of(
              "Выяснил потребность: «{product}», проёмов: {n}, бюджет около {amount} руб., созвон {date}",
              "{name} подтвердил интерес к «{product}», просит расчёт на {n} шт., замер {date} в {time}",
              "Клиент выбирает между двумя профилями, выслал сравнение, созвон {date} в {time}",
              "Обсудили сроки: монтаж нужен до {date}, {name} ждёт замерщика в {time}"),
          List.of(
              "Замер провели, проёмов: {n}, адрес подтверждён, расчёт отправлю до {date}",
              "Подтвердил замер с клиентом на {date} в {time}, мастер предупреждён",
              "Мастер съездил на объект, позиций: {n}, {name} ждёт смету до {date}",
              "Перенесли замер по просьбе клиента на {date} в {time}, адрес уточнён"),
          List.of(
              "Отправил КП на {amount} руб. на почту, {name} обещал ответить до {date}",
              "Обсудили КП, клиент сравнивает с другим предложением, созвон {date} в {time}",
              "Пересчитал КП без монтажа откосов, вышло {amount} руб., {name} думает до {date}",
              "Клиент получил КП, вопросы по срокам производства, перезвоню {date} в {time}"),
          List.of(
              "Согласовали скидку {n}% при оплате до {date}, клиент советуется с семьёй",
              "{name} готов подписать при монтаже до {date}, уточняю у производства",
              "Торгуемся по цене, предложил рассрочку (месяцев: {n}), ответ {date} в {time}",
              "Клиент просит бесплатную доставку, согласовал с руководителем, созвон {date}"),
          List.of(
              "Договор подписан, предоплата {amount} руб. ожидается до {date}",
              "Отправил договор на подпись, {name} вернёт скан до {date} в {time}",
              "Счёт на {amount} руб. выставлен, клиент оплатит до {date}",
              "Согласовали график оплаты, платежей: {n}, первый до {date}"),
          List.of(
              "Оплата {amount} руб. получена, заказ передан в производство, монтаж {date}",
              "Клиент оплатил {amount} руб. полностью, монтаж назначен на {date} в {time}",
              "Получили предоплату {amount} руб., {name} подписал акт, доставка {date}"));

  private static final List<String> LOSS_RESULTS =
      List.of(
          "Клиент отказался, причина: {reason}, предложил вернуться к разговору после {date}",
          "{name} сообщил об отказе ({reason}), договорились написать ему {date}",
          "Отказ клиента: {reason}, отправил напоследок каталог акций до {date}");

  private static final List<String> CLOSING_COMMENTS =
      List.of(
          "Закрываю сделку: {reason}. Клиент предупреждён, контакты сохранены",
          "Сделка проиграна, причина: {reason}. Предложили вернуться через месяц",
          "Отказ ({reason}), три попытки связи были, клиент окончательно решил");

  private static final List<String> WORK_NOTES =
      List.of(
          "Клиент просит звонить после обеда, днём на работе",
          "Уточнить у производства наличие профиля перед следующим звонком",
          "Клиент просит присылать документы только на почту",
          "Договорились общаться в мессенджере, звонки неудобны");

  private final Map<Long, Set<String>> usedByManager = new HashMap<>();

  static String taskText(boolean b2b, int stageIndex, RandomGenerator random) {
    List<String> options = (b2b ? B2B_TASKS : RETAIL_TASKS).get(stageIndex);
    return Words.pick(random, options);
  }

  static boolean isMeeting(String taskText) {
    return taskText.startsWith("Провести");
  }

  /** Variables a result may mention. */
  record Facts(String clientFirstName, String product, String city, String reason, Instant at) {}

  /**
   * A real result for a task of {@code stageIndex} (6 = the final touch of a won deal), never
   * written before by this manager.
   */
  String result(long managerId, int stageIndex, Facts facts, RandomGenerator random) {
    List<String> templates = RESULTS.get(Math.min(stageIndex, WON_RESULTS));
    return unique(managerId, templates, facts, random);
  }

  String lossResult(long managerId, Facts facts, RandomGenerator random) {
    return unique(managerId, LOSS_RESULTS, facts, random);
  }

  static String closingComment(Facts facts, RandomGenerator random) {
    return fill(Words.pick(random, CLOSING_COMMENTS), facts, random);
  }

  static String workNote(RandomGenerator random) {
    return Words.pick(random, WORK_NOTES);
  }

  /** Remembers a result written by other means (a planted copy) so it is never reused. */
  void remember(long managerId, String text) {
    usedByManager.computeIfAbsent(managerId, id -> new HashSet<>()).add(normalize(text));
  }

  private String unique(
      long managerId, List<String> templates, Facts facts, RandomGenerator random) {
    Set<String> used = usedByManager.computeIfAbsent(managerId, id -> new HashSet<>());
    for (int i = 0; i < MAX_TRIES; i++) {
      String text = fill(Words.pick(random, templates), facts, random);
      if (used.add(normalize(text))) {
        return text;
      }
    }
    throw new IllegalStateException("no unique result for manager " + managerId);
  }

  private static String fill(String template, Facts facts, RandomGenerator random) {
    LocalDateTime at = LocalDateTime.ofInstant(facts.at(), WorkCalendar.MOSCOW);
    LocalDateTime next = at.plusDays(1 + random.nextInt(12));
    String time =
        next.withHour(10 + random.nextInt(7)).withMinute(10 * random.nextInt(6)).format(TIME);
    long amount = 15_000 + 500L * random.nextInt(1_700);
    return template
        .replace("{name}", facts.clientFirstName())
        .replace("{product}", facts.product())
        .replace("{city}", facts.city())
        .replace("{reason}", facts.reason() == null ? "" : facts.reason().toLowerCase(Locale.ROOT))
        .replace("{date}", next.format(DATE))
        .replace("{time}", time)
        .replace("{amount}", grouped(amount))
        .replace("{n}", Integer.toString(2 + random.nextInt(11)));
  }

  /** Lower case, single spaces, no trailing punctuation: two results are "the same" by this. */
  static String normalize(String text) {
    String lower = SPACES.matcher(text.toLowerCase(Locale.ROOT).trim()).replaceAll(" ");
    return TRAILING_PUNCTUATION.matcher(lower).replaceAll("");
  }

  /** 184500 → "184 500", as amounts are written in Russian. */
  static String grouped(long amount) {
    String digits = Long.toString(amount);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < digits.length(); i++) {
      if (i > 0 && (digits.length() - i) % 3 == 0) {
        out.append(' ');
      }
      out.append(digits.charAt(i));
    }
    return out.toString();
  }
}
