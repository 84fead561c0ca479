package app.reglament.sandbox.scenario;

import app.reglament.sandbox.scenario.Scenario.Event;
import app.reglament.sandbox.scenario.Scenario.Lead;
import app.reglament.sandbox.scenario.Scenario.Note;
import app.reglament.sandbox.scenario.Scenario.Task;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A deliberately naive re-implementation of DESIGN.md's ten checks over a Scenario and its rules
 * document, written from the definitions and sharing nothing with the generator. Working time is
 * counted minute by minute; everything is a plain loop. Where DESIGN.md leaves a choice, the
 * reading is the one a sales head would expect, stated where it is made.
 */
final class NaiveChecker {

  /**
   * How an engine may read DESIGN.md where it leaves a choice. {@link #salesHead()} is the reading
   * the ground truth states; the generated data keeps away from every point where the others would
   * disagree with it.
   */
  record Reading(
      boolean messageRepliesInWorkingTime,
      boolean repliesOnTheSameChannelOnly,
      int activitySpanMinutes,
      boolean stuckInWorkingDays,
      boolean closingCommentFromTheLossOn,
      boolean attemptsAreCallsOnTheDealOnly,
      boolean lengthInCharacters,
      boolean fieldsHeldToTheLength,
      boolean firstContactNeedsAConnectedCall) {

    static Reading salesHead() {
      return new Reading(true, false, 15, false, false, false, false, false, false);
    }
  }

  /** One violation: the key the ground truth uses, and a reason code. */
  record Finding(
      String indicator, Long leadId, Long taskId, Long userId, String day, String reason) {
    String key() {
      return indicator + "|" + leadId + "|" + taskId + "|" + userId + "|" + day;
    }
  }

  private static final long WON = 142;
  private static final long LOST = 143;
  private static final Set<String> OUTGOING =
      Set.of("outgoing_call", "outgoing_chat_message", "outgoing_mail", "outgoing_sms");
  private static final List<String> RUSSIAN_ROWS =
      List.of("йцукенгшщзхъ", "фывапролджэ", "ячсмитьбю");
  private static final List<String> LATIN_ROWS = List.of("qwertyuiop", "asdfghjkl", "zxcvbnm");
  private static final int MASH_RUN = 5;
  private static final int REPEATED_RUN = 5;

  /** A closing comment is a user's common note from an hour before the loss on. */
  private static final Duration CLOSING_COMMENT_WINDOW = Duration.ofHours(1);

  private final Scenario scenario;
  private final Reading reading;
  private final Map<String, Object> rules;
  private final Instant now;
  private final Instant periodStart;
  private final ZoneId zone;
  private final Map<String, LocalTime[]> hours = new HashMap<>();
  private final Set<LocalDate> holidays = new HashSet<>();

  private final Map<Long, Lead> leadByContact = new HashMap<>();
  private final Map<Long, Task> taskById = new HashMap<>();
  private final Map<Long, List<Task>> tasksByLead = new HashMap<>();
  private final Map<Long, Note> noteById = new HashMap<>();
  private final Map<Long, List<Event>> eventsByLead = new HashMap<>();
  private final Map<Long, Instant> completionByTask = new HashMap<>();
  private final List<Finding> findings = new ArrayList<>();

  NaiveChecker(Scenario scenario, int historyDays) {
    this(scenario, historyDays, Reading.salesHead());
  }

