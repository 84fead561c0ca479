package app.reglament.sandbox.live;

import app.reglament.sandbox.scenario.LiveActivity;
import app.reglament.sandbox.store.EventTypes;
import app.reglament.sandbox.store.Lead;
import app.reglament.sandbox.store.LeadPatch;
import app.reglament.sandbox.store.NewContact;
import app.reglament.sandbox.store.NewLead;
import app.reglament.sandbox.store.NewTask;
import app.reglament.sandbox.store.Store;
import app.reglament.sandbox.store.Task;
import java.time.Instant;
import java.util.List;

/**
 * Live mode's actions carried out on the sandbox's store, so that each one produces amoCRM's events
 * and webhooks exactly as a manager's click or an API call would.
 */
public final class StoreSink implements LiveActivity.Sink {
  private static final long WON = 142;
  private static final long LOST = 143;

  private final Store store;

  public StoreSink(Store store) {
    this.store = store;
  }

  @Override
  public List<LiveActivity.ActiveDeal> activeDeals() {
    return store.leads(lead -> lead.statusId() != WON && lead.statusId() != LOST).stream()
        .map(
            lead ->
                new LiveActivity.ActiveDeal(
                    lead.id(),
                    lead.pipelineId(),
                    lead.statusId(),
                    lead.responsibleUserId(),
                    store.tasksOfLead(lead.id()).stream()
                        .filter(task -> !task.completed())
                        .map(
                            task ->
                                new LiveActivity.OpenTask(
                                    task.id(), task.text(), task.completeTill()))
                        .toList()))
        .toList();
  }

  @Override
  public long createLead(LiveActivity.NewLead lead) {
    long contactId =
        store.createContact(NewContact.named(lead.contactName()), lead.responsibleUserId()).id();
    Lead created =
        store.createLead(
            NewLead.named(lead.name())
                .inStage(lead.pipelineId(), lead.statusId())
                .withResponsible(lead.responsibleUserId())
                .withFields(lead.fields().stream().map(store::fieldValue).toList())
                .withContacts(List.of(contactId)),
            lead.responsibleUserId());
    return created.id();
  }

  @Override
  public void moveLead(
      long leadId,
      long statusId,
      Long lossReasonId,
      List<app.reglament.sandbox.scenario.Scenario.FieldValue> fields) {
    Lead lead = store.lead(leadId).orElseThrow();
    LeadPatch patch = LeadPatch.of(leadId).withStage(lead.pipelineId(), statusId);
    if (lossReasonId != null) {
      patch = patch.withLossReason(lossReasonId);
    }
    if (!fields.isEmpty()) {
      patch = patch.withFields(fields.stream().map(store::fieldValue).toList());
    }
    store.updateLead(patch, lead.responsibleUserId());
  }

  @Override
  public long createTask(long leadId, long responsibleUserId, String text, Instant completeTill) {
    Task task =
        store.createTask(
            NewTask.onLead(leadId, text, completeTill).withResponsible(responsibleUserId),
            responsibleUserId);
    return task.id();
  }

  @Override
  public void completeTask(long taskId, String resultText) {
    Task task = store.task(taskId).orElseThrow();
    store.completeTask(taskId, resultText, task.responsibleUserId());
  }

  @Override
  public void addChatMessage(long leadId, boolean incoming, String text, long userId) {
    store.recordCommunication(
        leadId,
        incoming ? EventTypes.INCOMING_CHAT_MESSAGE : EventTypes.OUTGOING_CHAT_MESSAGE,
        incoming ? 0 : userId);
  }

  @Override
  public void addCall(long leadId, boolean incoming, int durationSeconds, long userId) {
    store.recordCommunication(
        leadId, incoming ? EventTypes.INCOMING_CALL : EventTypes.OUTGOING_CALL, userId);
  }
}
