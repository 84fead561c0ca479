package app.reglament.sandbox.api;

import app.reglament.sandbox.store.NewTask;
import app.reglament.sandbox.store.Store;
import app.reglament.sandbox.store.Task;
import app.reglament.sandbox.store.TaskPatch;
import app.reglament.sandbox.store.Violation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code /api/v4/tasks}: list (filters by id, entity, completion, responsible, type, time), one
 * task, batch create and update (completion with {@code is_completed} and {@code result.text}).
 */
final class TaskApi {
  private static final Set<String> ORDER_FIELDS = Set.of("created_at", "complete_till", "id");

  private final Store store;
  private final Hal hal;

  TaskApi(Store store, Hal hal) {
    this.store = store;
    this.hal = hal;
  }

  void list(Context ctx) {
    Params params = Params.of(ctx);
    List<Task> tasks = store.tasks(filter(params));
    var order = params.order(ORDER_FIELDS);
    if (order.isPresent()) {
      Comparator<Task> comparator =
          switch (order.get().field()) {
            case "created_at" -> Comparator.comparing(Task::createdAt);
            case "complete_till" -> Comparator.comparing(Task::completeTill);
            default -> Comparator.comparingLong(Task::id);
          };
      comparator = comparator.thenComparingLong(Task::id);
      tasks =
          tasks.stream()
              .sorted(order.get().ascending() ? comparator : comparator.reversed())
              .toList();
    }
    Render render = Routes.render(ctx, store, hal);
    hal.page(ctx, "tasks", tasks, Hal.MAX_LIMIT, t -> ActivityViews.task(render, t));
  }

  void one(Context ctx) {
    Render render = Routes.render(ctx, store, hal);
    store
        .task(Routes.id(ctx))
        .ifPresentOrElse(t -> hal.ok(ctx, ActivityViews.task(render, t)), () -> ctx.status(204));
  }

  void create(Context ctx) throws JsonProcessingException {
    List<JsonNode> items = Bodies.batch(hal.json(), ctx);
    List<String> requestIds = Bodies.requestIds(items);
    List<Violation> violations = new ArrayList<>();
    List<NewTask> tasks = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Bodies.Fields f = new Bodies.Fields(items.get(i), i, violations);
      Long entityId = f.required("entity_id");
      Long completeTill = f.required("complete_till");
      tasks.add(
          new NewTask(
              f.has("entity_type") ? f.text("entity_type") : Task.ON_LEADS,
              entityId == null ? 0 : entityId,
              f.text("text"),
              completeTill == null ? null : Instant.ofEpochSecond(completeTill),
              f.number("task_type_id"),
              f.number("responsible_user_id"),
              f.number("duration")));
    }
    List<Task> created =
        Bodies.write(violations, requestIds, () -> store.createTasks(tasks, ApiGuard.userId(ctx)));
    answerBatch(ctx, created, requestIds, false);
  }

  void update(Context ctx) throws JsonProcessingException {
    List<JsonNode> items = Bodies.batch(hal.json(), ctx);
    List<String> requestIds = Bodies.requestIds(items);
    List<Violation> violations = new ArrayList<>();
    List<TaskPatch> patches = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      patches.add(patch(new Bodies.Fields(items.get(i), i, violations), null));
    }
    List<Task> updated =
        Bodies.write(
            violations, requestIds, () -> store.updateTasks(patches, ApiGuard.userId(ctx)));
    answerBatch(ctx, updated, requestIds, true);
  }

  void updateOne(Context ctx) throws JsonProcessingException {
    long id = Routes.id(ctx);
    List<Violation> violations = new ArrayList<>();
    TaskPatch patch = patch(new Bodies.Fields(Bodies.object(hal.json(), ctx), 0, violations), id);
    Task task =
        Bodies.write(violations, List.of("0"), () -> store.updateTask(patch, ApiGuard.userId(ctx)));
    ObjectNode answer = hal.json().createObjectNode();
    answer.put("id", task.id());
    answer.put("updated_at", task.updatedAt().getEpochSecond());
    answer.set("_links", hal.selfLink(Hal.base(ctx) + "/api/v4/tasks/" + task.id()));
    hal.ok(ctx, answer);
  }

  private static TaskPatch patch(Bodies.Fields f, Long pathId) {
    Long id = pathId != null ? pathId : f.required("id");
    Long completeTill = f.number("complete_till");
    JsonNode result = f.node().get("result");
    String resultText = null;
    if (result != null && result.isObject() && result.hasNonNull("text")) {
      resultText = result.get("text").asText();
    } else if (result != null && !result.isNull() && !result.isObject() && !result.isArray()) {
      f.invalid("result", "an object with text");
    }
    return new TaskPatch(
        id == null ? 0 : id,
        f.text("text"),
        completeTill == null ? null : Instant.ofEpochSecond(completeTill),
        f.number("task_type_id"),
        f.number("responsible_user_id"),
        f.number("duration"),
        f.flag("is_completed"),
        resultText);
  }

  private void answerBatch(Context ctx, List<Task> tasks, List<String> requestIds, boolean update) {
    ObjectNode answer = hal.json().createObjectNode();
    answer.set("_links", hal.selfLink(Hal.base(ctx) + "/api/v4/tasks"));
    ArrayNode list = answer.putObject("_embedded").putArray("tasks");
    for (int i = 0; i < tasks.size(); i++) {
      ObjectNode entry = list.addObject();
      entry.put("id", tasks.get(i).id());
      if (update) {
        entry.put("updated_at", tasks.get(i).updatedAt().getEpochSecond());
      }
      entry.put("request_id", requestIds.get(i));
      entry.set("_links", hal.selfLink(Hal.base(ctx) + "/api/v4/tasks/" + tasks.get(i).id()));
    }
    hal.ok(ctx, answer);
  }

  private static Predicate<Task> filter(Params params) {
    Predicate<Task> filter = t -> true;
    List<Long> ids = params.longs("filter[id]");
    if (!ids.isEmpty()) {
      Set<Long> wanted = new HashSet<>(ids);
      filter = filter.and(t -> wanted.contains(t.id()));
    }
    List<String> entityTypes = params.values("filter[entity_type]");
    if (!entityTypes.isEmpty()) {
      filter = filter.and(t -> entityTypes.contains(t.entityType()));
    }
    List<Long> entityIds = params.longs("filter[entity_id]");
    if (!entityIds.isEmpty()) {
      Set<Long> wanted = new HashSet<>(entityIds);
      filter = filter.and(t -> wanted.contains(t.entityId()));
    }
    var completed = params.one("filter[is_completed]");
    if (completed.isPresent()) {
      boolean done = completed.get().equals("1") || completed.get().equalsIgnoreCase("true");
      filter = filter.and(t -> t.completed() == done);
    }
    List<Long> responsible = params.longs("filter[responsible_user_id]");
    if (!responsible.isEmpty()) {
      filter = filter.and(t -> responsible.contains(t.responsibleUserId()));
    }
    List<Long> types = params.longs("filter[task_type]");
    if (!types.isEmpty()) {
      filter = filter.and(t -> types.contains(t.taskTypeId()));
    }
    Params.TimeRange updated = params.range("filter[updated_at]");
    return filter.and(t -> updated.contains(t.updatedAt()));
  }
}
