package app.reglament.sandbox.scenario;

import app.reglament.sandbox.scenario.Scenario.CustomField;
import app.reglament.sandbox.scenario.Scenario.FieldValue;
import app.reglament.sandbox.scenario.Scenario.Pipeline;
import app.reglament.sandbox.scenario.Scenario.Status;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The department keeps working after the history ends: each {@link #tick} makes a few things happen
 * (a lead arrives, a client writes, a manager replies, closes a task and sets the next, moves a
 * deal on, wins or loses one), now and then with a mistake, so a demo shows violations appearing
 * and closing. It reads and changes the account only through {@link Sink}, which the sandbox's
 * store implements; it keeps no state of its own beyond the random stream, never reads the clock
 * and never sleeps: the caller decides when ticks happen and what time it is. Deterministic: the
 * same seed and the same answers from the sink give the same actions.
 */
public final class LiveActivity {

  /** How busy the live department is and how often a manager makes a mistake. */
  public record Pace(int actionsPerTick, double mistakeShare) {
    public static final int DEFAULT_ACTIONS_PER_TICK = 3;
    public static final double DEFAULT_MISTAKE_SHARE = 0.1;

    public Pace {
      if (actionsPerTick < 1 || actionsPerTick > 1_000) {
        throw new IllegalArgumentException("actionsPerTick must be 1..1000, got " + actionsPerTick);
      }
      if (mistakeShare < 0 || mistakeShare > 1) {
        throw new IllegalArgumentException("mistakeShare must be 0..1, got " + mistakeShare);
      }
    }

    public static Pace defaults() {
      return new Pace(DEFAULT_ACTIONS_PER_TICK, DEFAULT_MISTAKE_SHARE);
    }
  }

  /** What live mode reads and changes. The store implements it; every change goes through it. */
  public interface Sink {
    /** Deals not won or lost, with their open tasks. */
    List<ActiveDeal> activeDeals();

    /** Creates the lead with a new contact; returns the lead id. */
    long createLead(NewLead lead);

    /** Moves the deal (to 142 / 143 to close it), setting the given fields in the same change. */
    void moveLead(long leadId, long statusId, Long lossReasonId, List<FieldValue> fields);

    /** Creates a task on the deal; returns its id. */
    long createTask(long leadId, long responsibleUserId, String text, Instant completeTill);

    void completeTask(long taskId, String resultText);

    /** A chat message; {@code userId} is 0 for the client's. */
    void addChatMessage(long leadId, boolean incoming, String text, long userId);

    /** A call; duration 0 is a missed incoming call or an unanswered outgoing one. */
    void addCall(long leadId, boolean incoming, int durationSeconds, long userId);
  }

  public record ActiveDeal(
      long leadId,
      long pipelineId,
      long statusId,
      long responsibleUserId,
      List<OpenTask> openTasks) {}

  public record OpenTask(long taskId, String text, Instant completeTill) {}

  public record NewLead(
      String name,
      long pipelineId,
      long statusId,
      long responsibleUserId,
      String contactName,
      String phone,
      List<FieldValue> fields) {}

  /** What a tick did: kind (new_lead, client_message, reply, task_closed, moved, won, lost). */
  public record Action(String kind, long leadId, String detail) {}

  private static final String FIELD_PRODUCT = LeadField.PRODUCT.title;
  private static final String FIELD_CITY = LeadField.CITY.title;
  private static final String FIELD_SOURCE = LeadField.SOURCE.title;
  private static final List<String> CLIENT_MESSAGES =
      List.of(
          "Здравствуйте! Подскажите, сколько будет стоить?",
          "Добрый день, когда сможете приехать на замер?",
          "Скиньте, пожалуйста, расчёт ещё раз",
          "А есть рассрочка?");
  private static final List<String> REPLIES =
      List.of(
          "Добрый день! Сейчас посчитаю и пришлю расчёт",
          "Здравствуйте! Замерщик может приехать завтра после обеда",
          "Отправил расчёт на почту, посмотрите, пожалуйста",
          "Да, рассрочка есть, расскажу подробнее по телефону");
  private static final List<String> JUNK_RESULTS = List.of("+", "ок", "-", "...");
  private static final LocalTime DAY_END = LocalTime.of(23, 59);
  private static final double WIN_SHARE = 0.65;

  private final Scenario scenario;
  private final Pace pace;
  private final Random random;
  private final WorkCalendar calendar;
  private final Texts texts = new Texts();
  private final Map<Long, Long> pipelineByManager = new LinkedHashMap<>();
  private final Map<String, CustomField> fieldsByName = new HashMap<>();
  private int leadsCreated;

  public LiveActivity(Scenario scenario, long seed, Pace pace) {
    this.scenario = scenario;
    this.pace = pace;
    this.random = new Random(seed);
    this.calendar = WorkCalendar.fromRules(scenario.groundTruth().rules());
    for (CustomField field : scenario.leadFields()) {
      fieldsByName.put(field.name(), field);
    }
    // Each manager keeps selling in the pipeline he sold in during the history.
    scenario.users().stream()
        .filter(u -> !u.admin() && u.active())
        .forEach(
            u ->
                pipelineByManager.put(
                    u.id(),
                    scenario.leads().stream()
                        .filter(l -> l.responsibleUserId() == u.id())
                        .map(Scenario.Lead::pipelineId)
                        .findFirst()
                        .orElse(scenario.pipelines().get(0).id())));
  }

  /** Makes {@link Pace#actionsPerTick()} things happen at {@code now}. */
  public List<Action> tick(Instant now, Sink sink) {
    List<Action> actions = new ArrayList<>();
    for (int i = 0; i < pace.actionsPerTick(); i++) {
      List<ActiveDeal> deals = new ArrayList<>(sink.activeDeals());
      deals.sort(Comparator.comparingLong(ActiveDeal::leadId));
      actions.add(act(now, sink, deals));
    }
    return actions;
  }

  private Action act(Instant now, Sink sink, List<ActiveDeal> deals) {
    double roll = random.nextDouble();
    if (deals.isEmpty() || roll < 0.18) {
      return newLead(sink);
    }
    ActiveDeal deal = deals.get(random.nextInt(deals.size()));
    if (roll < 0.35) {
      String text = Words.pick(random, CLIENT_MESSAGES);
      sink.addChatMessage(deal.leadId(), true, text, 0);
      return new Action("client_message", deal.leadId(), text);
    }
    if (roll < 0.5) {
      return reply(sink, deal);
    }
    if (roll < 0.75 && !deal.openTasks().isEmpty()) {
      return closeTask(now, sink, deal);
    }
    boolean incoming = incoming(deal.pipelineId()).id() == deal.statusId();
    if (roll < 0.92 || incoming) {
      return moveOn(now, sink, deal); // a deal is taken into work before it is won or lost
    }
    return close(now, sink, deal);
  }

  private Action newLead(Sink sink) {
    List<Long> managers = new ArrayList<>(pipelineByManager.keySet());
    long manager = managers.get(random.nextInt(managers.size()));
    long pipelineId = pipelineByManager.get(manager);
    String contact = Words.clientName(random);
    String product = Words.pick(random, Words.PRODUCTS);
    String city = Words.pick(random, Words.CITIES);
    String source = Words.pick(random, List.copyOf(Words.SOURCES.keySet()));
    List<FieldValue> fields =
        List.of(
            select(FIELD_PRODUCT, product), select(FIELD_CITY, city), select(FIELD_SOURCE, source));
    boolean misnamed = random.nextDouble() < pace.mistakeShare();
    String name = misnamed ? Naming.DEFAULT_FORM_NAME : Naming.render(product, contact, city);
    leadsCreated++;
    // "5xx-xx-xx": the generated history's numbers all start with 1, so none is reused.
    String phone =
        "+7 9"
            + (10 + random.nextInt(90))
            + " 5"
            + (10 + leadsCreated % 90)
            + "-"
            + (10 + random.nextInt(90))
            + "-"
            + (10 + random.nextInt(90));
    long leadId =
        sink.createLead(
            new NewLead(
                name, pipelineId, incoming(pipelineId).id(), manager, contact, phone, fields));
    if (Words.SOURCES.get(source) == Words.Channel.CHAT) {
      sink.addChatMessage(leadId, true, Words.pick(random, CLIENT_MESSAGES), 0);
    } else if (Words.SOURCES.get(source) == Words.Channel.CALL) {
      sink.addCall(leadId, true, 0, 0);
    }
    return new Action("new_lead", leadId, name);
  }

  private Action reply(Sink sink, ActiveDeal deal) {
    if (random.nextBoolean()) {
      String text = Words.pick(random, REPLIES);
      sink.addChatMessage(deal.leadId(), false, text, deal.responsibleUserId());
      return new Action("reply", deal.leadId(), text);
    }
    int duration = random.nextDouble() < 0.2 ? 0 : 40 + random.nextInt(500);
    sink.addCall(deal.leadId(), false, duration, deal.responsibleUserId());
    return new Action("reply", deal.leadId(), "outgoing call, " + duration + " s");
  }

  private Action closeTask(Instant now, Sink sink, ActiveDeal deal) {
    OpenTask task = deal.openTasks().get(0);
    boolean junk = random.nextDouble() < pace.mistakeShare();
    String result =
        junk
            ? Words.pick(random, JUNK_RESULTS)
            : texts.result(deal.responsibleUserId(), 1 + random.nextInt(5), facts(now), random);
    sink.completeTask(task.taskId(), result);
    boolean forgetsNextTask = random.nextDouble() < pace.mistakeShare();
    if (!forgetsNextTask) {
      sink.createTask(
          deal.leadId(), deal.responsibleUserId(), "Перезвонить клиенту", nextDayEnd(now));
    }
    return new Action("task_closed", deal.leadId(), result);
  }

  private Action moveOn(Instant now, Sink sink, ActiveDeal deal) {
    List<Status> stages = regularStages(deal.pipelineId(), true);
    int at = indexOf(stages, deal.statusId());
    if (at < 0 || at + 1 >= stages.size()) {
      return reply(sink, deal);
    }
    Status next = stages.get(at + 1);
    List<FieldValue> fields = new ArrayList<>();
    boolean skipsAField = random.nextDouble() < pace.mistakeShare();
    for (CustomField field : scenario.leadFields()) {
      boolean required =
          field.requiredStatuses().stream()
              .anyMatch(r -> r.pipelineId() == deal.pipelineId() && r.statusId() == next.id());
      if (required && !(skipsAField && fields.isEmpty())) {
        fields.add(value(field));
      }
    }
    sink.moveLead(deal.leadId(), next.id(), null, fields);
    if (deal.openTasks().isEmpty()) {
      sink.createTask(
          deal.leadId(), deal.responsibleUserId(), "Перезвонить клиенту", nextDayEnd(now));
    }
    return new Action("moved", deal.leadId(), next.name());
  }

  private Action close(Instant now, Sink sink, ActiveDeal deal) {
    for (OpenTask task : deal.openTasks()) {
      sink.completeTask(
          task.taskId(),
          texts.result(deal.responsibleUserId(), Texts.WON_RESULTS, facts(now), random));
    }
    if (random.nextDouble() < WIN_SHARE) {
      sink.moveLead(deal.leadId(), Department.WON, null, List.of());
      return new Action("won", deal.leadId(), "");
    }
    var reasons = scenario.lossReasons();
    Long reason =
        random.nextDouble() < pace.mistakeShare()
            ? null
            : reasons.get(random.nextInt(reasons.size())).id();
    sink.moveLead(deal.leadId(), Department.LOST, reason, List.of());
    return new Action("lost", deal.leadId(), reason == null ? "no reason" : "reason " + reason);
  }

  // ---------------------------------------------------------------- helpers

  private Texts.Facts facts(Instant now) {
    return new Texts.Facts(
        Words.pick(random, Words.MALE_FIRST),
        Words.pick(random, Words.PRODUCTS),
        Words.pick(random, Words.CITIES),
        null,
        now);
  }

  private Instant nextDayEnd(Instant now) {
    return calendar.at(calendar.nextWorkingDay(calendar.date(now)), DAY_END);
  }

  private FieldValue select(String fieldName, String value) {
    CustomField field = fieldsByName.get(fieldName);
    long enumId =
        field.enums().stream().filter(e -> e.value().equals(value)).findFirst().orElseThrow().id();
    return new FieldValue(field.id(), List.of(value), List.of(enumId));
  }

  private FieldValue value(CustomField field) {
    if (!field.enums().isEmpty()) {
      var option = field.enums().get(random.nextInt(field.enums().size()));
      return new FieldValue(field.id(), List.of(option.value()), List.of(option.id()));
    }
    String text =
        switch (field.type()) {
          case "numeric" -> Long.toString(50_000 + 1_000L * random.nextInt(500));
          default ->
              field.name().equals(LeadField.NEED.title)
                  ? Words.pick(random, Words.NEEDS)
                  : Words.pick(random, Words.STREETS) + ", д. " + (1 + random.nextInt(90));
        };
    return new FieldValue(field.id(), List.of(text), List.of());
  }

  private Pipeline pipeline(long id) {
    return scenario.pipelines().stream().filter(p -> p.id() == id).findFirst().orElseThrow();
  }

  private Status incoming(long pipelineId) {
    return pipeline(pipelineId).statuses().stream()
        .filter(s -> s.type() == 1)
        .findFirst()
        .orElseThrow();
  }

  /** The incoming stage (when asked) and the regular stages, in board order. */
  private List<Status> regularStages(long pipelineId, boolean withIncoming) {
    return pipeline(pipelineId).statuses().stream()
        .filter(s -> s.id() != Department.WON && s.id() != Department.LOST)
        .filter(s -> withIncoming || s.type() == 0)
        .sorted(Comparator.comparingInt(Status::sort))
        .toList();
  }

  private static int indexOf(List<Status> stages, long statusId) {
    for (int i = 0; i < stages.size(); i++) {
      if (stages.get(i).id() == statusId) {
        return i;
      }
    }
    return -1;
  }
}
