package app.reglament.automation;

import app.reglament.rules.DealIndicator;
import app.reglament.rules.Finding;
import app.reglament.rules.Findings;
import app.reglament.rules.RuleContext;
import app.reglament.rules.config.RulesConfig;
import app.reglament.rules.facts.AccountFacts;
import app.reglament.rules.facts.AccountFacts.FieldDefinition;
import app.reglament.rules.facts.AccountFacts.StatusFacts;
import app.reglament.rules.facts.AccountFacts.UserFacts;
import app.reglament.rules.facts.DealFacts;
import app.reglament.rules.facts.FieldValue;
import app.reglament.rules.facts.StageChange;
import app.reglament.rules.facts.TaskFacts;
import app.reglament.rules.facts.Touch;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A small account for the automations' tests: a head, three managers and one who left, one pipeline
 * («Неразобранное», «Квалификация», «Замер» requiring «Продукт» and «Бюджет», won, lost). Moscow,
 * Monday to Friday 09:00–18:00; installed on Monday 2025-06-02 at 09:00.
 */
final class Facts {
  static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
  static final long ACCOUNT_ID = 1;
  static final long HEAD = 100;
  static final long IVAN = 101;
  static final long ANNA = 102;
  static final long OLEG = 104;
  static final long LEFT = 103;
  static final long PIPELINE = 7001;
  static final long UNSORTED = 10;
  static final long QUALIFICATION = 11;
  static final long MEASURING = 12;
  static final long PRODUCT = 501;
  static final long CITY = 502;
  static final long BUDGET = 503;
  static final String TEMPLATE = "{field:Продукт} / {contact} / {field:Город}";
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  static final Instant INSTALLED = moscow("2025-06-02 09:00");

  static final AccountFacts ACCOUNT =
      new AccountFacts(
          ACCOUNT_ID,
          Map.of(
              HEAD, new UserFacts(HEAD, "Ольга Руководитель", true, true),
              IVAN, new UserFacts(IVAN, "Иван Петров", false, true),
              ANNA, new UserFacts(ANNA, "Анна Смирнова", false, true),
              OLEG, new UserFacts(OLEG, "Олег Кузнецов", false, true),
              LEFT, new UserFacts(LEFT, "Пётр Ушедший", false, false)),
          Map.of(
              PIPELINE,
              List.of(
                  new StatusFacts(PIPELINE, UNSORTED, "Неразобранное", 10, 1),
                  new StatusFacts(PIPELINE, QUALIFICATION, "Квалификация", 20, 0),
                  new StatusFacts(PIPELINE, MEASURING, "Замер", 30, 0),
                  new StatusFacts(PIPELINE, DealFacts.WON, "Успешно реализовано", 10000, 0),
                  new StatusFacts(PIPELINE, DealFacts.LOST, "Закрыто и не реализовано", 11000, 0))),
          Map.of(
              PRODUCT, new FieldDefinition(PRODUCT, "Продукт", "select"),
              CITY, new FieldDefinition(CITY, "Город", "select"),
              BUDGET, new FieldDefinition(BUDGET, "Бюджет", "text")),
          Map.of(PIPELINE, "Частные клиенты"));

  /** The defaults with naming on, the head, and «Замер» requiring «Продукт» and «Бюджет». */
  static final RulesConfig RULES = rules(r -> r);

  private Facts() {}

  /** {@link #RULES} changed by {@code change}, given the builder of the defaults-based rules. */
  static RulesConfig rules(UnaryOperator<RulesConfig> change) {
    RulesConfig d = RulesConfig.defaults();
    return change.apply(
        new RulesConfig(
            MOSCOW,
            d.workingHours(),
            List.of(),
            List.of(HEAD),
            List.of(IVAN, ANNA, OLEG),
            new RulesConfig.Naming(true, TEMPLATE, true, true, null),
            d.firstContact(),
            List.of(new RulesConfig.Stage(PIPELINE, MEASURING, List.of(PRODUCT, BUDGET), null)),
            d.requiredFields(),
            d.taskResults(),
            d.lostDeals(),
            d.communications(),
            d.worktime(),
            d.score()));
  }

  static RulesConfig with(RulesConfig r, RulesConfig.Naming naming) {
    return r.toBuilder().naming(naming).build();
  }

  static RulesConfig with(RulesConfig r, RulesConfig.FirstContact firstContact) {
    return r.toBuilder().firstContact(firstContact).build();
  }

