package app.reglament.rules.indicators;

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
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Deals, tasks, touches and a small account for the indicators' tests. The account: a head, two
 * managers and a user who left, one pipeline (unsorted, «Квалификация» with a 5-day limit, «Замер»
 * with no limit of its own, won, lost), two select fields. Moscow time, Monday to Friday
 * 09:00–18:00, 2025-06-12 (Thursday, Russia Day) a holiday.
 */
final class DealFactsBuilder {
  static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
  static final long HEAD = 100;
  static final long MANAGER = 101;
  static final long OTHER_MANAGER = 102;
  static final long LEFT = 103;
  static final long PIPELINE = 7001;
  static final long OTHER_PIPELINE = 7002;
  static final long UNSORTED = 10;
  static final long QUALIFICATION = 11;
  static final long MEASURING = 12;
  static final long PRODUCT_FIELD = 501;
  static final long CITY_FIELD = 502;
  static final LocalDate HOLIDAY = LocalDate.parse("2025-06-12");
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  static final AccountFacts ACCOUNT =
      new AccountFacts(
          1,
          Map.of(
              HEAD, new UserFacts(HEAD, "Ольга Руководитель", true, true),
              MANAGER, new UserFacts(MANAGER, "Иван Петров", false, true),
              OTHER_MANAGER, new UserFacts(OTHER_MANAGER, "Анна Смирнова", false, true),
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
              PRODUCT_FIELD, new FieldDefinition(PRODUCT_FIELD, "Продукт", "select"),
              CITY_FIELD, new FieldDefinition(CITY_FIELD, "Город", "select")),
          Map.of(PIPELINE, "Частные клиенты"));

  /** DESIGN.md's defaults plus the test account's head, holiday and stage limits. */
  static final RulesConfig RULES =
      rules(
          r ->
              new RulesConfig(
                  MOSCOW,
                  r.workingHours(),
                  List.of(HOLIDAY),
                  List.of(HEAD),
                  null,
                  new RulesConfig.Naming(
                      true, "{field:Продукт} / {contact} / {field:Город}", true, true, null),
                  r.firstContact(),
                  List.of(
                      new RulesConfig.Stage(PIPELINE, UNSORTED, List.of(), 3),
                      new RulesConfig.Stage(PIPELINE, QUALIFICATION, List.of(), 5),
                      new RulesConfig.Stage(PIPELINE, MEASURING, List.of(PRODUCT_FIELD), null)),
                  r.requiredFields(),
                  r.taskResults(),
                  r.lostDeals(),
                  r.communications(),
                  r.worktime(),
                  r.score()));

  private final long leadId;
  private String name = "Сделка";
  private Long responsible = MANAGER;
  private long pipelineId = PIPELINE;
  private long statusId = QUALIFICATION;
  private Instant createdAt = moscow("2025-06-02 10:00");
  private Instant closedAt;
  private boolean deleted;
  private final List<FieldValue> fields = new ArrayList<>();
  private String contactName;
  private String companyName;
  private final List<StageChange> stages = new ArrayList<>();
  private final List<TaskFacts> tasks = new ArrayList<>();
  private final List<Touch> touches = new ArrayList<>();

  private DealFactsBuilder(long leadId) {
    this.leadId = leadId;
  }

  /** Deal {@code leadId}: Иван Петров's, in «Квалификация» since its creation on 2025-06-02. */
  static DealFactsBuilder deal(long leadId) {
    return new DealFactsBuilder(leadId);
  }

  static Instant moscow(String localDateTime) {
    return LocalDateTime.parse(localDateTime, LOCAL).atZone(MOSCOW).toInstant();
  }

  static String local(Instant t) {
    return t == null ? "-" : LOCAL.format(t.atZone(MOSCOW));
  }

  static RulesConfig rules(UnaryOperator<RulesConfig> change) {
    return change.apply(RulesConfig.defaults());
  }

  static RuleContext context(String localNow) {
    return new RuleContext(RULES, ACCOUNT, moscow(localNow));
  }

  /** The deal evaluated by the indicator at that moment. */
  static Findings evaluate(DealIndicator indicator, DealFacts deal, RuleContext context) {
    Findings out = new Findings(context.now());
    indicator.evaluate(deal, context, out);
    return out;
  }

