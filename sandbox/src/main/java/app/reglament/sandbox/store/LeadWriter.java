package app.reglament.sandbox.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Creates and changes deals the way amoCRM does: checks every deal of a batch before applying any,
 * fills amoCRM's defaults, keeps {@code closed_at} in step with 142/143, and logs the events that
 * amoCRM logs for each kind of change.
 */
final class LeadWriter {
  private LeadWriter() {}

  static List<Lead> create(Write write, List<NewLead> input) {
    List<Violation> violations = new ArrayList<>();
    List<Lead> planned = new ArrayList<>();
    for (int i = 0; i < input.size(); i++) {
      planned.add(planCreate(write, input.get(i), i, violations));
    }
    if (!violations.isEmpty()) {
      throw new InvalidChangeException(violations);
    }
    List<Lead> created = new ArrayList<>();
    for (Lead draft : planned) {
      long id = write.state.newLeadId();
      String name = draft.name() == null || draft.name().isBlank() ? "Сделка #" + id : draft.name();
      Lead lead =
          new Lead(
              id,
              name,
              draft.price(),
              draft.responsibleUserId(),
              draft.pipelineId(),
              draft.statusId(),
              draft.lossReasonId(),
              write.by,
              write.by,
              write.at,
              write.at,
              draft.closedAt(),
              false,
              draft.customFields(),
              draft.contactIds());
      write.state.leads.put(id, lead);
      write.event(
          EventTypes.LEAD_ADDED,
          EventTypes.ENTITY_LEAD,
          id,
          EventValues.none(),
          EventValues.leadStatus(lead.statusId(), lead.pipelineId()));
      write.changes.add(new Change.LeadAdded(lead));
      created.add(lead);
    }
    return created;
  }

  /** A draft with id 0, or null with violations added. */
  private static Lead planCreate(Write write, NewLead in, int index, List<Violation> out) {
    StoreState state = write.state;
    int before = out.size();
    Stage stage = stage(state, in.pipelineId(), in.statusId(), null, index, out);
    long responsible = in.responsibleUserId() == null ? write.actingUser() : in.responsibleUserId();
    checkUser(state, responsible, index, out);
    checkLossReason(state, in.lossReasonId(), index, out);
    checkPrice(in.price(), index, out);
    checkContacts(state, in.contactIds(), index, out);
    List<FieldValue> fields =
        FieldValues.normalize(state.leadFields, in.customFields(), index, out);
    if (out.size() > before) {
      return null;
    }
    return new Lead(
        0,
        in.name(),
        in.price() == null ? 0 : in.price(),
        responsible,
        stage.pipelineId,
        stage.statusId,
        in.lossReasonId(),
        write.by,
        write.by,
        write.at,
        write.at,
        closedAt(null, stage.statusId, write.at),
        false,
        FieldValues.merge(List.of(), fields),
        in.contactIds());
  }

  static List<Lead> update(Write write, List<LeadPatch> patches) {
    List<Violation> violations = new ArrayList<>();
    // Patches are planned in order against a working copy, so one deal patched twice in a batch
    // gets both patches, as if they had been sent one after the other.
    Map<Long, Lead> working = new HashMap<>();
    List<Lead[]> planned = new ArrayList<>();
    for (int i = 0; i < patches.size(); i++) {
      LeadPatch patch = patches.get(i);
      Lead current = working.getOrDefault(patch.id(), write.state.leads.get(patch.id()));
      Lead after = planUpdate(write, current, patch, i, violations);
      if (after != null) {
        working.put(after.id(), after);
        planned.add(new Lead[] {current, after});
      }
    }
    if (!violations.isEmpty()) {
      throw new InvalidChangeException(violations);
    }
    List<Lead> updated = new ArrayList<>();
    for (Lead[] pair : planned) {
      write.state.leads.put(pair[1].id(), pair[1]);
      logChanges(write, pair[0], pair[1]);
      write.changes.add(new Change.LeadUpdated(pair[0], pair[1]));
      updated.add(pair[1]);
    }
    return updated;
  }

