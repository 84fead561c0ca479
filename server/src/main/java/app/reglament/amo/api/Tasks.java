package app.reglament.amo.api;

import app.reglament.amo.api.model.NewTask;
import app.reglament.amo.api.model.Task;
import app.reglament.amo.api.model.TaskUpdate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Tasks: {@code /api/v4/tasks}. */
public final class Tasks {
  static final String PATH = "/api/v4/tasks";
  static final String KEY = "tasks";

  private final HalPager pager;
  private final BatchWriter writer;
  private final int limit;

  Tasks(HalPager pager, BatchWriter writer, AmoClientSettings settings) {
    this.pager = pager;
    this.writer = writer;
    this.limit = settings.pageLimit();
  }

  public void forEachPage(long accountId, TaskFilter filter, Consumer<List<Task>> pageConsumer) {
    boolean byTaskIds = filter.ids() != null;
    pager.forEachPageOfIds(
        accountId,
        filter.applyTo(AmoRequest.get(PATH)),
        byTaskIds ? "filter[id][]" : "filter[entity_id][]",
        byTaskIds ? filter.ids() : filter.entityIds(),
        limit,
        KEY,
        Task.class,
        limit,
        pageConsumer);
  }

  /** One page of the tasks changed since {@code filter.updatedFrom()}, oldest change first. */
  public List<Task> changedPage(long accountId, TaskFilter filter, int page) {
    return pager.page(
        accountId, filter.applyTo(AmoRequest.get(PATH)), KEY, Task.class, limit, page);
  }

  public List<Task> list(long accountId, TaskFilter filter) {
    List<Task> all = new ArrayList<>();
    forEachPage(accountId, filter, all::addAll);
    return all;
  }

  /** Creates the tasks in batches; returns their new ids in order. */
  public List<Long> create(long accountId, List<NewTask> tasks) {
    return create(accountId, tasks, BatchProgress.NONE);
  }

  /** As {@link #create(long, List)}, telling {@code progress} after each accepted batch. */
  public List<Long> create(long accountId, List<NewTask> tasks, BatchProgress progress) {
    return writer.write(accountId, "POST", PATH, KEY, tasks, progress);
  }

  /** Applies the changes in batches; returns the tasks' ids in order. */
  public List<Long> update(long accountId, List<TaskUpdate> updates) {
    return writer.write(accountId, "PATCH", PATH, KEY, updates, BatchProgress.NONE);
  }
}
