package app.reglament.widgetapi;

import app.reglament.rules.Explanation;
import app.reglament.rules.Indicator;
import java.util.EnumMap;
import java.util.Map;

/**
 * What to do about a violation of each indicator, in one line: the hint the card shows under the
 * violation's own explanation (which says what exactly is wrong with this deal).
 */
final class FixHints {
  private static final Map<Indicator, Explanation> HINTS = new EnumMap<>(Indicator.class);

  static {
    hint(
        Indicator.FIRST_CONTACT,
        "Свяжитесь с клиентом: позвоните или напишите ему.",
        "Contact the client: call or write to them.");
    hint(
        Indicator.STUCK_DEAL,
        "Договоритесь о следующем шаге и переведите сделку дальше или закройте её.",
        "Agree the next step and move the deal on, or close it.");
    hint(
        Indicator.OVERDUE_TASK,
        "Выполните просроченную задачу и запишите её результат.",
        "Complete the overdue task and record its result.");
    hint(
        Indicator.NO_TASK,
        "Поставьте задачу со следующим шагом по сделке.",
        "Set a task with the next step on the deal.");
    hint(
        Indicator.TASK_RESULT,
        "Опишите результат по существу: что сделано и о чём договорились.",
        "Describe the result: what was done and what was agreed.");
    hint(
        Indicator.COMMUNICATION,
        "Ответьте клиенту или перезвоните ему.",
        "Reply to the client or call them back.");
    hint(
        Indicator.REQUIRED_FIELDS,
        "Заполните обязательные поля этапа настоящими значениями.",
        "Fill in the stage's required fields with real values.");
    hint(
        Indicator.NAMING,
        "Назовите сделку по шаблону регламента.",
        "Name the deal after the regulations' template.");
    hint(
        Indicator.LOST_DEAL,
        "Укажите причину отказа и закрывающий комментарий; до отказа сделайте положенные попытки"
            + " связаться.",
        "Give the loss reason and a closing comment; make the required contact attempts before a"
            + " loss.");
    hint(
        Indicator.WORKTIME,
        "Работайте в CRM положенное регламентом время.",
        "Spend the time the regulations expect working in the CRM.");
  }

  private FixHints() {}

  private static void hint(Indicator indicator, String russian, String english) {
    HINTS.put(indicator, new Explanation(russian, english));
  }

  /** The hint for an indicator code; null for a code this version does not know. */
  static Explanation of(String indicatorCode) {
    return Indicator.byCode(indicatorCode).map(HINTS::get).orElse(null);
  }
}