  /**
   * The findings in one line each, for tables: "compliant lead:1 user 101 day 2025-06-16" or
   * "late_warning warning lead:1 user 101 day 2025-06-16 began 2025-06-16 10:15"; "none" when the
   * deal has no item.
   */
  static String summary(Findings findings) {
    if (findings.list().isEmpty()) {
      return "none";
    }
    return findings.list().stream()
        .map(DealFactsBuilder::summary)
        .collect(Collectors.joining("; "));
  }

  static String summary(Finding f) {
    String item = f.subjectKey() + " user " + f.userId() + " day " + f.day();
    return f.violated()
        ? f.reason() + " " + f.severity().code() + " " + item + " began " + local(f.beganAt())
        : "compliant " + item;
  }

  DealFactsBuilder name(String name) {
    this.name = name;
    return this;
  }

  DealFactsBuilder responsible(Long userId) {
    this.responsible = userId;
    return this;
  }

  DealFactsBuilder pipeline(long pipelineId) {
    this.pipelineId = pipelineId;
    return this;
  }

  /** Puts the deal in a stage without a recorded move (as if created there). */
  DealFactsBuilder status(long statusId) {
    this.statusId = statusId;
    return this;
  }

  DealFactsBuilder created(String localDateTime) {
    this.createdAt = moscow(localDateTime);
    return this;
  }

  /** A recorded move into {@code to} from the current stage; won and lost also close the deal. */
  DealFactsBuilder moved(long to, String localDateTime) {
    Instant at = moscow(localDateTime);
    stages.add(new StageChange(pipelineId, to, pipelineId, statusId, responsible, at));
    statusId = to;
    if (to == DealFacts.WON || to == DealFacts.LOST) {
      closedAt = at;
    }
    return this;
  }

  DealFactsBuilder deleted(boolean deleted) {
    this.deleted = deleted;
    return this;
  }

  DealFactsBuilder field(long fieldId, String fieldName, String... values) {
    fields.add(new FieldValue(fieldId, fieldName, "select", List.of(values)));
    return this;
  }

  DealFactsBuilder contact(String contactName) {
    this.contactName = contactName;
    return this;
  }

  DealFactsBuilder company(String companyName) {
    this.companyName = companyName;
    return this;
  }

  DealFactsBuilder task(TaskFacts task) {
    tasks.add(task);
    return this;
  }

  DealFactsBuilder touch(Touch touch) {
    touches.add(touch);
    return this;
  }

  DealFacts build() {
    return new DealFacts(
        leadId,
        name,
        responsible,
        pipelineId,
        statusId,
        null,
        createdAt,
        createdAt,
        closedAt,
        deleted,
        fields,
        contactName,
        companyName,
        stages,
        tasks,
        touches,
        List.of());
  }

  static TaskFacts openTask(long taskId, Long responsible, String text, String dueLocal) {
    return new TaskFacts(
        taskId,
        responsible,
        1L,
        text,
        dueLocal == null ? null : moscow(dueLocal),
        false,
        null,
        moscow("2025-06-02 10:00"),
        null,
        null);
  }

  static TaskFacts doneTask(
      long taskId, Long responsible, String text, String result, String completedLocal) {
    return doneTask(taskId, responsible, text, result, completedLocal, null);
  }

  static TaskFacts doneTask(
      long taskId,
      Long responsible,
      String text,
      String result,
      String completedLocal,
      String previousResult) {
    Instant done = moscow(completedLocal);
    return new TaskFacts(
        taskId,
        responsible,
        1L,
        text,
        done,
        true,
        result,
        moscow("2025-06-02 10:00"),
        done,
        previousResult);
  }

  /** An outgoing call, chat message, mail or SMS by {@code userId}. */
  static Touch outgoing(String channel, Long userId, String localDateTime) {
    Instant at = moscow(localDateTime);
    return new Touch("event:" + channel + at, channel, true, false, userId, at);
  }

  static Touch incoming(String channel, String localDateTime) {
    Instant at = moscow(localDateTime);
    return new Touch("event:in-" + channel + at, channel, false, false, null, at);
  }
}
