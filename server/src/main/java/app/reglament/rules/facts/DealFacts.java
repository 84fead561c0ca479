package app.reglament.rules.facts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything the indicators know about one deal, as the mirror holds it now: the deal, its custom
 * field values, its contacts' names, its stage history, its tasks, the communications on it and on
 * its contacts, and its notes. Lists are in time order (oldest first).
 *
 * @param contactName the main contact's name (the first contact when none is main), or null
 * @param stages the stage moves, oldest first; the deal's creation stage is not among them
 */
public record DealFacts(
    long leadId,
    String name,
    Long responsibleUserId,
    long pipelineId,
    long statusId,
    Long lossReasonId,
    Instant createdAt,
    Instant updatedAt,
    Instant closedAt,
    boolean deleted,
    List<FieldValue> fields,
    String contactName,
    String companyName,
    List<StageChange> stages,
    List<TaskFacts> tasks,
    List<Touch> touches,
    List<NoteFacts> notes) {

  public static final long WON = 142;
  public static final long LOST = 143;

  public DealFacts {
    fields = List.copyOf(fields);
    stages = List.copyOf(stages);
    tasks = List.copyOf(tasks);
    touches = List.copyOf(touches);
    notes = List.copyOf(notes);
  }

  /** Not won, not lost, not deleted. */
  public boolean active() {
    return !deleted && statusId != WON && statusId != LOST;
  }

  public boolean lost() {
    return !deleted && statusId == LOST;
  }

  public Optional<FieldValue> field(long fieldId) {
    return fields.stream().filter(f -> f.fieldId() == fieldId).findFirst();
  }

  /** When the deal entered its current stage: the last stage move, or its creation. */
  public Instant inStageSince() {
    for (int i = stages.size() - 1; i >= 0; i--) {
      StageChange change = stages.get(i);
      if (change.statusId() == statusId && change.pipelineId() == pipelineId) {
        return change.at();
      }
    }
    return createdAt;
  }
}
