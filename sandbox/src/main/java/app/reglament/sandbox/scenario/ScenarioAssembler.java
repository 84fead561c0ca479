package app.reglament.sandbox.scenario;

import app.reglament.sandbox.scenario.Scenario.Contact;
import app.reglament.sandbox.scenario.Scenario.Event;
import app.reglament.sandbox.scenario.Scenario.FieldValue;
import app.reglament.sandbox.scenario.Scenario.GroundTruth;
import app.reglament.sandbox.scenario.Scenario.Lead;
import app.reglament.sandbox.scenario.Scenario.Note;
import app.reglament.sandbox.scenario.Scenario.Planted;
import app.reglament.sandbox.scenario.Scenario.Task;
import app.reglament.sandbox.scenario.Story.EventDraft;
import app.reglament.sandbox.scenario.Story.NoteDraft;
import app.reglament.sandbox.scenario.Story.ResultKind;
import app.reglament.sandbox.scenario.Story.TaskDraft;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Turns the lived deals into the Scenario: numbers everything in time order (as amoCRM's ids grow),
 * writes the result texts (unique per manager, so only the planted copy repeats one), names the
 * deals by the template, fills the managers' days, and lists the planted mistakes.
 */
final class ScenarioAssembler {
  private static final long FIRST_LEAD_ID = 24_100_001L;
  private static final long FIRST_CONTACT_ID = 43_500_001L;
  private static final long FIRST_TASK_ID = 61_200_001L;
  private static final long FIRST_NOTE_ID = 88_000_001L;
  private static final List<String> INDICATORS =
      List.of(
          "first_contact",
          "stuck_deal",
          "overdue_task",
          "no_task",
          "task_result",
          "communication",
          "required_fields",
          "naming",
          "lost_deal",
          "worktime");

  private final ScenarioSettings settings;
  private final Department department;
  private final Availability availability;
  private final WorkCalendar calendar;
  private final Planner.Blueprint blueprint;
  private final Map<String, Object> rules;
  private final Random random;
  private final List<Planted> planted = new ArrayList<>();

  ScenarioAssembler(
      ScenarioSettings settings,
      Department department,
      Availability availability,
      Planner.Blueprint blueprint,
      Map<String, Object> rules) {
    this.settings = settings;
    this.department = department;
    this.availability = availability;
    this.calendar = availability.calendar();
    this.blueprint = blueprint;
    this.rules = rules;
    this.random = new Random(settings.seed() * 13 + 5);
  }

  Scenario assemble(List<Story> lived) {
    List<Story> stories = new ArrayList<>(lived);
    stories.sort(
        Comparator.comparing((Story s) -> s.createdAt).thenComparingInt(s -> s.slot.index()));
    for (int i = 0; i < stories.size(); i++) {
      stories.get(i).leadId = FIRST_LEAD_ID + i;
      stories.get(i).contactId = FIRST_CONTACT_ID + i;
    }
    List<TaskDraft> tasks = numberTasks(stories);
    writeResults(tasks);
    plantPreviousResults(stories, tasks);
    Map<Story, String> names = nameDeals(stories);
    List<LocalDate> days =
        ActivityEstimate.judgedDays(calendar, settings.windowStart(), settings.now());
    var minutes = new WorkFiller(department, availability, settings.seed()).fill(stories, days);
    plantWorktime(minutes, days);
    plantDumping(stories);
    List<NoteDraft> notes = numberNotes(stories);
    List<EventDraft> events = orderEvents(stories);
    for (Story story : stories) {
      for (Story.PlantedDraft draft : story.planted) {
        long user = draft.task() != null ? draft.task().responsible : story.responsible;
        Long taskId = draft.task() != null ? draft.task().id : null;
        planted.add(
            new Planted(
                draft.indicator(), story.leadId, taskId, user, draft.day(), draft.description()));
      }
    }
    planted.sort(
        Comparator.comparingInt((Planted p) -> INDICATORS.indexOf(p.indicator()))
            .thenComparing(p -> p.leadId() == null ? 0 : p.leadId())
            .thenComparing(p -> p.taskId() == null ? 0 : p.taskId())
            .thenComparing(p -> p.userId() == null ? 0 : p.userId())
            .thenComparing(p -> p.day() == null ? "" : p.day()));
    return new Scenario(
        department.account,
        department.groups,
        department.users,
        department.pipelines(),
        department.leadFields(),
        department.lossReasons,
        stories.stream().map(this::contact).toList(),
        stories.stream().map(s -> lead(s, names.get(s))).toList(),
        tasks.stream().map(ScenarioAssembler::task).toList(),
        notes.stream().map(this::note).toList(),
        events.stream().map(ScenarioAssembler::event).toList(),
        new GroundTruth(settings.seed(), settings.now(), rules, List.copyOf(planted)));
  }

  // ---------------------------------------------------------------- tasks and results

  private static List<TaskDraft> numberTasks(List<Story> stories) {
    List<TaskDraft> tasks = new ArrayList<>();
    for (Story story : stories) {
      tasks.addAll(story.tasks);
    }
    // Stable: tasks created at the same second keep deal order, then creation order.
    tasks.sort(Comparator.comparing((TaskDraft t) -> t.createdAt));
    for (int i = 0; i < tasks.size(); i++) {
      tasks.get(i).id = FIRST_TASK_ID + i;
    }
    return tasks;
  }

  private void writeResults(List<TaskDraft> tasks) {
    Texts texts = new Texts();
    for (TaskDraft task : tasks) {
      if (!task.completed()) {
        continue;
      }
      task.resultText =
          switch (task.resultKind) {
            case VALID, PREVIOUS_RESULT ->
                texts.result(task.responsible, task.resultStage, task.facts, random);
            case LOSS -> texts.lossResult(task.responsible, task.facts, random);
            case JUNK -> task.junk.sample(task.junkVariant);
            case COPY_OF_TASK -> task.text;
          };
    }
  }

  /**
   * The planted "previous result pasted again": the task's result becomes, word for word, the
   * result of the same manager's previous completed task. Done last, when every manager's sequence
   * of results is known.
   */
  private void plantPreviousResults(List<Story> stories, List<TaskDraft> tasks) {
    Map<Long, List<TaskDraft>> byManager = new HashMap<>();
    for (TaskDraft task : tasks) {
      if (task.completed()) {
        byManager.computeIfAbsent(task.responsible, id -> new ArrayList<>()).add(task);
      }
    }
    byManager
        .values()
        .forEach(list -> list.sort(Comparator.comparing((TaskDraft t) -> t.completedAt)));
    // A result already copied, or copied from, stays as it is: a later plant must not change it.
    java.util.Set<TaskDraft> locked = new java.util.HashSet<>();
    for (Story story : stories) {
      if (!story.slot.has(Plan.RESULT_PREVIOUS)) {
        continue;
      }
      TaskDraft chosen = null;
      for (TaskDraft candidate : story.previousResultCandidates) {
        List<TaskDraft> own = byManager.get(candidate.responsible);
        int at = own.indexOf(candidate);
        boolean free =
            !locked.contains(candidate) && !locked.contains(own.get(Math.max(0, at - 1)));
        if (free && at >= 2 && at < own.size() - 1 && isClearPredecessor(own, at)) {
          chosen = candidate;
          TaskDraft previous = own.get(at - 1);
          locked.add(previous);
          locked.add(chosen);
          locked.add(own.get(at + 1));
          chosen.resultText = previous.resultText;
          chosen.resultKind = ResultKind.PREVIOUS_RESULT;
          story.planted.add(
              new Story.PlantedDraft(
                  "task_result",
                  chosen,
                  calendar.date(chosen.completedAt).toString(),
                  Junk.PREVIOUS_RESULT.code
                      + ": result of «"
                      + chosen.text
                      + "» repeats the manager's"
                      + " previous result (task "
                      + previous.id
                      + ")"));
          break;
        }
      }
      if (chosen == null) {
        throw new IllegalStateException(
            "no task can repeat a previous result in deal " + story.slot);
      }
      for (TaskDraft candidate : story.previousResultCandidates) {
        if (candidate != chosen && candidate.resultKind == ResultKind.PREVIOUS_RESULT) {
          candidate.resultKind = ResultKind.VALID;
        }
      }
    }
  }

  /** The predecessor is a real result, and no other task shares either moment. */
  private static boolean isClearPredecessor(List<TaskDraft> own, int at) {
    TaskDraft previous = own.get(at - 1);
    boolean real =
        previous.resultKind == ResultKind.VALID || previous.resultKind == ResultKind.LOSS;
    return real
        && own.get(at - 2).completedAt.isBefore(previous.completedAt)
        && previous.completedAt.isBefore(own.get(at).completedAt)
        && own.get(at).completedAt.isBefore(own.get(at + 1).completedAt);
  }

  // ---------------------------------------------------------------- names

  private Map<Story, String> nameDeals(List<Story> stories) {
    Map<Story, String> names = new HashMap<>();
    for (Story story : stories) {
      String product = story.filled.get(LeadField.PRODUCT);
      String city = story.filled.get(LeadField.CITY);
      String proper = Naming.render(product, story.contactName, city);
      Plan plan = story.slot.plan();
      String name = proper;
      String kind = null;
      if (plan == Plan.NAMING_DEFAULT_NAME || plan == Plan.CLOSED_WITH_OLD_NAME) {
        name = Naming.DEFAULT_FORM_NAME;
        kind = "default_name";
      } else if (plan == Plan.NAMING_NO_SEPARATORS) {
        name = proper.replace(Regulations.NAMING_SEPARATOR, " ");
        kind = "no_separators";
      } else if (plan == Plan.NAMING_STALE_PRODUCT) {
        String stale =
            Words.PRODUCTS.get((Words.PRODUCTS.indexOf(product) + 1) % Words.PRODUCTS.size());
        name = Naming.render(stale, story.contactName, city);
        kind = "stale_product";
      } else if (plan == Plan.NAMING_DEAL_NUMBER) {
        name = Naming.DEAL_NUMBER_PREFIX + story.leadId;
        kind = "deal_number";
      }
      if (kind != null && name.equals(proper)) {
        throw new IllegalStateException("planted name equals the template's: " + name);
      }
      names.put(story, name);
      if (kind != null && plan.isMistake()) {
        story.planted.add(
            new Story.PlantedDraft(
                "naming",
                null,
                null,
                kind + ": named «" + name + "», the template gives «" + proper + "»"));
      }
    }
    return names;
  }

  // ---------------------------------------------------------------- worktime and dumping

  private void plantWorktime(
      Map<Long, Map<LocalDate, WorkFiller.DayActivity>> minutes, List<LocalDate> days) {
    for (Department.Manager manager : department.managers) {
      for (LocalDate day : days) {
        WorkFiller.DayActivity active = minutes.get(manager.id()).get(day);
        boolean isShort = availability.isShortDay(manager.id(), day);
        // Ordinary or short whichever estimate an engine makes: check the extremes.
        boolean clear =
            isShort
                ? active.generous() <= WorkFiller.MAX_SHORT_MINUTES
                : active.stingy() >= WorkFiller.MIN_ORDINARY_MINUTES;
        if (!clear) {
          throw new IllegalStateException(
              String.format(
                  Locale.ROOT, "%s on %s: %s, short day %s", manager.name(), day, active, isShort));
        }
        if (isShort) {
          planted.add(
              new Planted(
                  "worktime",
                  null,
                  null,
                  manager.id(),
                  day.toString(),
                  String.format(
                      Locale.ROOT,
                      "short_day: %s worked only until %s, about %.0f active minutes of %d",
                      manager.name(),
                      Availability.SHORT_DAY_END,
                      active.standard(),
                      Regulations.EXPECTED_MINUTES_PER_DAY)));
        }
      }
    }
  }

  /** Plants the dumping signal and checks that only the dumper stands out. */
  private void plantDumping(List<Story> stories) {
    var tallies = TeamFigures.tally(department, stories);
    for (Department.Manager manager : department.managers) {
      var own = tallies.get(manager.id());
      var team = TeamFigures.others(tallies, manager.id());
      boolean dumping = TeamFigures.isDumping(own, team);
      boolean dumper = manager.id() == blueprint.dumperId();
      if (dumping != dumper) {
        throw new IllegalStateException(
            "dumping figures came out wrong for "
                + manager.name()
                + ": "
                + TeamFigures.describe(manager.name(), own, team));
      }
      if (dumper) {
        planted.add(
            new Planted(
                "lost_deal",
                null,
                null,
                manager.id(),
                null,
                TeamFigures.describe(manager.name(), own, team)));
      }
    }
  }

  // ---------------------------------------------------------------- notes and events

  private static List<NoteDraft> numberNotes(List<Story> stories) {
    List<NoteDraft> notes = new ArrayList<>();
    for (Story story : stories) {
      notes.addAll(story.notes);
    }
    notes.sort(Comparator.comparing((NoteDraft n) -> n.at).thenComparing(n -> n.owner.leadId));
    for (int i = 0; i < notes.size(); i++) {
      notes.get(i).id = FIRST_NOTE_ID + i;
    }
    return notes;
  }

  private static List<EventDraft> orderEvents(List<Story> stories) {
    List<EventDraft> events = new ArrayList<>();
    for (Story story : stories) {
      events.addAll(story.events);
    }
    events.sort(Comparator.comparing((EventDraft e) -> e.at).thenComparing(e -> e.owner.leadId));
    for (int i = 0; i < events.size(); i++) {
      events.get(i).sequence = i + 1;
    }
    return events;
  }

  // ---------------------------------------------------------------- records

  private Lead lead(Story story, String name) {
    List<FieldValue> fields = new ArrayList<>();
    for (LeadField field : LeadField.values()) {
      String value = story.filled.get(field);
      if (value == null) {
        continue;
      }
      List<Long> enums = field.isSelect() ? List.of(department.enumId(field, value)) : List.of();
      fields.add(new FieldValue(department.fieldId(field), List.of(value), enums));
    }
    String budget = story.filled.get(LeadField.BUDGET);
    return new Lead(
        story.leadId,
        name,
        budget == null ? 0 : Long.parseLong(budget),
        story.responsible,
        story.slot.pipelineId(),
        story.statusId,
        story.lossReasonId,
        Department.ROBOT,
        story.createdAt,
        story.updatedAt(),
        story.closedAt,
        List.copyOf(fields),
        List.of(story.contactId));
  }

  private Contact contact(Story story) {
    return new Contact(
        story.contactId,
        story.contactName,
        story.responsible,
        List.of(new FieldValue(Department.CONTACT_PHONE_FIELD, List.of(story.phone), List.of())),
        story.createdAt,
        story.contactUpdatedAt);
  }

  private static Task task(TaskDraft task) {
    return new Task(
        task.id,
        task.story.leadId,
        task.responsible,
        task.typeId,
        task.text,
        task.completeTill,
        task.completed(),
        task.resultText,
        task.createdBy,
        task.createdAt,
        task.updatedAt());
  }

  private Note note(NoteDraft note) {
    return new Note(note.id, note.owner.leadId, note.type, note.params, note.createdBy, note.at);
  }

  /** "e-000123": amoCRM's event ids are strings. */
  static String eventId(long sequence) {
    String digits = Long.toString(sequence);
    return "e-" + "0".repeat(Math.max(0, 6 - digits.length())) + digits;
  }

  private static Event event(EventDraft event) {
    Story story = event.owner;
    long entity =
        switch (event.target) {
          case LEAD -> story.leadId;
          case CONTACT -> story.contactId;
          case TASK -> event.task.id;
        };
    List<Map<String, Object>> after =
        event.note != null ? List.of(Map.of("note", Map.of("id", event.note.id))) : event.after;
    return new Event(
        eventId(event.sequence),
        event.type,
        entity,
        event.target.name().toLowerCase(Locale.ROOT),
        event.createdBy,
        event.at,
        event.before,
        after);
  }
}
