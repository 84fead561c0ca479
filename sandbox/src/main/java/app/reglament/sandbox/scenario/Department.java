package app.reglament.sandbox.scenario;

import app.reglament.sandbox.scenario.Scenario.Account;
import app.reglament.sandbox.scenario.Scenario.CustomField;
import app.reglament.sandbox.scenario.Scenario.FieldEnum;
import app.reglament.sandbox.scenario.Scenario.Group;
import app.reglament.sandbox.scenario.Scenario.LossReason;
import app.reglament.sandbox.scenario.Scenario.Pipeline;
import app.reglament.sandbox.scenario.Scenario.RequiredStatus;
import app.reglament.sandbox.scenario.Scenario.Status;
import app.reglament.sandbox.scenario.Scenario.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The sales department and the account's reference data: a head and N managers in two groups
 * (retail and B2B), one pipeline per group, the deal fields with their stage requirements, and the
 * loss reasons. Fixed ids in amoCRM's style so that logs and tests read the same every run.
 */
final class Department {
  static final long ACCOUNT_ID = 31_504_277L;
  static final long ROBOT = 0L;
  static final long WON = 142L;
  static final long LOST = 143L;
  static final long TASK_TYPE_FOLLOW_UP = 1L;
  static final long TASK_TYPE_MEETING = 2L;

  /** The contact's phone field (amoCRM's predefined contact field, code PHONE). */
  static final long CONTACT_PHONE_FIELD = 1_250_001L;

  private static final long FIRST_USER_ID = 9_140_001L;
  private static final long FIRST_GROUP_ID = 420_001L;
  private static final long FIRST_FIELD_ID = 1_150_001L;
  private static final long FIRST_ENUM_ID = 2_730_001L;
  private static final long FIRST_LOSS_REASON_ID = 8_810_001L;
  private static final long RETAIL_PIPELINE_ID = 7_340_001L;
  private static final long B2B_PIPELINE_ID = 7_340_002L;
  // One in four managers sells to companies, at least one.
  private static final int B2B_SHARE_DIVISOR = 4;

  /** A stage of a pipeline with the regulations that apply to it. */
  record Stage(
      long id,
      String name,
      int sort,
      int type,
      int index,
      int maxDays,
      List<LeadField> required,
      String color) {
    boolean incoming() {
      return type == 1;
    }
  }

  /** A pipeline: the incoming stage (index 0) and the regular stages (index 1..n). */
  record Funnel(long id, String name, boolean main, List<Stage> stages) {
    Stage stage(int index) {
      return stages.get(index);
    }

    int lastIndex() {
      return stages.size() - 1;
    }

    /** Middle stages: regular stages other than the first and the last one. */
    boolean isMiddle(int index) {
      return index > 1 && index < lastIndex();
    }
  }

  /** A manager: who he is, which group he is in and which pipeline he sells in. */
  record Manager(long id, String name, long groupId, long pipelineId) {}

  final Account account;
  final User head;
  final List<Manager> managers;
  final List<Group> groups;
  final List<User> users;
  final List<Funnel> funnels;
  final Map<LeadField, CustomField> fields;
  final List<LossReason> lossReasons;

  private Department(
      Account account,
      User head,
      List<Manager> managers,
      List<Group> groups,
      List<User> users,
      List<Funnel> funnels,
      Map<LeadField, CustomField> fields,
      List<LossReason> lossReasons) {
    this.account = account;
    this.head = head;
    this.managers = managers;
    this.groups = groups;
    this.users = users;
    this.funnels = funnels;
    this.fields = fields;
    this.lossReasons = lossReasons;
  }

  static Department build(int managerCount, Instant now) {
    Group retail = new Group(FIRST_GROUP_ID, "Продажи — частные клиенты");
    Group b2b = new Group(FIRST_GROUP_ID + 1, "Продажи — компании");
    User head =
        new User(
            FIRST_USER_ID,
            Words.HEAD,
            Words.login(Words.HEAD) + "@" + Words.MAIL_DOMAIN,
            retail.id(),
            true,
            true);
    List<Funnel> funnels = List.of(retailFunnel(), b2bFunnel());
    int b2bCount = Math.max(1, managerCount / B2B_SHARE_DIVISOR);
    List<Manager> managers = new ArrayList<>();
    List<User> users = new ArrayList<>(List.of(head));
    for (int i = 0; i < managerCount; i++) {
      boolean sellsToCompanies = i >= managerCount - b2bCount;
      Group group = sellsToCompanies ? b2b : retail;
      long pipeline = sellsToCompanies ? B2B_PIPELINE_ID : RETAIL_PIPELINE_ID;
      String name = Words.STAFF.get(i);
      long id = FIRST_USER_ID + 1 + i;
      managers.add(new Manager(id, name, group.id(), pipeline));
      users.add(
          new User(id, name, Words.login(name) + "@" + Words.MAIL_DOMAIN, group.id(), false, true));
    }
    Account account = new Account(ACCOUNT_ID, Words.COMPANY, Words.SUBDOMAIN, head.id(), now);
    return new Department(
        account,
        head,
        List.copyOf(managers),
        List.of(retail, b2b),
        List.copyOf(users),
        funnels,
        fields(funnels),
        lossReasons());
  }

