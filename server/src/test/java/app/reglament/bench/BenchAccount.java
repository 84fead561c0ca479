package app.reglament.bench;

import static app.reglament.db.generated.Tables.ACCOUNTS;

import app.reglament.account.AccountRepository;
import app.reglament.amo.api.model.CustomFieldDefinition;
import app.reglament.amo.api.model.CustomFieldValue;
import app.reglament.web.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import javax.sql.DataSource;
import org.jooq.DSLContext;

/**
 * Generates one large amoCRM account straight into the mirror tables, in the rows' shapes the
 * mirror itself writes (custom field values as the JSON of {@link CustomFieldValue}, epoch-milli
 * instants, {@code event:<id>} source keys). Deterministic for a seed.
 *
 * <p>Spreads: deals created evenly over {@link #HISTORY}, 70 % in the main pipeline; ~18 % won and
 * ~12 % lost; 1–4 stage moves each; one contact each (8 % also share an earlier deal's contact);
 * tasks spread over the deal's life, mostly completed with a meaningful result, ~10 % with junk
 * ("+", "ок"), ~6 % with none; active deals mostly have an open task, half of those overdue; ~3
 * communications per deal, a fifth on the contact rather than the deal; a comment note on 30 % of
 * deals and a closing comment on most lost ones.
 */
final class BenchAccount {
  static final Duration HISTORY = Duration.ofDays(180);
  static final long FIRST_MANAGER = 5001;
  static final long ADMIN = 5900;
  static final long MAIN_PIPELINE = 3001;
  static final long SECOND_PIPELINE = 3002;
  static final long WON = 142;
  static final long LOST = 143;
  static final long FIRST_LEAD = 10_000_001L;
  static final long FIRST_CONTACT = 20_000_001L;
  static final long FIRST_TASK = 30_000_001L;
  static final long FIRST_NOTE = 40_000_001L;

  static final long FIELD_PRODUCT = 9001;
  static final long FIELD_CITY = 9002;
  static final long FIELD_BUDGET = 9003;
  static final long FIELD_SOURCE = 9004;
  static final long FIELD_MEASURE_DATE = 9005;
  static final long FIELD_COMMENT = 9006;

  private static final ObjectMapper JSON = Json.mapper();
  private static final long HOUR = 3_600_000L;
  private static final long DAY = 24 * HOUR;

  private static final String[] PRODUCTS = {"Окна", "Двери", "Балкон", "Лоджия", "Остекление"};
  private static final String[] SOURCES = {"Сайт", "Звонок", "Авито", "Рекомендация"};
  private static final String[] CITIES = {
    "Казань", "Москва", "Самара", "Уфа", "Пермь", "Челябинск", "Екатеринбург", "Набережные Челны"
  };
  private static final String[] FIRST_NAMES = {
    "Иван", "Мария", "Алексей", "Ольга", "Сергей", "Анна", "Дмитрий", "Елена", "Павел", "Наталья"
  };
  private static final String[] LAST_NAMES = {
    "Иванов", "Петрова", "Сидоров", "Кузнецова", "Смирнов", "Попова", "Волков", "Морозова"
  };
  private static final String[] TASK_TEXTS = {
    "Связаться с клиентом",
    "Перезвонить",
    "Отправить КП",
    "Уточнить размеры",
    "Назначить замер",
    "Встреча в офисе",
    "Выставить счёт",
    "Проверить оплату"
  };
  private static final String[] RESULTS = {
    "Клиент попросил перезвонить в четверг после обеда",
    "Обсудили размеры, отправил расчёт на почту",
    "Не дозвонился, абонент недоступен, написал в мессенджер",
    "Договорились о замере на субботу, адрес уточнён",
    "КП отправлено, клиент сравнивает с конкурентами",
    "Счёт выставлен, оплата ожидается до пятницы",
    "Клиент думает, просил не беспокоить до следующей недели",
    "Замер проведён, размеры внесены в карточку",
    "Уточнил бюджет: до 150 тысяч, нужен профиль с тремя камерами",
    "Оплата получена, передал в производство"
  };
  private static final String[] JUNK = {"+", "ок", "Ок", ".", "-", "сделано", "готово", "ага"};
  private static final String[] CHANNELS = {"call", "call", "call", "chat", "chat", "mail", "sms"};

  /** Sizes of the generated account. */
  record Sizes(int managers, int deals, int tasks) {}

  /** What was written, by table. */
  record Counts(
      long leads,
      long contacts,
      long leadContacts,
      long history,
      long tasks,
      long comms,
      long notes) {}

  private final long accountId;
  private final Instant now;
  private final Sizes sizes;
  private final SplittableRandom random;

