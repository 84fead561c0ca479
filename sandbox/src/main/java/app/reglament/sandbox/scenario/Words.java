package app.reglament.sandbox.scenario;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The Russian vocabulary of the generated department: people, products, cities, sources, streets. A
 * window and door company, the kind of business the regulations article was written for.
 */
final class Words {
  private Words() {}

  static final String COMPANY = "Тёплый дом — окна и двери";
  static final String SUBDOMAIN = "teplydom";
  static final String MAIL_DOMAIN = "teplydom.ru";

  static final String HEAD = "Ольга Смирнова";

  /** Managers' names in the order they are hired; the generator takes the first N. */
  static final List<String> STAFF =
      List.of(
          "Андрей Волков",
          "Екатерина Морозова",
          "Дмитрий Лебедев",
          "Анна Козлова",
          "Сергей Новиков",
          "Мария Павлова",
          "Игорь Соколов",
          "Наталья Егорова",
          "Алексей Фёдоров",
          "Юлия Орлова",
          "Павел Захаров",
          "Татьяна Васильева",
          "Максим Николаев",
          "Ирина Макарова",
          "Роман Зайцев",
          "Светлана Белова",
          "Константин Комаров",
          "Елена Киселёва",
          "Виктор Медведев",
          "Оксана Ершова",
          "Никита Тарасов",
          "Валерия Никитина",
          "Григорий Ковалёв",
          "Дарья Гусева",
          "Артём Титов",
          "Ксения Кузьмина",
          "Олег Баранов",
          "Алина Куликова",
          "Владимир Филиппов",
          "Полина Андреева",
          "Евгений Мельников",
          "Вера Щербакова",
          "Станислав Блинов",
          "Людмила Осипова",
          "Антон Сидоров",
          "Галина Калинина",
          "Илья Антонов",
          "Марина Денисова",
          "Василий Крылов",
          "Жанна Воробьёва");

  static final List<String> MALE_FIRST =
      List.of(
          "Александр",
          "Михаил",
          "Иван",
          "Николай",
          "Владислав",
          "Евгений",
          "Кирилл",
          "Олег",
          "Юрий",
          "Степан",
          "Тимур",
          "Руслан",
          "Вадим",
          "Фёдор",
          "Георгий",
          "Леонид",
          "Борис",
          "Матвей",
          "Ярослав",
          "Арсений",
          "Данила",
          "Пётр",
          "Семён",
          "Эдуард");

  static final List<String> FEMALE_FIRST =
      List.of(
          "Елена",
          "Ольга",
          "Светлана",
          "Людмила",
          "Надежда",
          "Алла",
          "Виктория",
          "Кристина",
          "Анастасия",
          "Евгения",
          "Лариса",
          "Тамара",
          "Вероника",
          "Зоя",
          "Маргарита",
          "Диана",
          "Элина",
          "Софья",
          "Любовь",
          "Регина",
          "Нина",
          "Инна",
          "Яна",
          "Олеся");

  /** Surnames in the masculine form; the feminine adds "а" (or turns "-ский" into "-ская"). */
  static final List<String> SURNAMES =
      List.of(
          "Иванов",
          "Петров",
          "Сидоров",
          "Кузнецов",
          "Попов",
          "Васнецов",
          "Соловьёв",
          "Богданов",
          "Воронцов",
          "Голубев",
          "Дмитриев",
          "Жуков",
          "Карпов",
          "Латышев",
          "Миронов",
          "Носков",
          "Пахомов",
          "Родионов",
          "Савельев",
          "Третьяков",
          "Устинов",
          "Фомин",
          "Шаров",
          "Яковлев",
          "Полянский",
          "Вишневский",
          "Белинский",
          "Горский",
          "Островский",
          "Рябинин",
          "Калугин",
          "Лапин",
          "Зимин",
          "Ершов",
          "Громов",
          "Чернов");