  @SuppressWarnings("unchecked")
  NaiveChecker(Scenario scenario, int historyDays, Reading reading) {
    this.scenario = scenario;
    this.reading = reading;
    this.rules = scenario.groundTruth().rules();
    this.now = scenario.groundTruth().now();
    this.periodStart = now.minus(Duration.ofDays(historyDays));
    this.zone = ZoneId.of((String) rules.get("timezone"));
    var working = (Map<String, List<String>>) rules.get("workingHours");
    working.forEach(
        (day, span) ->
            hours.put(
                day,
                span == null
                    ? null
                    : new LocalTime[] {
                      LocalTime.parse(span.get(0)), LocalTime.parse(span.get(1))
                    }));
    for (Object day : (List<Object>) rules.get("holidays")) {
      holidays.add(LocalDate.parse((String) day));
    }
    Map<Long, Lead> leadById = new HashMap<>();
    for (Lead lead : scenario.leads()) {
      leadById.put(lead.id(), lead);
      for (long contact : lead.contactIds()) {
        leadByContact.put(contact, lead);
      }
    }
    for (Task task : scenario.tasks()) {
      taskById.put(task.id(), task);
      tasksByLead.computeIfAbsent(task.leadId(), id -> new ArrayList<>()).add(task);
    }
    scenario.notes().forEach(n -> noteById.put(n.id(), n));
    for (Event event : scenario.events()) {
      Long lead = leadOf(event);
      if (lead != null) {
        eventsByLead.computeIfAbsent(lead, id -> new ArrayList<>()).add(event);
      }
      if (event.type().equals("task_completed")) {
        completionByTask.put(event.entityId(), event.createdAt());
      }
    }
    eventsByLead.values().forEach(list -> list.sort(Comparator.comparing(Event::createdAt)));
  }

  private Long leadOf(Event event) {
    return switch (event.entityType()) {
      case "lead" -> event.entityId();
      case "contact" ->
          leadByContact.containsKey(event.entityId())
              ? leadByContact.get(event.entityId()).id()
              : null;
      case "task" ->
          taskById.containsKey(event.entityId()) ? taskById.get(event.entityId()).leadId() : null;
      default -> null;
    };
  }

  List<Finding> check() {
    return check(
        Set.of(
            "first_contact",
            "stuck_deal",
            "overdue_task",
            "no_task",
            "task_result",
            "communication",
            "required_fields",
            "naming",
            "lost_deal",
            "worktime"));
  }

  /** Only the given indicators (a reading that changes one check need not rerun the others). */
  List<Finding> check(Set<String> indicators) {
    taskResults();
    for (Lead lead : scenario.leads()) {
      if (indicators.contains("first_contact")) {
        firstContact(lead);
      }
      if (indicators.contains("stuck_deal")) {
        stuck(lead);
      }
      if (indicators.contains("no_task")) {
        noTask(lead);
      }
      if (indicators.contains("communication")) {
        communication(lead);
      }
      if (indicators.contains("required_fields")) {
        requiredFields(lead);
      }
      if (indicators.contains("naming")) {
        naming(lead);
      }
      if (indicators.contains("lost_deal")) {
        lostDeal(lead);
      }
    }
    if (indicators.contains("overdue_task")) {
      overdue();
    }
    if (indicators.contains("lost_deal")) {
      dumping();
    }
    if (indicators.contains("worktime")) {
      worktime();
    }
    findings.removeIf(f -> !indicators.contains(f.indicator()));
    return findings;
  }

  // ------------------------------------------------------------------ working time, naively

  private boolean working(Instant t) {
    ZonedDateTime local = t.atZone(zone);
    if (holidays.contains(local.toLocalDate())) {
      return false;
    }
    LocalTime[] span =
        hours.get(local.getDayOfWeek().name().substring(0, 3).toLowerCase(Locale.ROOT));
    if (span == null) {
      return false;
    }
    LocalTime time = local.toLocalTime();
    return !time.isBefore(span[0]) && time.isBefore(span[1]);
  }

  /** Steps minute by minute until {@code minutes} working minutes have passed. */
  private Instant plusWorking(Instant start, long minutes) {
    Instant t = start;
    long counted = 0;
    while (counted < minutes) {
      if (working(t)) {
        counted++;
      }
      t = t.plusSeconds(60);
    }
    return t;
  }

  private Instant nextOpening(Instant t) {
    Instant cursor = t;
    while (!working(cursor)) {
      cursor = cursor.plusSeconds(60);
    }
    return cursor;
  }

  private String day(Instant t) {
    return t.atZone(zone).toLocalDate().toString();
  }

  // ------------------------------------------------------------------ helpers over the data

  private boolean active(Lead lead) {
    return lead.statusId() != WON && lead.statusId() != LOST;
  }

  private List<Event> events(Lead lead) {
    return eventsByLead.getOrDefault(lead.id(), List.of());
  }

