package app.reglament.rules.indicators;

import app.reglament.rules.Finding;
import app.reglament.rules.Findings;
import app.reglament.rules.RuleContext;
import app.reglament.rules.config.RulesConfig;
import app.reglament.rules.facts.AccountFacts;
import app.reglament.rules.facts.DealFacts;
import app.reglament.rules.facts.FieldValue;
import app.reglament.rules.facts.NoteFacts;
import app.reglament.rules.facts.StageChange;
import app.reglament.rules.facts.TaskFacts;
import app.reglament.rules.facts.Touch;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A small account for the indicators' tests: a head, two managers and a deactivated user, one
 * pipeline (unsorted, four regular stages, won, lost), three deal fields, Moscow's default working
 * hours with Russia Day (Wednesday 2024-06-12) as a holiday. Times are written as Moscow local
 * times; in June 2024 the 3rd, 10th and 17th are Mondays.
 */
final class FactsFixture {
  static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
  static final long ACCOUNT = 30_100_001L;
  static final long HEAD = 1;
  static final long MANAGER = 11;
  static final long OTHER_MANAGER = 12;
  static final long FORMER = 13;
  static final long ROBOT = 0;

  static final long PIPELINE = 500;
  static final long UNSORTED = 5000;
  static final long QUALIFICATION = 5001;
  static final long MEASURE = 5002;
  static final long OFFER = 5003;
  static final long CONTRACT = 5004;

  static final long CITY = 701;
  static final long BUDGET = 702;
  static final long ADDRESS = 703;

  static final LocalDate HOLIDAY = LocalDate.parse("2024-06-12");

  static final AccountFacts ACCOUNT_FACTS =
      new AccountFacts(
          ACCOUNT,
          Map.of(
              HEAD, new AccountFacts.UserFacts(HEAD, "Ольга Руководитель", true, true),
              MANAGER, new AccountFacts.UserFacts(MANAGER, "Иван Петров", false, true),
              OTHER_MANAGER,
                  new AccountFacts.UserFacts(OTHER_MANAGER, "Анна Смирнова", false, true),
              FORMER, new AccountFacts.UserFacts(FORMER, "Пётр Уволенный", false, false)),
          Map.of(
              PIPELINE,
              List.of(
                  status(UNSORTED, "Неразобранное", 10, 1),
                  status(QUALIFICATION, "Квалификация", 20, 0),
                  status(MEASURE, "Замер назначен", 30, 0),
                  status(OFFER, "Расчёт и КП", 40, 0),
                  status(CONTRACT, "Договор", 50, 0),
                  status(DealFacts.WON, "Успешно реализовано", 10000, 0),
                  status(DealFacts.LOST, "Закрыто и не реализовано", 11000, 0))),
          Map.of(
              CITY, new AccountFacts.FieldDefinition(CITY, "Город", "select"),
              BUDGET, new AccountFacts.FieldDefinition(BUDGET, "Бюджет", "numeric"),
              ADDRESS, new AccountFacts.FieldDefinition(ADDRESS, "Адрес объекта", "text")));

  private FactsFixture() {}

  private static AccountFacts.StatusFacts status(long id, String name, int sort, int type) {
    return new AccountFacts.StatusFacts(PIPELINE, id, name, sort, type);
  }

  /** A Moscow local time, "2024-06-03T10:15". */
  static Instant at(String local) {
    return LocalDateTime.parse(local).atZone(MOSCOW).toInstant();
  }

  /** The defaults, the holiday, heads [HEAD], and required fields on two stages. */
  static RulesConfig rules() {
    RulesConfig d = RulesConfig.defaults();
    return new RulesConfig(
        d.timezone(),
        d.workingHours(),
        List.of(HOLIDAY),
        List.of(HEAD),
        null,
        d.naming(),
        d.firstContact(),
        List.of(
            new RulesConfig.Stage(PIPELINE, QUALIFICATION, List.of(), 5),
            new RulesConfig.Stage(PIPELINE, MEASURE, List.of(CITY, ADDRESS), 7),
            new RulesConfig.Stage(PIPELINE, OFFER, List.of(CITY, ADDRESS, BUDGET), 7)),
        d.requiredFields(),
        d.taskResults(),
        d.lostDeals(),
        d.communications(),
        d.worktime(),
        d.score());
  }

