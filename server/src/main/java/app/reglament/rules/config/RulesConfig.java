package app.reglament.rules.config;

import app.reglament.rules.BusinessCalendar;
import app.reglament.rules.Indicator;
import app.reglament.rules.JunkText;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An account's regulations: DESIGN.md's rules document as typed values. Parsing, validation and the
 * JSON form live in {@link RulesDocument}; this record is what the indicators read.
 *
 * @param workingHours per weekday, null for a day off
 * @param managers the users whose work is checked; null means every active user who is not a head
 */
public record RulesConfig(
    ZoneId timezone,
    Map<DayOfWeek, BusinessCalendar.Hours> workingHours,
    List<LocalDate> holidays,
    List<Long> heads,
    List<Long> managers,
    Naming naming,
    FirstContact firstContact,
    List<Stage> stages,
    RequiredFields requiredFields,
    TaskResults taskResults,
    LostDeals lostDeals,
    Communications communications,
    Worktime worktime,
    Score score) {

  /** Stage time limit for a stage the config does not list. */
  public static final int DEFAULT_MAX_DAYS = 14;

  public RulesConfig {
    Map<DayOfWeek, BusinessCalendar.Hours> hours = new EnumMap<>(DayOfWeek.class);
    hours.putAll(workingHours);
    workingHours = java.util.Collections.unmodifiableMap(hours);
    holidays = List.copyOf(holidays);
    heads = List.copyOf(heads);
    managers = managers == null ? null : List.copyOf(managers);
    stages = List.copyOf(stages);
  }

  public record Naming(
      boolean enabled,
      String template,
      boolean onCreate,
      boolean onFieldChange,
      List<Long> pipelines) {
    public Naming {
      pipelines = pipelines == null ? null : List.copyOf(pipelines);
    }

    /** Whether naming applies to deals of this pipeline. */
    public boolean covers(long pipelineId) {
      return enabled && (pipelines == null || pipelines.contains(pipelineId));
    }
  }

  public record FirstContact(
      int slaMinutes,
      boolean createTask,
      String taskText,
      long taskTypeId,
      Integer reassignAfterMinutes,
      List<Long> reassignPool,
      Integer maxOpenNewLeadsPerManager) {
    public FirstContact {
      reassignPool = reassignPool == null ? null : List.copyOf(reassignPool);
    }
  }

  /** A stage's regulations; {@code maxDays} null means {@link #DEFAULT_MAX_DAYS}. */
  public record Stage(long pipelineId, long statusId, List<Long> requiredFields, Integer maxDays) {
    public Stage {
      requiredFields = List.copyOf(requiredFields);
    }
  }

  /** {@code mode} is {@code flag} or {@code revert}. */
  public record RequiredFields(String mode, boolean syncNative) {}

  /** {@code onJunk} is {@code flag} or {@code reopen}. */
  public record TaskResults(int minLength, List<String> placeholders, String onJunk) {
    public TaskResults {
      placeholders = List.copyOf(placeholders);
    }
  }

  public record LostDeals(
      boolean reviewTask, String reviewTaskText, boolean requireReason, int minContactAttempts) {}

  public record Communications(
      int replyMinutes, int missedCallCallbackMinutes, int reviewSamplePerManagerPerWeek) {}

  public record Worktime(int expectedMinutesPerDay) {}

  public record Score(Map<Indicator, Double> weights) {
    public Score {
      Map<Indicator, Double> copy = new EnumMap<>(Indicator.class);
      copy.putAll(weights);
      weights = java.util.Collections.unmodifiableMap(copy);
    }

    public double weight(Indicator indicator) {
      return weights.getOrDefault(indicator, 0.0);
    }
  }

  /** DESIGN.md's defaults: Moscow, Monday to Friday 09:00–18:00, the article's limits. */
  /** This config with some sections changed: {@code config.toBuilder().naming(n).build()}. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** A copy of a config whose sections can be replaced one by one. */
  public static final class Builder {
    private final RulesConfig from;
    private List<Long> managers;
    private Naming naming;
    private FirstContact firstContact;
    private List<Stage> stages;
    private RequiredFields requiredFields;
    private TaskResults taskResults;
    private LostDeals lostDeals;

    private Builder(RulesConfig from) {
      this.from = from;
      this.managers = from.managers();
      this.naming = from.naming();
      this.firstContact = from.firstContact();
      this.stages = from.stages();
      this.requiredFields = from.requiredFields();
      this.taskResults = from.taskResults();
      this.lostDeals = from.lostDeals();
    }

    public Builder managers(List<Long> value) {
      managers = value;
      return this;
    }

    public Builder naming(Naming value) {
      naming = value;
      return this;
    }

    public Builder firstContact(FirstContact value) {
      firstContact = value;
      return this;
    }

    public Builder stages(List<Stage> value) {
      stages = value;
      return this;
    }

    public Builder requiredFields(RequiredFields value) {
      requiredFields = value;
      return this;
    }

    public Builder taskResults(TaskResults value) {
      taskResults = value;
      return this;
    }

    public Builder lostDeals(LostDeals value) {
      lostDeals = value;
      return this;
    }

    public RulesConfig build() {
      return new RulesConfig(
          from.timezone(),
          from.workingHours(),
          from.holidays(),
          from.heads(),
          managers,
          naming,
          firstContact,
          stages,
          requiredFields,
          taskResults,
          lostDeals,
          from.communications(),
          from.worktime(),
          from.score());
    }
  }

  public static RulesConfig defaults() {
    Map<DayOfWeek, BusinessCalendar.Hours> hours = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek day : DayOfWeek.values()) {
      if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
        hours.put(day, new BusinessCalendar.Hours(LocalTime.of(9, 0), LocalTime.of(18, 0)));
      }
    }
    Map<Indicator, Double> weights = new LinkedHashMap<>();
    for (Indicator indicator : Indicator.values()) {
      weights.put(indicator, indicator == Indicator.WORKTIME ? 0.0 : 1.0);
    }
    return new RulesConfig(
        BusinessCalendar.DEFAULT_ZONE,
        hours,
        List.of(),
        List.of(),
        null,
        new Naming(false, "{field:Продукт} / {contact} / {field:Город}", true, true, null),
        new FirstContact(15, true, "Связаться с клиентом", 1, 30, null, null),
        List.of(),
        new RequiredFields("flag", true),
        new TaskResults(10, JunkText.Settings.DEFAULTS.placeholders(), "flag"),
        new LostDeals(true, "Проверить сделку", true, 3),
        new Communications(60, 30, 5),
        new Worktime(360),
        new Score(weights));
  }

  /** The business calendar these rules describe. */
  public BusinessCalendar calendar() {
    BusinessCalendar.Builder builder = BusinessCalendar.builder().zone(timezone);
    for (DayOfWeek day : DayOfWeek.values()) {
      BusinessCalendar.Hours h = workingHours.get(day);
      if (h == null) {
        builder.closed(day);
      } else {
        builder.hours(day, h.opens(), h.closes());
      }
    }
    return builder.holidays(Set.copyOf(holidays)).build();
  }

  /** The junk detector's settings for task results. */
  public JunkText.Settings junkSettings() {
    return new JunkText.Settings(taskResults.minLength(), taskResults.placeholders());
  }

  /** The configured stage, if any. */
  public Optional<Stage> stage(long pipelineId, long statusId) {
    return stages.stream()
        .filter(s -> s.pipelineId() == pipelineId && s.statusId() == statusId)
        .findFirst();
  }

  /** The stage's time limit in days. */
  public int maxDays(long pipelineId, long statusId) {
    return stage(pipelineId, statusId)
        .map(Stage::maxDays)
        .filter(d -> d != null)
        .orElse(DEFAULT_MAX_DAYS);
  }
}