  static RulesConfig with(RulesConfig r, RulesConfig.RequiredFields requiredFields) {
    return r.toBuilder().requiredFields(requiredFields).build();
  }

  static RulesConfig with(RulesConfig r, RulesConfig.TaskResults taskResults) {
    return r.toBuilder().taskResults(taskResults).build();
  }

  static RulesConfig with(RulesConfig r, RulesConfig.LostDeals lostDeals) {
    return r.toBuilder().lostDeals(lostDeals).build();
  }

  static RulesConfig withStages(RulesConfig r, List<RulesConfig.Stage> stages) {
    return r.toBuilder().stages(stages).build();
  }

  static Instant moscow(String localDateTime) {
    return LocalDateTime.parse(localDateTime, LOCAL).atZone(MOSCOW).toInstant();
  }

  static RuleContext context(RulesConfig rules, String localNow) {
    return new RuleContext(rules, ACCOUNT, moscow(localNow));
  }

  static RuleContext context(String localNow) {
    return context(RULES, localNow);
  }

  /** What the indicator finds on the deal at that moment. */
  static List<Finding> findings(DealIndicator indicator, DealFacts deal, RuleContext context) {
    Findings out = new Findings(context.now());
    indicator.evaluate(deal, context, out);
    return out.list();
  }

  static Deal deal(long leadId) {
    return new Deal(leadId);
  }

  /** A deal: Иван Петров's, in «Квалификация», created on Tuesday 2025-06-03 at 10:00. */
  static final class Deal {
    private final long leadId;
    private String name = "Сделка";
    private Long responsible = IVAN;
    private long statusId = QUALIFICATION;
    private Instant createdAt = moscow("2025-06-03 10:00");
    private Instant updatedAt;
    private Instant closedAt;
    private final List<FieldValue> fields = new ArrayList<>();
    private String contactName;
    private final List<StageChange> stages = new ArrayList<>();
    private final List<TaskFacts> tasks = new ArrayList<>();
    private final List<Touch> touches = new ArrayList<>();

    private Deal(long leadId) {
      this.leadId = leadId;
    }

    Deal name(String value) {
      this.name = value;
      return this;
    }

    Deal responsible(Long value) {
      this.responsible = value;
      return this;
    }

    Deal status(long value) {
      this.statusId = value;
      return this;
    }

    Deal created(String local) {
      this.createdAt = moscow(local);
      return this;
    }

    /** The deal's last change in amoCRM; its creation when not set. */
    Deal updated(String local) {
      this.updatedAt = moscow(local);
      return this;
    }

    Deal contact(String value) {
      this.contactName = value;
      return this;
    }

    Deal field(long fieldId, String fieldName, String type, String... values) {
      fields.add(new FieldValue(fieldId, fieldName, type, List.of(values)));
      return this;
    }

    /** Окна ПВХ / Иван Сидоров / Казань. */
    Deal windows() {
      return contact("Иван Сидоров")
          .field(PRODUCT, "Продукт", "select", "Окна ПВХ")
          .field(CITY, "Город", "select", "Казань");
    }

    /** A recorded move from the current stage into {@code to}. */
    Deal moved(long to, String local) {
      Instant at = moscow(local);
      stages.add(new StageChange(PIPELINE, to, PIPELINE, statusId, responsible, at));
      statusId = to;
      if (to == DealFacts.WON || to == DealFacts.LOST) {
        closedAt = at;
      }
      return this;
    }

    Deal openTask(long taskId, String text, String dueLocal) {
      tasks.add(
          new TaskFacts(
              taskId, responsible, 1L, text, moscow(dueLocal), false, null, createdAt, null, null));
      return this;
    }

    Deal doneTask(long taskId, String text, String result, String completedLocal) {
      Instant done = moscow(completedLocal);
      tasks.add(
          new TaskFacts(taskId, responsible, 1L, text, done, true, result, createdAt, done, null));
      return this;
    }

    Deal call(String local) {
      Instant at = moscow(local);
      touches.add(new Touch("event:call" + at, "call", true, false, responsible, at));
      return this;
    }

    Deal chat(String local) {
      Instant at = moscow(local);
      touches.add(new Touch("event:chat" + at, "chat", true, false, responsible, at));
      return this;
    }

    DealFacts build() {
      return new DealFacts(
          leadId,
          name,
          responsible,
          PIPELINE,
          statusId,
          null,
          createdAt,
          updatedAt == null ? createdAt : updatedAt,
          closedAt,
          false,
          fields,
          contactName,
          null,
          stages,
          tasks,
          touches,
          List.of());
    }
  }
}