  static RuleContext context(String now) {
    return new RuleContext(rules(), ACCOUNT_FACTS, at(now));
  }

  static RuleContext context(RulesConfig rules, String now) {
    return new RuleContext(rules, ACCOUNT_FACTS, at(now));
  }

  /** The same rules with other lost-deal regulations. */
  static RulesConfig withLostDeals(boolean requireReason, int minContactAttempts) {
    return rules().toBuilder()
        .lostDeals(
            new RulesConfig.LostDeals(true, "Проверить сделку", requireReason, minContactAttempts))
        .build();
  }

  /** The same rules with an explicit list of managers. */
  static RulesConfig withManagers(List<Long> managers) {
    return rules().toBuilder().managers(managers).build();
  }

  static Findings run(app.reglament.rules.DealIndicator indicator, DealFacts deal, RuleContext c) {
    Findings out = new Findings(c.now());
    indicator.evaluate(deal, c, out);
    return out;
  }

  static Finding only(Findings findings) {
    List<Finding> list = findings.list();
    if (list.size() != 1) {
      throw new AssertionError("expected one finding, got " + list);
    }
    return list.get(0);
  }

  static Deal deal(long leadId) {
    return new Deal(leadId);
  }

  /**
   * A deal, built up fluently; by default MANAGER's, in QUALIFICATION, created 2024-06-03 09:00.
   */
  static final class Deal {
    private final long leadId;
    private Long responsible = MANAGER;
    private long statusId = QUALIFICATION;
    private Long lossReasonId;
    private Instant createdAt = at("2024-06-03T09:00");
    private Instant closedAt;
    private boolean deleted;
    private final List<FieldValue> fields = new ArrayList<>();
    private final List<StageChange> stages = new ArrayList<>();
    private final List<Touch> touches = new ArrayList<>();
    private final List<NoteFacts> notes = new ArrayList<>();
    private long nextKey = 1;

    private Deal(long leadId) {
      this.leadId = leadId;
    }

    Deal responsible(Long userId) {
      responsible = userId;
      return this;
    }

    Deal status(long statusId) {
      this.statusId = statusId;
      return this;
    }

    Deal lossReason(Long id) {
      lossReasonId = id;
      return this;
    }

    Deal closedAt(String local) {
      closedAt = at(local);
      return this;
    }

    Deal deleted() {
      deleted = true;
      return this;
    }

    Deal field(long fieldId, String type, String... values) {
      fields.add(new FieldValue(fieldId, "field " + fieldId, type, List.of(values)));
      return this;
    }

    /** A move from one stage to another at a local time, by MANAGER. */
    Deal moved(long from, long to, String local) {
      stages.add(new StageChange(PIPELINE, to, PIPELINE, from, MANAGER, at(local)));
      statusId = to;
      return this;
    }

    Deal incoming(String channel, String local) {
      return touch(channel, false, false, null, local);
    }

    Deal missedCall(String local) {
      return touch("call", false, true, null, local);
    }

    Deal answeredIncomingCall(String local) {
      return touch("call", false, false, MANAGER, local);
    }

    Deal outgoing(String channel, String local) {
      return touch(channel, true, false, MANAGER, local);
    }

    Deal touch(String channel, boolean outgoing, boolean missed, Long userId, String local) {
      touches.add(new Touch("event:e-" + nextKey++, channel, outgoing, missed, userId, at(local)));
      return this;
    }

    Deal note(String type, Long createdBy, String local) {
      notes.add(new NoteFacts(notes.size() + 1, type, "Текст заметки", null, createdBy, at(local)));
      return this;
    }

    DealFacts build() {
      List<Touch> sortedTouches = new ArrayList<>(touches);
      sortedTouches.sort(Comparator.comparing(Touch::at));
      return new DealFacts(
          leadId,
          "Сделка " + leadId,
          responsible,
          PIPELINE,
          statusId,
          lossReasonId,
          createdAt,
          createdAt,
          closedAt,
          deleted,
          fields,
          "Клиент",
          null,
          stages,
          List.<TaskFacts>of(),
          sortedTouches,
          notes);
    }
  }
}