  static final List<String> PRODUCTS =
      List.of(
          "Окна ПВХ",
          "Алюминиевые окна",
          "Остекление балкона",
          "Входные двери",
          "Межкомнатные двери",
          "Рольставни",
          "Москитные сетки",
          "Зимний сад");

  static final List<String> CITIES =
      List.of(
          "Москва",
          "Санкт-Петербург",
          "Казань",
          "Нижний Новгород",
          "Екатеринбург",
          "Самара",
          "Уфа",
          "Краснодар",
          "Воронеж",
          "Пермь",
          "Ростов-на-Дону",
          "Тверь");

  /** Lead sources and the channel a lead from there arrives through. */
  static final Map<String, Channel> SOURCES =
      orderedSources(
          "Сайт — форма заявки", Channel.FORM,
          "Яндекс.Директ", Channel.FORM,
          "Авито", Channel.CHAT,
          "Telegram", Channel.CHAT,
          "WhatsApp", Channel.CHAT,
          "Входящий звонок", Channel.CALL,
          "Рекомендация", Channel.FORM,
          "Повторное обращение", Channel.CALL);

  static final List<String> LOSS_REASONS =
      List.of(
          "Дорого",
          "Выбрал конкурента",
          "Не дозвонились",
          "Нет потребности",
          "Не устроили сроки",
          "Передумал");

  static final List<String> STREETS =
      List.of(
          "ул. Ленина",
          "ул. Гагарина",
          "ул. Садовая",
          "пр. Мира",
          "ул. Советская",
          "ул. Молодёжная",
          "ул. Школьная",
          "ул. Лесная",
          "ул. Набережная",
          "ул. Чехова",
          "ул. Пушкина",
          "пр. Победы",
          "ул. Заводская",
          "ул. Полевая",
          "ул. Кирова");

  static final List<String> NEEDS =
      List.of(
          "Замена окон в квартире, хотят тёплый профиль и шумоизоляцию",
          "Остекление загородного дома, важны сроки монтажа до осени",
          "Новая входная дверь с хорошей шумоизоляцией и замком",
          "Тёплое остекление лоджии с выносом и отделкой",
          "Комплект межкомнатных дверей для новой квартиры",
          "Рольставни на гараж и окна первого этажа",
          "Окна в офис, нужен безналичный расчёт и документы",
          "Замена старых деревянных рам на пластиковые");

  static final List<String> MESSENGERS = List.of("telegram", "whatsapp", "avito");

  enum Channel {
    /** A web form or an advert: the lead appears with no message to answer. */
    FORM,
    /** A chat message (Telegram, WhatsApp, Авито) that needs a reply. */
    CHAT,
    /** A missed call that needs a call-back. */
    CALL
  }

  static String feminine(String surname) {
    return surname.endsWith("ский")
        ? surname.substring(0, surname.length() - 2) + "ая"
        : surname + "а";
  }

  /** A client's full name, first name first, with the surname in the right gender. */
  static String clientName(RandomGenerator random) {
    String surname = pick(random, SURNAMES);
    if (random.nextBoolean()) {
      return pick(random, MALE_FIRST) + " " + surname;
    }
    return pick(random, FEMALE_FIRST) + " " + feminine(surname);
  }

  static <T> T pick(RandomGenerator random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  /** Latin login for an e-mail address: "Андрей Волков" → "a.volkov". */
  static String login(String fullName) {
    String[] parts = fullName.split(" ");
    return transliterate(parts[0]).substring(0, 1) + "." + transliterate(parts[1]);
  }

  private static final String CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя";
  private static final String[] LATIN = {
    "a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s",
    "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"
  };

  static String transliterate(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
      int at = CYRILLIC.indexOf(c);
      out.append(at >= 0 ? LATIN[at] : String.valueOf(c));
    }
    return out.toString();
  }

  private static Map<String, Channel> orderedSources(Object... pairs) {
    var map = new java.util.LinkedHashMap<String, Channel>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], (Channel) pairs[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(map);
  }
}
