package app.reglament.outbox;

import app.reglament.amo.api.model.LeadUpdate;
import app.reglament.amo.api.model.NewNote;
import app.reglament.amo.api.model.NewTask;
import app.reglament.amo.api.model.TaskUpdate;
import java.util.List;

/**
 * One change Reglament makes in amoCRM. Actions of one kind and account are sent together where the
 * API takes a list (up to 50 leads renamed in one PATCH).
 */
public sealed interface Action {
  /** The stable kind stored in {@code action_outbox.kind}. */
  String kind();

  /** {@code PATCH /api/v4/leads}: rename, move to a stage, give to another manager. */
  record UpdateLead(LeadUpdate update) implements Action {
    public static final String KIND = "update_lead";

    @Override
    public String kind() {
      return KIND;
    }
  }

  /** {@code POST /api/v4/tasks}. */
  record CreateTask(NewTask task) implements Action {
    public static final String KIND = "create_task";

    @Override
    public String kind() {
      return KIND;
    }
  }

  /** {@code PATCH /api/v4/tasks}: move to another manager, reopen. */
  record UpdateTask(TaskUpdate update) implements Action {
    public static final String KIND = "update_task";

    @Override
    public String kind() {
      return KIND;
    }
  }

  /** {@code POST /api/v4/leads/notes}. */
  record AddNote(NewNote note) implements Action {
    public static final String KIND = "add_note";

    @Override
    public String kind() {
      return KIND;
    }
  }

  /**
   * {@code PATCH /api/v4/leads/custom_fields}: the stages at which amoCRM itself requires this
   * field ({@code required_statuses}); the list replaces what the field had.
   */
  record SetRequiredStatuses(long fieldId, List<RequiredStatus> statuses) implements Action {
    public static final String KIND = "set_required_statuses";

    public SetRequiredStatuses {
      statuses = List.copyOf(statuses);
    }

    @Override
    public String kind() {
      return KIND;
    }
  }

  /** A stage of a pipeline. */
  record RequiredStatus(long pipelineId, long statusId) {}
}
