package app.reglament.amo.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A task was added, updated (closing it is an update) or deleted. {@code element} is what the task
 * is set on, usually a deal: a change to a deal's tasks can open or close its {@code no_task} and
 * {@code overdue_task} violations, so the deal is touched too.
 */
public record TaskEvent(
    Action action,
    long taskId,
    Optional<EntityRef> element,
    OptionalLong responsibleUserId,
    Optional<String> text,
    Optional<Instant> completeTill,
    Optional<Boolean> completed,
    Optional<String> result)
    implements WebhookEvent {

  @Override
  public EntityKind kind() {
    return EntityKind.TASK;
  }

  @Override
  public List<EntityRef> touched() {
    List<EntityRef> touched = new ArrayList<>(2);
    touched.add(new EntityRef(EntityKind.TASK, taskId));
    element.ifPresent(touched::add);
    return List.copyOf(touched);
  }
}
