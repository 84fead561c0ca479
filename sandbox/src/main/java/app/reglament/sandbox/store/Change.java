package app.reglament.sandbox.store;

/**
 * One change the store made, with the entity as it was and as it is: enough for a webhook payload
 * (which names old stage and old responsible user) without asking the store again.
 */
public sealed interface Change {

  record LeadAdded(Lead lead) implements Change {}

  /** Any edit of a deal; stage and responsible changes are told apart by comparing the two. */
  record LeadUpdated(Lead before, Lead after) implements Change {
    public boolean stageChanged() {
      return before.statusId() != after.statusId() || before.pipelineId() != after.pipelineId();
    }

    public boolean responsibleChanged() {
      return before.responsibleUserId() != after.responsibleUserId();
    }
  }

  record LeadDeleted(Lead lead) implements Change {}

  record LeadRestored(Lead lead) implements Change {}

  record TaskAdded(Task task) implements Change {}

  record TaskUpdated(Task before, Task after) implements Change {}

  record NoteAdded(Note note) implements Change {}

  record ContactAdded(Contact contact) implements Change {}
}
