package app.reglament.sandbox.scenario;

import app.reglament.sandbox.scenario.DealSlot.Outcome;
import app.reglament.sandbox.scenario.Words.Channel;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * Who the client is: name, phone, what he wants (every field's value as he would give it, some
 * known from the start), and how he came in (form, chat or call).
 */
final class Client {

  private static final double PRODUCT_KNOWN_SHARE = 0.6;
  private static final double CITY_KNOWN_SHARE = 0.5;

  private final WorkCalendar calendar;

  Client(LifeContext context) {
    this.calendar = context.calendar();
  }

  /** Names the client and decides every field's value; the source says how he came in. */
  void decide(Story story, Department.Funnel funnel, Random random) {
    DealSlot slot = story.slot;
    story.contactName = Words.clientName(random);
    story.clientFirstName = story.contactName.substring(0, story.contactName.indexOf(' '));
    story.phone = phone(slot.index(), random);
    Channel channel = channelFor(slot, random);
    List<String> sources =
        Words.SOURCES.entrySet().stream()
            .filter(e -> e.getValue() == channel)
            .map(java.util.Map.Entry::getKey)
            .toList();
    story.channel = channel;
    story.values.put(LeadField.SOURCE, Words.pick(random, sources));
    story.values.put(LeadField.PRODUCT, Words.pick(random, Words.PRODUCTS));
    story.values.put(LeadField.CITY, Words.pick(random, Words.CITIES));
    story.values.put(LeadField.BUDGET, Long.toString(40_000 + 1_000L * random.nextInt(1_400)));
    story.values.put(LeadField.AREA, Integer.toString(3 + random.nextInt(58)));
    story.values.put(
        LeadField.ADDRESS, address(story.values.get(LeadField.CITY), funnel.main(), random));
    story.values.put(LeadField.NEED, Words.pick(random, Words.NEEDS));
    if (!funnel.main()) {
      story.values.put(LeadField.INN, inn(random));
    }
    story.filled.put(LeadField.SOURCE, story.values.get(LeadField.SOURCE));
    // A wrong name needs something to be wrong about: the product is known from the start.
    boolean productFirst =
        slot.has(Plan.NAMING_STALE_PRODUCT) || slot.has(Plan.NAMING_NO_SEPARATORS);
    if (productFirst || random.nextDouble() < PRODUCT_KNOWN_SHARE) {
      story.filled.put(LeadField.PRODUCT, story.values.get(LeadField.PRODUCT));
    }
    if (random.nextDouble() < CITY_KNOWN_SHARE) {
      story.filled.put(LeadField.CITY, story.values.get(LeadField.CITY));
    }
  }

  /**
   * Leads planted with a mistake or a first-contact edge case arrive by form, so no message clouds
   * the picture. A lost deal is worked by phone from the start: its contact attempts are calls on
   * the deal, three or more under any reading of "attempt".
   */
  private static Channel channelFor(DealSlot slot, Random random) {
    Plan plan = slot.plan();
    boolean firstContactEdge =
        plan == Plan.HOLIDAY_ON_TIME
            || plan == Plan.FIRST_CONTACT_BY_TASK
            || plan == Plan.FIRST_CONTACT_BY_CONTACT_SMS
            || plan == Plan.FRIDAY_NIGHT_ON_TIME;
    if (plan != null && (plan.isMistake() || firstContactEdge)) {
      return Channel.FORM;
    }
    double roll = random.nextDouble();
    if (slot.outcome() == Outcome.LOST) {
      return roll < 0.75 ? Channel.FORM : Channel.CALL;
    }
    return roll < 0.55 ? Channel.FORM : roll < 0.8 ? Channel.CHAT : Channel.CALL;
  }

  /**
   * A chat that opens a deal is answered within the same working day, or the lead came by form: a
   * message is then on time whether replies are counted in working or in clock minutes.
   */
  void settleChannel(Story story, Instant firstContact, Random random) {
    boolean sameDay =
        firstContact != null
            && calendar.isWorking(story.createdAt)
            && calendar.date(story.createdAt).equals(calendar.date(firstContact));
    if (story.channel == Channel.CHAT && !sameDay) {
      story.channel = Channel.FORM;
      List<String> forms =
          Words.SOURCES.entrySet().stream()
              .filter(e -> e.getValue() == Channel.FORM)
              .map(java.util.Map.Entry::getKey)
              .toList();
      String source = Words.pick(random, forms);
      story.values.put(LeadField.SOURCE, source);
      story.filled.put(LeadField.SOURCE, source);
    }
  }

  private static String phone(int index, Random random) {
    // The deal index makes the number unique; the operator code makes it look real.
    int operator = 900 + random.nextInt(99);
    int number = 1_000_000 + index * 37 % 9_000_000;
    String digits = Integer.toString(number);
    return "+7 "
        + operator
        + " "
        + digits.substring(0, 3)
        + "-"
        + digits.substring(3, 5)
        + "-"
        + digits.substring(5, 7);
  }

  /** With the city first: at least ten letters, so no reading of "too short" touches it. */
  private static String address(String city, boolean retail, Random random) {
    String street =
        "г. "
            + city
            + ", "
            + Words.pick(random, Words.STREETS)
            + ", д. "
            + (1 + random.nextInt(120));
    return retail
        ? street + ", кв. " + (1 + random.nextInt(300))
        : street + ", стр. " + (1 + random.nextInt(6));
  }

  private static String inn(Random random) {
    String[] regions = {"77", "78", "16", "52", "66", "63"};
    StringBuilder digits = new StringBuilder(regions[random.nextInt(regions.length)]);
    while (digits.length() < 10) {
      digits.append(random.nextInt(10));
    }
    return digits.toString();
  }
}