  BenchAccount(long accountId, Instant now, Sizes sizes, long seed) {
    this.accountId = accountId;
    this.now = now;
    this.sizes = sizes;
    this.random = new SplittableRandom(seed);
  }

  static List<Long> managerIds(int managers) {
    List<Long> ids = new ArrayList<>(managers);
    for (int i = 0; i < managers; i++) {
      ids.add(FIRST_MANAGER + i);
    }
    return ids;
  }

  /** Where a new deal lands: the pipeline's incoming ("unsorted") stage. */
  static long unsorted(long pipelineId) {
    return (pipelineId == MAIN_PIPELINE ? 41_000 : 42_000) + 1;
  }

  static List<Long> regularStatuses(long pipelineId) {
    long base = pipelineId == MAIN_PIPELINE ? 41_000 : 42_000;
    return List.of(base + 2, base + 3, base + 4, base + 5, base + 6);
  }

  /** The account row (installed, cursors set) and the reference data; then the deals. */
  Counts generate(DSLContext dsl, DataSource dataSource) throws SQLException {
    new AccountRepository(dsl)
        .install(accountId, "bench.amocrm.ru", now.minus(Duration.ofDays(40)));
    dsl.update(ACCOUNTS)
        .set(ACCOUNTS.NAME, "Бенчмарк")
        .set(ACCOUNTS.LEADS_CURSOR_AT, now.minusSeconds(60))
        .set(ACCOUNTS.TASKS_CURSOR_AT, now.minusSeconds(60))
        .set(ACCOUNTS.EVENTS_CURSOR_AT, now.minusSeconds(60))
        .set(ACCOUNTS.NOTES_CURSOR_AT, now.minusSeconds(60))
        .set(ACCOUNTS.HISTORY_FROM_AT, now.minus(Duration.ofDays(70)))
        .set(ACCOUNTS.SYNC_DUE_AT, now.plusSeconds(240))
        .where(ACCOUNTS.ACCOUNT_ID.eq(accountId))
        .execute();
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      reference(c);
      return deals(c);
    }
  }

  private void reference(Connection c) throws SQLException {
    long at = now.minus(Duration.ofDays(40)).toEpochMilli();
    try (var groups = new BatchInserter(c, "user_groups", "account_id", "group_id", "name");
        var users =
            new BatchInserter(
                c,
                "users",
                "account_id",
                "user_id",
                "name",
                "email",
                "group_id",
                "role_id",
                "is_admin",
                "is_active",
                "updated_at")) {
      for (int g = 0; g < 10; g++) {
        groups.add(accountId, 100L + g, "Отдел " + (g + 1));
      }
      users.add(accountId, ADMIN, "Руководитель", "boss@bench.ru", null, null, true, true, at);
      for (long id : managerIds(sizes.managers())) {
        users.add(
            accountId,
            id,
            person(random) + " (" + id + ")",
            "m" + id + "@bench.ru",
            100L + id % 10,
            7L,
            false,
            true,
            at);
      }
    }
    try (var pipelines =
            new BatchInserter(
                c,
                "pipelines",
                "account_id",
                "pipeline_id",
                "name",
                "sort",
                "is_main",
                "is_archive");
        var statuses =
            new BatchInserter(
                c,
                "statuses",
                "account_id",
                "pipeline_id",
                "status_id",
                "name",
                "sort",
                "status_type",
                "color")) {
      String[] stageNames = {"Новая заявка", "Квалификация", "Замер", "КП отправлено", "Счёт"};
      for (long p : List.of(MAIN_PIPELINE, SECOND_PIPELINE)) {
        pipelines.add(
            accountId,
            p,
            p == MAIN_PIPELINE ? "Продажи" : "Повторные",
            p == MAIN_PIPELINE ? 1 : 2,
            p == MAIN_PIPELINE,
            false);
        long base = p == MAIN_PIPELINE ? 41_000 : 42_000;
        statuses.add(accountId, p, unsorted(p), "Неразобранное", 10, 1, "#c1c1c1");
        List<Long> regular = regularStatuses(p);
        for (int s = 0; s < regular.size(); s++) {
          statuses.add(accountId, p, regular.get(s), stageNames[s], 20 + 10 * s, 0, "#99ccff");
        }
        statuses.add(accountId, p, WON, "Успешно реализовано", 10_000, 0, "#ccff66");
        statuses.add(accountId, p, LOST, "Закрыто и не реализовано", 11_000, 0, "#d5d8db");
      }
    }
    try (var fields =
            new BatchInserter(
                c,
                "custom_fields",
                "account_id",
                "entity_type",
                "field_id",
                "name",
                "field_code",
                "field_type",
                "sort",
                "is_api_only",
                "required_statuses",
                "enums");
        var reasons =
            new BatchInserter(c, "loss_reasons", "account_id", "loss_reason_id", "name", "sort")) {
      String required =
          json(
              List.of(
                  new CustomFieldDefinition.RequiredStatus(41_004, MAIN_PIPELINE),
                  new CustomFieldDefinition.RequiredStatus(42_004, SECOND_PIPELINE)));
      fields.add(
          accountId,
          "leads",
          FIELD_PRODUCT,
          "Продукт",
          null,
          "select",
          1,
          false,
          required,
          enums(PRODUCTS, 700));
      fields.add(accountId, "leads", FIELD_CITY, "Город", null, "text", 2, false, required, null);
      fields.add(accountId, "leads", FIELD_BUDGET, "Бюджет", null, "numeric", 3, false, null, null);
      fields.add(
          accountId,
          "leads",
          FIELD_SOURCE,
          "Источник",
          null,
          "select",
          4,
          false,
          null,
          enums(SOURCES, 800));
      fields.add(
          accountId,
          "leads",
          FIELD_MEASURE_DATE,
          "Дата замера",
          null,
          "date",
          5,
          false,
          null,
          null);
      fields.add(
          accountId, "leads", FIELD_COMMENT, "Комментарий", null, "textarea", 6, false, null, null);
      String[] names = {
        "Дорого", "Купил у конкурентов", "Не выходит на связь", "Передумал", "Спам"
      };
      for (int r = 0; r < names.length; r++) {
        reasons.add(accountId, 600L + r, names[r], r + 1);
      }
    }
  }

  private Counts deals(Connection c) throws SQLException {
    long nowMs = now.toEpochMilli();
    long start = nowMs - HISTORY.toMillis();
    double tasksPerDeal = (double) sizes.tasks() / sizes.deals();
    long taskId = FIRST_TASK;
    long eventId = 1;
    long noteId = FIRST_NOTE;
    try (var leads =
            new BatchInserter(
                c,
                "leads",
                "account_id",
                "lead_id",
                "name",
                "price",
                "responsible_user_id",
                "group_id",
                "pipeline_id",
                "status_id",
                "loss_reason_id",
                "created_by",
                "updated_by",
                "created_at",
                "updated_at",
                "closed_at",
                "closest_task_at",
                "is_deleted",
                "custom_fields",
                "company_name",
                "manual_name",
                "synced_at");
        var contacts =
            new BatchInserter(
                c,
                "contacts",
                "account_id",
                "contact_id",
                "name",
                "responsible_user_id",
                "updated_at");
        var leadContacts =
            new BatchInserter(
                c, "lead_contacts", "account_id", "lead_id", "contact_id", "is_main");
        var history =
            new BatchInserter(
                c,
                "lead_status_history",
                "account_id",
                "lead_id",
                "pipeline_id",
                "status_id",
                "old_pipeline_id",
                "old_status_id",
                "changed_by",
                "changed_at",
                "source_key");
        var tasks =
            new BatchInserter(
                c,
                "tasks",
                "account_id",
                "task_id",
                "entity_type",
                "entity_id",
                "responsible_user_id",
                "task_type_id",
                "task_text",
                "complete_till_at",
                "is_completed",
                "result_text",
                "created_by",
                "created_at",
                "updated_at",
                "completed_at",
                "is_deleted",
                "synced_at");
        var comms =
            new BatchInserter(
                c,
                "communications",
                "account_id",
                "source_key",
                "channel",
                "direction",
                "is_missed",
                "entity_type",
                "entity_id",
                "lead_id",
                "user_id",
                "occurred_at");
        var notes =
            new BatchInserter(
                c,
                "notes",
                "account_id",
                "note_id",
                "lead_id",
                "note_type",
                "text",
                "duration",
                "created_by",
                "created_at",
                "updated_at")) {
      for (int i = 0; i < sizes.deals(); i++) {
        long leadId = FIRST_LEAD + i;
        long contactId = FIRST_CONTACT + i;
        long manager =
            FIRST_MANAGER + (long) (sizes.managers() * Math.pow(random.nextDouble(), 1.4));
        long pipeline = random.nextDouble() < 0.7 ? MAIN_PIPELINE : SECOND_PIPELINE;
        List<Long> regular = regularStatuses(pipeline);
        long created =
            Math.min(
                start
                    + (long) ((double) i / sizes.deals() * HISTORY.toMillis())
                    + random.nextLong(-12 * HOUR, 12 * HOUR),
                nowMs - HOUR);
        double fate = random.nextDouble();
        long status;
        Long closedAt = null;
        Long lossReason = null;
        if (fate < 0.30 && created < nowMs - DAY) {
          status = fate < 0.18 ? WON : LOST;
          closedAt = Math.min(created + random.nextLong(DAY, 30 * DAY), nowMs - 10 * 60_000L);
          if (status == LOST && random.nextDouble() < 0.8) {
            lossReason = 600L + random.nextInt(5);
          }
        } else {
          status = regular.get(random.nextInt(regular.size()));
        }
        long end = closedAt != null ? closedAt : nowMs;

        // Stage moves, in time order; the last one enters the current stage.
        int moves = 1 + random.nextInt(4);
        long[] moveTimes = sortedTimes(moves, created + 60_000L, end);
        long oldStatus = unsorted(pipeline);
        for (int m = 0; m < moves; m++) {
          long to = status;
          while (m < moves - 1 && (to == status || to == oldStatus)) {
            to = regular.get(random.nextInt(regular.size()));
          }
          history.add(
              accountId,
              leadId,
              pipeline,
              to,
              pipeline,
              oldStatus,
              random.nextDouble() < 0.1 ? 0L : manager,
              moveTimes[m],
              "event:" + eventId++);
          oldStatus = to;
        }

        // Tasks spread over the deal's life; an active deal usually ends with an open one.
        int taskCount =
            Math.max(1, (int) Math.round(tasksPerDeal * (0.2 + 1.6 * random.nextDouble())));
        long[] taskTimes = sortedTimes(taskCount, created, end);
        Long closestTask = null;
        long updated = moveTimes[moves - 1];
        for (int t = 0; t < taskCount; t++) {
          boolean open = closedAt == null && t == taskCount - 1 && random.nextDouble() < 0.85;
          long owner =
              random.nextDouble() < 0.05
                  ? FIRST_MANAGER + random.nextInt(sizes.managers())
                  : manager;
          String text = TASK_TEXTS[random.nextInt(TASK_TEXTS.length)];
          long taskCreated = taskTimes[t];
          long till = taskCreated + random.nextLong(HOUR, 3 * DAY);
          Long completedAt = null;
          String result = null;
          if (open) {
            till = nowMs + random.nextLong(-5 * DAY, 5 * DAY);
            closestTask = closestTask == null ? till : Math.min(closestTask, till);
          } else {
            completedAt = Math.min(taskCreated + random.nextLong(10 * 60_000L, 2 * DAY), end);
            result = result(random);
          }
          long taskUpdated = completedAt != null ? completedAt : taskCreated;
          updated = Math.max(updated, taskUpdated);
          tasks.add(
              accountId,
              taskId++,
              "leads",
              leadId,
              owner,
              random.nextDouble() < 0.7 ? 1L : 2L,
              text,
              till,
              !open,
              result,
              owner,
              taskCreated,
              taskUpdated,
              completedAt,
              random.nextDouble() < 0.01,
              nowMs - HOUR);
        }

        // Communications on the deal or its contact.
        int commCount = random.nextInt(7);
        long[] commTimes = sortedTimes(commCount, created, end);
        for (int k = 0; k < commCount; k++) {
          boolean out = random.nextDouble() < 0.6;
          String channel = CHANNELS[random.nextInt(CHANNELS.length)];
          boolean onContact = random.nextDouble() < 0.2;
          comms.add(
              accountId,
              "event:" + eventId++,
              channel,
              out ? "out" : "in",
              !out && channel.equals("call") && random.nextDouble() < 0.1,
              onContact ? "contact" : "lead",
              onContact ? contactId : leadId,
              onContact ? null : leadId,
              out ? manager : null,
              commTimes[k]);
        }

        // A comment now and then; most lost deals get the manager's closing comment.
        if (random.nextDouble() < 0.3) {
          long at = created + random.nextLong(Math.max(1, end - created));
          notes.add(accountId, noteId++, leadId, "common", comment(random), null, manager, at, at);
        }
        if (status == LOST && random.nextDouble() < 0.8) {
          notes.add(
              accountId,
              noteId++,
              leadId,
              "common",
              comment(random),
              null,
              manager,
              closedAt,
              closedAt);
        }

        String person = person(random);
        contacts.add(accountId, contactId, person, manager, created);
        leadContacts.add(accountId, leadId, contactId, true);
        if (i > 0 && random.nextDouble() < 0.08) {
          leadContacts.add(accountId, leadId, FIRST_CONTACT + random.nextInt(i), false);
        }

        String product = PRODUCTS[random.nextInt(PRODUCTS.length)];
        String city = CITIES[random.nextInt(CITIES.length)];
        double naming = random.nextDouble();
        String name =
            naming < 0.7
                ? product + " / " + person + " / " + city
                : naming < 0.9 ? "Сделка #" + leadId : "Заявка с сайта";
        leads.add(
            accountId,
            leadId,
            name,
            (long) random.nextInt(20, 500) * 1000,
            manager,
            100L + manager % 10,
            pipeline,
            status,
            lossReason,
            manager,
            manager,
            created,
            updated,
            closedAt,
            closestTask,
            random.nextDouble() < 0.005,
            customFields(product, city, created),
            random.nextDouble() < 0.2
                ? "ООО «" + LAST_NAMES[random.nextInt(8)] + " и партнёры»"
                : null,
            false,
            nowMs - HOUR);
      }
      leads.flush();
      contacts.flush();
      leadContacts.flush();
      history.flush();
      tasks.flush();
      comms.flush();
      notes.flush();
      return new Counts(
          leads.total(),
          contacts.total(),
          leadContacts.total(),
          history.total(),
          tasks.total(),
          comms.total(),
          notes.total());
    }
  }

  /** {@code n} ascending moments in [from, to]. */
  private long[] sortedTimes(int n, long from, long to) {
    long[] times = new long[n];
    long span = Math.max(1, to - from);
    for (int i = 0; i < n; i++) {
      times[i] = from + random.nextLong(span);
    }
    Arrays.sort(times);
    return times;
  }

  /** A completed task's result: mostly meaningful, sometimes junk, sometimes none. */
  static String result(SplittableRandom random) {
    double r = random.nextDouble();
    if (r < 0.10) {
      return JUNK[random.nextInt(JUNK.length)];
    }
    if (r < 0.13) {
      return "";
    }
    if (r < 0.16) {
      return null;
    }
    return RESULTS[random.nextInt(RESULTS.length)];
  }

  /** A note's text: mostly a real comment, sometimes junk. */
  static String comment(SplittableRandom random) {
    return random.nextDouble() < 0.15
        ? JUNK[random.nextInt(JUNK.length)]
        : RESULTS[random.nextInt(RESULTS.length)];
  }

  static String person(SplittableRandom random) {
    return LAST_NAMES[random.nextInt(LAST_NAMES.length)]
        + " "
        + FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
  }

  /** The deal's custom field values, as the mirror stores amoCRM's custom_fields_values. */
  private String customFields(String product, String city, long created) {
    List<CustomFieldValue> values = new ArrayList<>(6);
    if (random.nextDouble() < 0.85) {
      int p = Arrays.asList(PRODUCTS).indexOf(product);
      values.add(field(FIELD_PRODUCT, "Продукт", "select", text(product, 700L + p)));
    }
    if (random.nextDouble() < 0.8) {
      values.add(field(FIELD_CITY, "Город", "text", text(city, null)));
    }
    if (random.nextDouble() < 0.7) {
      values.add(
          field(
              FIELD_BUDGET,
              "Бюджет",
              "numeric",
              new CustomFieldValue.Value(
                  TextNode.valueOf(String.valueOf(random.nextInt(50, 900) * 1000)), null, null)));
    }
    if (random.nextDouble() < 0.9) {
      int s = random.nextInt(SOURCES.length);
      values.add(field(FIELD_SOURCE, "Источник", "select", text(SOURCES[s], 800L + s)));
    }
    if (random.nextDouble() < 0.3) {
      values.add(
          field(
              FIELD_MEASURE_DATE,
              "Дата замера",
              "date",
              new CustomFieldValue.Value(
                  LongNode.valueOf(created / 1000 + random.nextLong(7 * 86_400L)), null, null)));
    }
    if (random.nextDouble() < 0.2) {
      String comment =
          random.nextDouble() < 0.3 ? JUNK[random.nextInt(JUNK.length)] : "Перезвонить вечером";
      values.add(field(FIELD_COMMENT, "Комментарий", "textarea", text(comment, null)));
    }
    return values.isEmpty() ? null : json(values);
  }

  private static CustomFieldValue field(
      long id, String name, String type, CustomFieldValue.Value value) {
    return new CustomFieldValue(id, name, null, type, List.of(value));
  }

  private static CustomFieldValue.Value text(String text, Long enumId) {
    return new CustomFieldValue.Value(TextNode.valueOf(text), enumId, null);
  }

  private static String enums(String[] values, long firstId) {
    List<CustomFieldDefinition.FieldEnum> enums = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      enums.add(new CustomFieldDefinition.FieldEnum(firstId + i, values[i], i + 1));
    }
    return json(enums);
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
