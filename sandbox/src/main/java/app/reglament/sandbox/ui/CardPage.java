package app.reglament.sandbox.ui;

import app.reglament.sandbox.store.Contact;
import app.reglament.sandbox.store.FieldValue;
import app.reglament.sandbox.store.Lead;
import app.reglament.sandbox.store.Pipeline;
import app.reglament.sandbox.store.Status;
import app.reglament.sandbox.store.Store;
import app.reglament.sandbox.store.Task;
import app.reglament.sandbox.store.TaskType;
import app.reglament.sandbox.store.User;
import app.reglament.sandbox.ui.CardView.ContactView;
import app.reglament.sandbox.ui.CardView.Deal;
import app.reglament.sandbox.ui.CardView.StageGroup;
import app.reglament.sandbox.ui.CardView.StageOption;
import app.reglament.sandbox.ui.CardView.TaskForm;
import app.reglament.sandbox.ui.CardView.TaskView;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

/**
 * The deal card, {@code /leads/detail/{id}} as in amoCRM: the deal's fields on the left, its tasks
 * and history in the middle, and the empty right-hand {@code #widgets_block} where a widget
 * renders.
 */
final class CardPage {
  private final Store store;
  private final Pages pages;

  CardPage(Store store, Pages pages) {
    this.store = store;
    this.pages = pages;
  }

  void show(Context ctx) {
    Lead lead = lead(ctx);
    render(ctx, 200, lead.id(), Actor.of(ctx, store), null);
  }

  /** The deal the path names; a 404 page when there is none or it was deleted. */
  Lead lead(Context ctx) {
    String id = ctx.pathParam("id");
    try {
      return store
          .lead(Long.parseLong(id))
          .filter(lead -> !lead.deleted())
          .orElseThrow(
              () -> UiProblem.notFound("Сделки " + id + " нет: она удалена или не создана"));
    } catch (NumberFormatException e) {
      throw UiProblem.notFound("Сделки «" + id + "» нет");
    }
  }

  /** The card as it is now, with the message of a refused form when there is one. */
  void render(Context ctx, int status, long leadId, User actor, String error) {
    Lead lead = store.lead(leadId).orElseThrow();
    Names names = Names.of(store);
    Pipeline pipeline = store.pipeline(lead.pipelineId()).orElseThrow();
    Status stage = pipeline.status(lead.statusId()).orElseThrow();
    String action = Links.card(lead.id());
    Deal deal =
        new Deal(
            lead.id(),
            lead.name(),
            pipeline.id(),
            pipeline.name(),
            stage.id(),
            stage.name(),
            Formats.color(stage.color()),
            lead.responsibleUserId(),
            names.user(lead.responsibleUserId()),
            lead.price(),
            lead.closed(),
            action,
            Links.board(pipeline.id()));
    pages.send(
        ctx,
        status,
        "card",
        new CardView(
            pages.layout(
                actor, lead.name() + " — Сделка #" + lead.id(), "leads-card", action, error),
            deal,
            stageGroups(lead),
            store.lossReasons().stream()
                .map(r -> Option.of(r.id(), r.name(), r.id() == orZero(lead.lossReasonId())))
                .toList(),
            userOptions(lead.responsibleUserId()),
            store.leadFields().stream().map(field -> FieldRows.of(field, lead)).toList(),
            contacts(lead),
            openTasks(lead, names, action),
            taskForm(lead, action),
            Feed.of(store, lead, names),
            action + "/notes"));
  }

  /**
   * Every pipeline's stages, the deal's own pipeline first. Won and lost are offered in the deal's
   * pipeline only: their ids repeat in every pipeline, so elsewhere they would be ambiguous.
   */
  private List<StageGroup> stageGroups(Lead lead) {
    return store.pipelines().stream()
        .sorted(Comparator.comparing((Pipeline p) -> p.id() != lead.pipelineId()))
        .map(
            p ->
                new StageGroup(
                    p.id(),
                    p.name(),
                    BoardPage.stages(p).stream()
                        .filter(s -> isCurrent(lead, p, s) || movableInto(lead, p, s))
                        .map(s -> new StageOption(s.id(), p.id(), s.name(), isCurrent(lead, p, s)))
                        .toList()))
        .toList();
  }

  private static boolean isCurrent(Lead lead, Pipeline p, Status s) {
    return p.id() == lead.pipelineId() && s.id() == lead.statusId();
  }

  /** amoCRM's selector offers no way into "unsorted": that stage is for incoming requests. */
  private static boolean movableInto(Lead lead, Pipeline p, Status s) {
    if (s.type() == Status.TYPE_INCOMING) {
      return false;
    }
    return !s.closed() || p.id() == lead.pipelineId();
  }

  private List<Option> userOptions(long selected) {
    return store.users().stream()
        .filter(u -> u.active() || u.id() == selected)
        .map(u -> Option.of(u.id(), u.name(), u.id() == selected))
        .toList();
  }

  private List<ContactView> contacts(Lead lead) {
    List<Contact> contacts = store.contactsOf(lead.id());
    return contacts.stream()
        .map(
            c ->
                new ContactView(
                    c.id(),
                    c.name(),
                    c == contacts.get(0),
                    c.customFields().stream()
                        .flatMap(f -> f.values().stream())
                        .map(FieldValue.Value::value)
                        .filter(v -> v != null && !v.isBlank())
                        .toList()))
        .toList();
  }

  private List<TaskView> openTasks(Lead lead, Names names, String action) {
    Instant now = store.now();
    return store.tasksOfLead(lead.id()).stream()
        .filter(t -> !t.completed())
        .sorted(Comparator.comparing(Task::completeTill).thenComparingLong(Task::id))
        .map(
            t ->
                new TaskView(
                    t.id(),
                    t.text(),
                    t.taskTypeId(),
                    taskTypeName(t.taskTypeId()),
                    t.completeTill().getEpochSecond(),
                    Formats.iso(t.completeTill()),
                    Formats.dateTime(t.completeTill()),
                    t.completeTill().isBefore(now),
                    t.responsibleUserId(),
                    names.user(t.responsibleUserId()),
                    action + "/tasks/" + t.id() + "/complete"))
        .toList();
  }

  private TaskForm taskForm(Lead lead, String action) {
    // Tomorrow at the next whole hour: a plausible deadline a manager would accept as it is.
    Instant due =
        store
            .now()
            .plus(Duration.ofDays(1))
            .truncatedTo(ChronoUnit.HOURS)
            .plus(Duration.ofHours(1));
    return new TaskForm(
        action + "/tasks",
        Formats.inputDateTime(due),
        store.taskTypes().stream()
            .map(t -> Option.of(t.id(), t.name(), t.id() == TaskType.FOLLOW_UP))
            .toList(),
        userOptions(lead.responsibleUserId()));
  }

  private String taskTypeName(long typeId) {
    return store.taskTypes().stream()
        .filter(t -> t.id() == typeId)
        .map(t -> t.name())
        .findFirst()
        .orElse("Задача");
  }

  private static long orZero(Long value) {
    return value == null ? 0 : value;
  }
}