  private static Lead planUpdate(
      Write write, Lead lead, LeadPatch patch, int index, List<Violation> out) {
    StoreState state = write.state;
    if (lead == null || lead.deleted()) {
      out.add(new Violation(index, Violation.NOT_FOUND, "id", "There is no deal " + patch.id()));
      return null;
    }
    int before = out.size();
    Stage stage =
        patch.pipelineId() == null && patch.statusId() == null
            ? new Stage(lead.pipelineId(), lead.statusId())
            : stage(state, patch.pipelineId(), patch.statusId(), lead, index, out);
    long responsible =
        patch.responsibleUserId() == null ? lead.responsibleUserId() : patch.responsibleUserId();
    checkUser(state, responsible, index, out);
    checkLossReason(state, patch.lossReasonId(), index, out);
    checkPrice(patch.price(), index, out);
    if (patch.contactIds() != null) {
      checkContacts(state, patch.contactIds(), index, out);
    }
    List<FieldValue> fields =
        patch.customFields() == null
            ? lead.customFields()
            : FieldValues.merge(
                lead.customFields(),
                FieldValues.normalize(state.leadFields, patch.customFields(), index, out));
    if (out.size() > before) {
      return null;
    }
    return lead.with(
        patch.name() == null ? lead.name() : patch.name(),
        patch.price() == null ? lead.price() : patch.price(),
        responsible,
        stage.pipelineId,
        stage.statusId,
        patch.lossReasonId() == null ? lead.lossReasonId() : patch.lossReasonId(),
        write.by,
        write.at,
        closedAt(lead, stage.statusId, write.at),
        fields,
        patch.contactIds() == null ? lead.contactIds() : patch.contactIds());
  }

  static Lead setDeleted(Write write, long leadId, boolean deleted) {
    Lead lead = write.state.leads.get(leadId);
    if (lead == null || lead.deleted() == deleted) {
      throw InvalidChangeException.of(
          0,
          Violation.NOT_FOUND,
          "id",
          "There is no " + (deleted ? "" : "deleted ") + "deal " + leadId);
    }
    Lead changed = lead.deleted(deleted, write.by, write.at);
    write.state.leads.put(leadId, changed);
    write.event(
        deleted ? EventTypes.LEAD_DELETED : EventTypes.LEAD_RESTORED,
        EventTypes.ENTITY_LEAD,
        leadId,
        EventValues.none(),
        EventValues.none());
    write.changes.add(deleted ? new Change.LeadDeleted(changed) : new Change.LeadRestored(changed));
    return changed;
  }

  /** The events amoCRM logs for an edit: one per kind of change. */
  private static void logChanges(Write write, Lead before, Lead after) {
    long id = after.id();
    String lead = EventTypes.ENTITY_LEAD;
    if (!before.name().equals(after.name())) {
      write.event(
          EventTypes.NAME_FIELD_CHANGED,
          lead,
          id,
          EventValues.name(before.name()),
          EventValues.name(after.name()));
    }
    if (before.price() != after.price()) {
      write.event(
          EventTypes.SALE_FIELD_CHANGED,
          lead,
          id,
          EventValues.sale(before.price()),
          EventValues.sale(after.price()));
    }
    if (before.statusId() != after.statusId() || before.pipelineId() != after.pipelineId()) {
      write.event(
          EventTypes.LEAD_STATUS_CHANGED,
          lead,
          id,
          EventValues.leadStatus(before.statusId(), before.pipelineId()),
          EventValues.leadStatus(after.statusId(), after.pipelineId()));
    }
    if (before.responsibleUserId() != after.responsibleUserId()) {
      write.event(
          EventTypes.RESPONSIBLE_CHANGED,
          lead,
          id,
          EventValues.responsible(before.responsibleUserId()),
          EventValues.responsible(after.responsibleUserId()));
    }
    for (long fieldId : FieldValues.changedFields(before.customFields(), after.customFields())) {
      CustomField field = write.state.leadFields.get(fieldId);
      write.event(
          EventTypes.CUSTOM_FIELD_VALUE_CHANGED,
          lead,
          id,
          EventValues.customField(field, FieldValues.find(before.customFields(), fieldId)),
          EventValues.customField(field, FieldValues.find(after.customFields(), fieldId)));
    }
  }