  private static Funnel retailFunnel() {
    long base = 61_870_001L;
    var p = LeadField.PRODUCT;
    var c = LeadField.CITY;
    var a = LeadField.ADDRESS;
    var b = LeadField.BUDGET;
    var n = LeadField.NEED;
    return new Funnel(
        RETAIL_PIPELINE_ID,
        "Частные клиенты",
        true,
        List.of(
            new Stage(base, "Неразобранное", 10, 1, 0, 3, List.of(), "#c1c1c1"),
            // A stage with no required fields: a new deal is qualified by talking, not typing.
            new Stage(base + 1, "Квалификация", 20, 0, 1, 5, List.of(), "#99ccff"),
            new Stage(base + 2, "Замер назначен", 30, 0, 2, 7, List.of(p, c, a), "#ffff99"),
            new Stage(base + 3, "Расчёт и КП", 40, 0, 3, 7, List.of(p, c, a, b), "#ffcc66"),
            new Stage(base + 4, "Переговоры", 50, 0, 4, 10, List.of(p, c, a, b), "#ff9966"),
            new Stage(
                base + 5, "Договор и оплата", 60, 0, 5, 14, List.of(p, c, a, b, n), "#ccff66")));
  }

  /**
   * The B2B pipeline. The company's ИНН is asked for but never required: ten digits and no letters
   * would be "junk" under a reading that holds fields to the results' ten letters.
   */
  private static Funnel b2bFunnel() {
    long base = 61_870_101L;
    var p = LeadField.PRODUCT;
    var c = LeadField.CITY;
    var b = LeadField.BUDGET;
    var n = LeadField.NEED;
    return new Funnel(
        B2B_PIPELINE_ID,
        "Застройщики и дилеры",
        false,
        List.of(
            new Stage(base, "Неразобранное", 10, 1, 0, 3, List.of(), "#c1c1c1"),
            new Stage(base + 1, "Первичный контакт", 20, 0, 1, 5, List.of(p), "#99ccff"),
            new Stage(base + 2, "Презентация", 30, 0, 2, 10, List.of(p, c), "#ffff99"),
            new Stage(
                base + 3, "Коммерческое предложение", 40, 0, 3, 10, List.of(p, c, b), "#ffcc66"),
            new Stage(
                base + 4, "Согласование договора", 50, 0, 4, 14, List.of(p, c, b, n), "#ccff66")));
  }

  private static Map<LeadField, CustomField> fields(List<Funnel> funnels) {
    Map<LeadField, CustomField> fields = new EnumMap<>(LeadField.class);
    long enumId = FIRST_ENUM_ID;
    for (LeadField field : LeadField.values()) {
      List<String> options =
          switch (field) {
            case PRODUCT -> Words.PRODUCTS;
            case CITY -> Words.CITIES;
            case SOURCE -> List.copyOf(Words.SOURCES.keySet());
            default -> List.of();
          };
      List<FieldEnum> enums = new ArrayList<>();
      for (int i = 0; i < options.size(); i++) {
        enums.add(new FieldEnum(enumId++, options.get(i), (i + 1) * 10));
      }
      List<RequiredStatus> required = new ArrayList<>();
      for (Funnel funnel : funnels) {
        for (Stage stage : funnel.stages()) {
          if (stage.required().contains(field)) {
            required.add(new RequiredStatus(funnel.id(), stage.id()));
          }
        }
      }
      fields.put(
          field,
          new CustomField(
              FIRST_FIELD_ID + field.ordinal(),
              field.title,
              null,
              field.type,
              (field.ordinal() + 1) * 10,
              List.copyOf(enums),
              List.copyOf(required)));
    }
    return fields;
  }

  private static List<LossReason> lossReasons() {
    List<LossReason> reasons = new ArrayList<>();
    for (int i = 0; i < Words.LOSS_REASONS.size(); i++) {
      reasons.add(
          new LossReason(FIRST_LOSS_REASON_ID + i, Words.LOSS_REASONS.get(i), (i + 1) * 10));
    }
    return List.copyOf(reasons);
  }

  Funnel funnel(long pipelineId) {
    for (Funnel funnel : funnels) {
      if (funnel.id() == pipelineId) {
        return funnel;
      }
    }
    throw new IllegalArgumentException("no pipeline " + pipelineId);
  }

  Manager manager(long id) {
    for (Manager manager : managers) {
      if (manager.id() == id) {
        return manager;
      }
    }
    throw new IllegalArgumentException("no manager " + id);
  }

  long fieldId(LeadField field) {
    return fields.get(field).id();
  }

  /** The enum option of a select field with that text. */
  long enumId(LeadField field, String value) {
    for (FieldEnum option : fields.get(field).enums()) {
      if (option.value().equals(value)) {
        return option.id();
      }
    }
    throw new IllegalArgumentException(field + " has no option " + value);
  }

  /** The pipelines as amoCRM lists them: incoming first, regular stages, then 142 and 143. */
  List<Pipeline> pipelines() {
    List<Pipeline> pipelines = new ArrayList<>();
    int sort = 1;
    for (Funnel funnel : funnels) {
      List<Status> statuses = new ArrayList<>();
      for (Stage stage : funnel.stages()) {
        statuses.add(
            new Status(stage.id(), stage.name(), stage.sort(), stage.type(), stage.color()));
      }
      statuses.add(new Status(WON, "Успешно реализовано", 10_000, 0, "#CCFF66"));
      statuses.add(new Status(LOST, "Закрыто и не реализовано", 11_000, 0, "#D5D8DB"));
      pipelines.add(
          new Pipeline(funnel.id(), funnel.name(), sort++, funnel.main(), List.copyOf(statuses)));
    }
    return List.copyOf(pipelines);
  }

  List<CustomField> leadFields() {
    return List.copyOf(fields.values());
  }
}