  private List<Instant> outgoing(Lead lead) {
    List<Instant> times = new ArrayList<>();
    for (Event event : events(lead)) {
      if (OUTGOING.contains(event.type()) && !event.entityType().equals("task")) {
        times.add(event.createdAt());
      }
    }
    return times;
  }

  private Instant completion(Task task) {
    return completionByTask.getOrDefault(task.id(), task.updatedAt());
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> section(String name) {
    return (Map<String, Object>) rules.get(name);
  }

  private int number(String section, String key) {
    return ((Number) section(section).get(key)).intValue();
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> stageRules(long pipelineId, long statusId) {
    for (Object item : (List<Object>) rules.get("stages")) {
      Map<String, Object> stage = (Map<String, Object>) item;
      if (((Number) stage.get("pipelineId")).longValue() == pipelineId
          && ((Number) stage.get("statusId")).longValue() == statusId) {
        return stage;
      }
    }
    return null;
  }

  private void add(String indicator, Long lead, Long task, Long user, String day, String reason) {
    findings.add(new Finding(indicator, lead, task, user, day, reason));
  }

  // ------------------------------------------------------------------ 1 first_contact

  private void firstContact(Lead lead) {
    Instant deadline = plusWorking(lead.createdAt(), number("firstContact", "slaMinutes"));
    Instant first = null;
    for (Event out : events(lead)) {
      boolean unanswered = out.type().equals("outgoing_call") && isSilent(out);
      boolean counts =
          OUTGOING.contains(out.type())
              && !(reading.firstContactNeedsAConnectedCall() && unanswered);
      Instant t = out.createdAt();
      if (counts && !t.isBefore(lead.createdAt()) && (first == null || t.isBefore(first))) {
        first = t;
      }
    }
    for (Task task : tasksByLead.getOrDefault(lead.id(), List.of())) {
      if (task.completed() && junkResult(task) == null) {
        Instant done = completion(task);
        if (first == null || done.isBefore(first)) {
          first = done;
        }
      }
    }
    if (first == null && now.isAfter(deadline)) {
      add("first_contact", lead.id(), null, lead.responsibleUserId(), day(deadline), "none");
    } else if (first != null && first.isAfter(deadline)) {
      long late = 0;
      for (Instant t = lead.createdAt(); t.isBefore(first); t = t.plusSeconds(60)) {
        late += working(t) ? 1 : 0;
      }
      String grade =
          late > 2L * number("firstContact", "slaMinutes") ? "late_critical" : "late_warning";
      add("first_contact", lead.id(), null, lead.responsibleUserId(), day(deadline), grade);
    }
  }

  // ------------------------------------------------------------------ 2 stuck_deal

  private void stuck(Lead lead) {
    if (!active(lead)) {
      return;
    }
    Instant entered = lead.createdAt();
    for (Event event : events(lead)) {
      if (event.type().equals("lead_status_changed")) {
        entered = event.createdAt();
      }
    }
    Map<String, Object> stage = stageRules(lead.pipelineId(), lead.statusId());
    int maxDays = stage == null ? 14 : ((Number) stage.get("maxDays")).intValue();
    boolean stuck =
        reading.stuckInWorkingDays()
            ? workingDays(entered, now) > maxDays
            : Duration.between(entered, now).compareTo(Duration.ofDays(maxDays)) > 0;
    if (stuck) {
      add("stuck_deal", lead.id(), null, lead.responsibleUserId(), null, "stuck");
    }
  }

  // ------------------------------------------------------------------ 3 overdue_task

  private void overdue() {
    for (Task task : scenario.tasks()) {
      if (task.completed()) {
        continue;
      }
      // A deadline outside working hours counts from the next opening.
      Instant effective = nextOpening(task.completeTill());
      if (now.isAfter(effective)) {
        add(
            "overdue_task",
            task.leadId(),
            task.id(),
            task.responsibleUserId(),
            null,
            "deadline_passed");
      }
    }
  }

  // ------------------------------------------------------------------ 4 no_task

  private void noTask(Lead lead) {
    if (!active(lead) || incomingStage(lead)) {
      return;
    }
    for (Task task : tasksByLead.getOrDefault(lead.id(), List.of())) {
      if (!task.completed()) {
        return;
      }
    }
    add("no_task", lead.id(), null, lead.responsibleUserId(), null, "no_open_task");
  }

  private boolean incomingStage(Lead lead) {
    for (var pipeline : scenario.pipelines()) {
      for (var status : pipeline.statuses()) {
        if (pipeline.id() == lead.pipelineId() && status.id() == lead.statusId()) {
          return status.type() == 1;
        }
      }
    }
    return false;
  }

  // ------------------------------------------------------------------ 5 task_result

  private final Map<Long, String> previousResult = new HashMap<>();

  /** Finds junk results; remembers each task's manager's previous result for the copy check. */
  private void taskResults() {
    List<Task> done = new ArrayList<>(scenario.tasks().stream().filter(Task::completed).toList());
    done.sort(Comparator.comparing(this::completion));
    Map<Long, String> lastByManager = new HashMap<>();
    for (Task task : done) {
      String previous = lastByManager.get(task.responsibleUserId());
      if (previous != null) {
        previousResult.put(task.id(), previous);
      }
      lastByManager.put(task.responsibleUserId(), task.resultText());
    }
    for (Task task : done) {
      String reason = junkResult(task);
      if (reason != null) {
        add(
            "task_result",
            task.leadId(),
            task.id(),
            task.responsibleUserId(),
            day(completion(task)),
            reason);
      }
    }
  }

  private final Map<Long, String> junkByTask = new HashMap<>();

  /** The junk kind of a completed task's result, or null when it is a real result. */
  private String junkResult(Task task) {
    return junkByTask.computeIfAbsent(task.id(), id -> classify(task));
  }

  private String classify(Task task) {
    String text = task.resultText() == null ? "" : task.resultText();
    if (text.isBlank()) {
      return "empty";
    }
    String common = commonJunk(text);
    if (common != null && !common.startsWith("keyboard") && !common.equals("repeated_characters")) {
      return common;
    }
    if (normalize(text).equals(normalize(task.text()))) {
      return "copy_of_task_text";
    }
    String previous = previousResult.get(task.id());
    if (previous != null && !previous.isBlank() && normalize(text).equals(normalize(previous))) {
      return "previous_result";
    }
    if (common != null) {
      return common;
    }
    return tooShort(text) ? "too_short" : null;
  }

  private boolean tooShort(String text) {
    int length = 0;
    for (char c : text.trim().toCharArray()) {
      length += reading.lengthInCharacters() || Character.isLetter(c) ? 1 : 0;
    }
    return length < number("taskResults", "minLength");
  }

  /** Junk rules shared by results and fields: placeholder, punctuation, repeats, mash. */
  @SuppressWarnings("unchecked")
  private String commonJunk(String text) {
    String trimmed = text.trim().toLowerCase(Locale.ROOT);
    for (Object placeholder : (List<Object>) section("taskResults").get("placeholders")) {
      if (trimmed.equals(((String) placeholder).toLowerCase(Locale.ROOT))) {
        return "placeholder";
      }
    }
    boolean letterOrDigit = false;
    for (char c : trimmed.toCharArray()) {
      letterOrDigit |= Character.isLetterOrDigit(c);
    }
    if (!letterOrDigit) {
      return "punctuation_only";
    }
    String compact = trimmed.replaceAll("\\s", "");
    Set<Character> distinct = new HashSet<>();
    for (char c : compact.toCharArray()) {
      distinct.add(c);
    }
    if (compact.length() >= 3 && distinct.size() <= 2) {
      return "repeated_characters";
    }
    int run = 1;
    for (int i = 1; i < compact.length(); i++) {
      boolean same =
          compact.charAt(i) == compact.charAt(i - 1) && Character.isLetter(compact.charAt(i));
      run = same ? run + 1 : 1;
      if (run >= REPEATED_RUN) {
        return "repeated_characters";
      }
    }
    for (String word : trimmed.split("[^\\p{L}]+")) {
      for (int i = 0; i + MASH_RUN <= word.length(); i++) {
        String piece = word.substring(i, i + MASH_RUN);
        String reversed = new StringBuilder(piece).reverse().toString();
        for (String row : RUSSIAN_ROWS) {
          if (row.contains(piece) || row.contains(reversed)) {
            return "keyboard_mash_ru";
          }
        }
        for (String row : LATIN_ROWS) {
          if (row.contains(piece) || row.contains(reversed)) {
            return "keyboard_mash_en";
          }
        }
      }
    }
    return null;
  }

  private static String normalize(String text) {
    String lower = text.toLowerCase(Locale.ROOT).trim().replaceAll("\\s+", " ");
    return lower.replaceAll("[\\p{Punct}\\s]+$", "");
  }

  // ------------------------------------------------------------------ 6 communication

  private void communication(Lead lead) {
    List<Event> events = events(lead);
    for (Event in : events) {
      String type = in.type();
      boolean message = type.equals("incoming_chat_message") || type.equals("incoming_mail");
      boolean missed = type.equals("incoming_call") && isSilent(in);
      if (!message && !missed) {
        continue;
      }
      // A message is answered by any outgoing contact; a missed call by a call back.
      String sameChannel =
          missed
              ? "outgoing_call"
              : type.equals("incoming_mail") ? "outgoing_mail" : "outgoing_chat_message";
      Instant answer = null;
      for (Event out : events) {
        boolean answers =
            missed || reading.repliesOnTheSameChannelOnly()
                ? out.type().equals(sameChannel)
                : OUTGOING.contains(out.type());
        if (answers && out.createdAt().isAfter(in.createdAt())) {
          answer = out.createdAt();
          break;
        }
      }
      int limit =
          missed
              ? number("communications", "missedCallCallbackMinutes")
              : number("communications", "replyMinutes");
      boolean workingTime = missed || reading.messageRepliesInWorkingTime();
      Instant deadline =
          workingTime
              ? plusWorking(in.createdAt(), limit)
              : in.createdAt().plus(Duration.ofMinutes(limit));
      String what =
          type.equals("incoming_chat_message")
              ? "chat"
              : type.equals("incoming_mail") ? "mail" : "missed_call";
      String reason = null;
      if (answer == null && now.isAfter(deadline)) {
        reason = what + (missed ? "_no_callback" : "_unanswered");
      } else if (answer != null && answer.isAfter(deadline)) {
        reason = what + (missed ? "_late_callback" : "_late_reply");
      }
      if (reason != null) {
        add(
            "communication",
            lead.id(),
            null,
            lead.responsibleUserId(),
            day(in.createdAt()),
            reason);
      }
    }
  }

  /** A call whose note says it lasted 0 seconds: missed (incoming) or unanswered (outgoing). */
  @SuppressWarnings("unchecked")
  private boolean isSilent(Event call) {
    for (Map<String, Object> value : call.valueAfter()) {
      Map<String, Object> pointer = (Map<String, Object>) value.get("note");
      if (pointer != null) {
        Note note = noteById.get(((Number) pointer.get("id")).longValue());
        return note != null && ((Number) note.params().get("duration")).intValue() == 0;
      }
    }
    return false;
  }

  // ------------------------------------------------------------------ 7 required_fields

  @SuppressWarnings("unchecked")
  private void requiredFields(Lead lead) {
    if (!active(lead)) {
      return;
    }
    Map<String, Object> stage = stageRules(lead.pipelineId(), lead.statusId());
    if (stage == null) {
      return;
    }
    String reason = null;
    for (Object id : (List<Object>) stage.get("requiredFields")) {
      long fieldId = ((Number) id).longValue();
      var value = lead.customFields().stream().filter(f -> f.fieldId() == fieldId).findFirst();
      boolean empty =
          value.isEmpty()
              || value.get().enumIds().isEmpty()
                  && value.get().values().stream().allMatch(String::isBlank);
      if (empty) {
        reason = "empty";
        break;
      }
      // Fields share the results' junk rules except length: "Уфа" is a fine city.
      boolean text =
          scenario.leadFields().stream()
              .anyMatch(f -> f.id() == fieldId && f.type().equals("text"));
      boolean junk =
          value.get().values().stream()
              .anyMatch(
                  v -> commonJunk(v) != null || reading.fieldsHeldToTheLength() && tooShort(v));
      if (text && junk) {
        reason = "junk";
        break;
      }
    }
    if (reason != null) {
      add("required_fields", lead.id(), null, lead.responsibleUserId(), null, reason);
    }
  }

  // ------------------------------------------------------------------ 8 naming

  private void naming(Lead lead) {
    Map<String, Object> naming = section("naming");
    if (!active(lead) || !Boolean.TRUE.equals(naming.get("enabled"))) {
      return;
    }
    String rendered = (String) naming.get("template");
    for (var field : scenario.leadFields()) {
      String value =
          lead.customFields().stream()
              .filter(f -> f.fieldId() == field.id())
              .map(f -> f.values().isEmpty() ? "" : f.values().get(0))
              .findFirst()
              .orElse("");
      rendered = rendered.replace("{field:" + field.name() + "}", value);
    }
    String contact =
        scenario.contacts().stream()
            .filter(c -> lead.contactIds().contains(c.id()))
            .map(Scenario.Contact::name)
            .findFirst()
            .orElse("");
    rendered = rendered.replace("{contact}", contact);
    // Separators around an empty token collapse.
    List<String> parts = new ArrayList<>();
    for (String part : rendered.split("/")) {
      if (!part.isBlank()) {
        parts.add(part.trim());
      }
    }
    if (!lead.name().equals(String.join(" / ", parts))) {
      add("naming", lead.id(), null, lead.responsibleUserId(), null, "name_differs");
    }
  }

  // ------------------------------------------------------------------ 9 lost_deal

  private Event lossEvent(Lead lead) {
    Event loss = null;
    for (Event event : events(lead)) {
      if (event.type().equals("lead_status_changed") && statusIn(event.valueAfter()) == LOST) {
        loss = event;
      }
    }
    return loss;
  }

  @SuppressWarnings("unchecked")
  private static long statusIn(List<Map<String, Object>> values) {
    for (Map<String, Object> value : values) {
      Map<String, Object> status = (Map<String, Object>) value.get("lead_status");
      if (status != null) {
        return ((Number) status.get("id")).longValue();
      }
    }
    return -1;
  }

  /** Outgoing contacts before the loss: on the deal and its contacts, or calls on the deal. */
  private long attempts(Lead lead, Instant lostAt) {
    long count = 0;
    for (Event out : events(lead)) {
      boolean counts =
          reading.attemptsAreCallsOnTheDealOnly()
              ? out.type().equals("outgoing_call") && out.entityType().equals("lead")
              : OUTGOING.contains(out.type());
      count += counts && out.createdAt().isBefore(lostAt) ? 1 : 0;
    }
    return count;
  }

  /** Whole working days in [from, to], counted as working minutes over a day's length. */
  private double workingDays(Instant from, Instant to) {
    long minutes = 0;
    for (Instant t = from; t.isBefore(to); t = t.plusSeconds(60)) {
      minutes += working(t) ? 1 : 0;
    }
    LocalTime[] monday = hours.get("mon");
    return minutes / (double) Duration.between(monday[0], monday[1]).toMinutes();
  }

  private void lostDeal(Lead lead) {
    if (lead.statusId() != LOST) {
      return;
    }
    Instant lostAt = lossEvent(lead).createdAt();
    String reason = null;
    if (lead.lossReasonId() == null) {
      reason = "no_reason";
    } else if (scenario.notes().stream()
        .noneMatch(
            n ->
                n.leadId() == lead.id()
                    && n.noteType().equals("common")
                    && n.createdBy() != 0
                    && !n.createdAt()
                        .isBefore(
                            reading.closingCommentFromTheLossOn()
                                ? lostAt
                                : lostAt.minus(CLOSING_COMMENT_WINDOW)))) {
      reason = "no_comment";
    } else if (attempts(lead, lostAt) < number("lostDeals", "minContactAttempts")) {
      reason = "few_attempts";
    }
    if (reason != null) {
      add("lost_deal", lead.id(), null, lead.responsibleUserId(), day(lostAt), reason);
    }
  }

  /**
   * Lead dumping: a manager whose loss rate (lost / closed) is at least 1.5 times the rest of the
   * team's and 15 points above it, and whose share of losses at middle stages (a regular stage that
   * is neither the first nor the last) is at least twice the team's.
   */
  @SuppressWarnings("unchecked")
  private void dumping() {
    List<Object> managers = (List<Object>) rules.get("managers");
    Map<Long, int[]> tally = new HashMap<>(); // won, lost, lost at middle
    for (Object id : managers) {
      tally.put(((Number) id).longValue(), new int[3]);
    }
    for (Lead lead : scenario.leads()) {
      int[] counts = tally.get(lead.responsibleUserId());
      if (counts == null) {
        continue;
      }
      if (lead.statusId() == WON) {
        counts[0]++;
      } else if (lead.statusId() == LOST) {
        counts[1]++;
        counts[2] += isMiddle(lead.pipelineId(), statusIn(lossEvent(lead).valueBefore())) ? 1 : 0;
      }
    }
    for (var entry : tally.entrySet()) {
      int[] own = entry.getValue();
      int[] team = new int[3];
      for (var other : tally.entrySet()) {
        if (!other.getKey().equals(entry.getKey())) {
          for (int i = 0; i < 3; i++) {
            team[i] += other.getValue()[i];
          }
        }
      }
      double ownRate = (double) own[1] / (own[0] + own[1]);
      double teamRate = (double) team[1] / (team[0] + team[1]);
      double ownMiddle = (double) own[2] / own[1];
      double teamMiddle = (double) team[2] / team[1];
      if (ownRate >= 1.5 * teamRate && ownRate - teamRate >= 0.15 && ownMiddle >= 2 * teamMiddle) {
        add("lost_deal", null, null, entry.getKey(), null, "lead_dumping");
      }
    }
  }

  private boolean isMiddle(long pipelineId, long statusId) {
    for (var pipeline : scenario.pipelines()) {
      if (pipeline.id() != pipelineId) {
        continue;
      }
      List<Long> regular =
          pipeline.statuses().stream()
              .filter(s -> s.type() == 0 && s.id() != WON && s.id() != LOST)
              .sorted(Comparator.comparingInt(Scenario.Status::sort))
              .map(Scenario.Status::id)
              .toList();
      int at = regular.indexOf(statusId);
      return at > 0 && at < regular.size() - 1;
    }
    return false;
  }

  // ------------------------------------------------------------------ 10 worktime

  @SuppressWarnings("unchecked")
  private void worktime() {
    int expected = number("worktime", "expectedMinutesPerDay");
    for (Object id : (List<Object>) rules.get("managers")) {
      long manager = ((Number) id).longValue();
      for (LocalDate day = periodStart.atZone(zone).toLocalDate();
          !day.isAfter(now.atZone(zone).toLocalDate());
          day = day.plusDays(1)) {
        LocalTime[] span =
            hours.get(day.getDayOfWeek().name().substring(0, 3).toLowerCase(Locale.ROOT));
        if (span == null || holidays.contains(day)) {
          continue;
        }
        Instant open = day.atTime(span[0]).atZone(zone).toInstant();
        Instant close = day.atTime(span[1]).atZone(zone).toInstant();
        // Only whole working days inside the period are judged.
        if (open.isBefore(periodStart) || close.isAfter(now)) {
          continue;
        }
        int length = (int) Duration.between(open, close).toMinutes();
        boolean[] active = new boolean[length];
        for (Event event : scenario.events()) {
          if (event.createdBy() != manager
              || event.createdAt().isBefore(open)
              || !event.createdAt().isBefore(close)) {
            continue;
          }
          int minute = (int) Duration.between(open, event.createdAt()).toMinutes();
          for (int m = minute; m < Math.min(length, minute + reading.activitySpanMinutes()); m++) {
            active[m] = true;
          }
        }
        int minutes = 0;
        for (boolean on : active) {
          minutes += on ? 1 : 0;
        }
        if (minutes < expected) {
          add("worktime", null, null, manager, day.toString(), "short_day");
        }
      }
    }
  }
}