  /**
   * Won or lost since when: kept while the deal stays closed, set on closing, cleared on reopening.
   */
  private static Instant closedAt(Lead before, long newStatus, Instant now) {
    boolean closed = newStatus == Status.WON || newStatus == Status.LOST;
    if (!closed) {
      return null;
    }
    if (before != null && before.closed() && before.statusId() == newStatus) {
      return before.closedAt();
    }
    return now;
  }

  private record Stage(long pipelineId, long statusId) {}

  /**
   * Resolves the stage asked for. A status without a pipeline is looked up in the deal's current
   * pipeline first (142/143 are in every pipeline), then in any pipeline, as amoCRM finds stages by
   * their unique ids.
   */
  private static Stage stage(
      StoreState state, Long pipelineId, Long statusId, Lead lead, int index, List<Violation> out) {
    if (pipelineId != null && !state.pipelines.containsKey(pipelineId)) {
      out.add(
          new Violation(
              index,
              Violation.NOT_SUPPORTED_CHOICE,
              "pipeline_id",
              "There is no pipeline " + pipelineId));
      return new Stage(0, 0);
    }
    if (statusId == null) {
      Pipeline pipeline =
          state.pipelines.get(pipelineId != null ? pipelineId : state.mainPipeline().id());
      return new Stage(pipeline.id(), pipeline.firstStage().id());
    }
    if (pipelineId != null) {
      if (state.status(pipelineId, statusId).isPresent()) {
        return new Stage(pipelineId, statusId);
      }
      out.add(notInPipeline(index, statusId, pipelineId));
      return new Stage(0, 0);
    }
    long home = lead != null ? lead.pipelineId() : state.mainPipeline().id();
    if (state.status(home, statusId).isPresent()) {
      return new Stage(home, statusId);
    }
    for (Pipeline pipeline : state.pipelines.values()) {
      if (pipeline.status(statusId).isPresent()) {
        return new Stage(pipeline.id(), statusId);
      }
    }
    out.add(notInPipeline(index, statusId, home));
    return new Stage(0, 0);
  }

  private static Violation notInPipeline(int index, long statusId, long pipelineId) {
    return new Violation(
        index,
        Violation.NOT_SUPPORTED_CHOICE,
        "status_id",
        "Status " + statusId + " is not a stage of pipeline " + pipelineId);
  }

  static void checkUser(StoreState state, long userId, int index, List<Violation> out) {
    if (!state.users.containsKey(userId)) {
      out.add(
          new Violation(
              index,
              Violation.NOT_SUPPORTED_CHOICE,
              "responsible_user_id",
              "There is no user " + userId));
    }
  }

  private static void checkLossReason(
      StoreState state, Long reasonId, int index, List<Violation> out) {
    if (reasonId != null && reasonId != 0 && !state.lossReasons.containsKey(reasonId)) {
      out.add(
          new Violation(
              index,
              Violation.NOT_SUPPORTED_CHOICE,
              "loss_reason_id",
              "There is no loss reason " + reasonId));
    }
  }

  private static void checkPrice(Long price, int index, List<Violation> out) {
    if (price != null && price < 0) {
      out.add(
          new Violation(index, Violation.INVALID_TYPE, "price", "The price cannot be negative"));
    }
  }

  private static void checkContacts(
      StoreState state, List<Long> contactIds, int index, List<Violation> out) {
    for (int k = 0; k < contactIds.size(); k++) {
      if (!state.contacts.containsKey(contactIds.get(k))) {
        out.add(
            new Violation(
                index,
                Violation.NOT_FOUND,
                "_embedded.contacts." + k + ".id",
                "There is no contact " + contactIds.get(k)));
      }
    }
  }
}
