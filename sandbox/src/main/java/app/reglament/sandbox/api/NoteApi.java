package app.reglament.sandbox.api;

import app.reglament.sandbox.store.NewNote;
import app.reglament.sandbox.store.Note;
import app.reglament.sandbox.store.Store;
import app.reglament.sandbox.store.Violation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Notes on deals: {@code /api/v4/leads/notes} and {@code /api/v4/leads/{id}/notes} (list with
 * filters by id, deal, type and time; batch create).
 */
final class NoteApi {
  private static final Set<String> ORDER_FIELDS = Set.of("updated_at", "id");
  private static final TypeReference<Map<String, Object>> PARAMS = new TypeReference<>() {};

  private final Store store;
  private final Hal hal;

  NoteApi(Store store, Hal hal) {
    this.store = store;
    this.hal = hal;
  }

  void list(Context ctx) {
    listOn(ctx, null);
  }

  void listOfLead(Context ctx) {
    listOn(ctx, Routes.id(ctx));
  }

  private void listOn(Context ctx, Long leadId) {
    Params params = Params.of(ctx);
    Predicate<Note> filter = filter(params);
    if (leadId != null) {
      filter = filter.and(n -> n.leadId() == leadId);
    }
    List<Note> notes = store.notes(filter);
    var order = params.order(ORDER_FIELDS);
    if (order.isPresent()) {
      Comparator<Note> comparator =
          order.get().field().equals("updated_at")
              ? Comparator.comparing(Note::updatedAt)
              : Comparator.comparingLong(Note::id);
      comparator = comparator.thenComparingLong(Note::id);
      notes =
          notes.stream()
              .sorted(order.get().ascending() ? comparator : comparator.reversed())
              .toList();
    }
    Render render = Routes.render(ctx, store, hal);
    hal.page(ctx, "notes", notes, Hal.MAX_LIMIT, n -> ActivityViews.note(render, n));
  }

  void one(Context ctx) {
    Render render = Routes.render(ctx, store, hal);
    store
        .note(Routes.number(ctx, "noteId"))
        .ifPresentOrElse(n -> hal.ok(ctx, ActivityViews.note(render, n)), () -> ctx.status(204));
  }

  void create(Context ctx) throws JsonProcessingException {
    createOn(ctx, null);
  }

  void createOnLead(Context ctx) throws JsonProcessingException {
    createOn(ctx, Routes.id(ctx));
  }

  private void createOn(Context ctx, Long leadId) throws JsonProcessingException {
    List<JsonNode> items = Bodies.batch(hal.json(), ctx);
    List<String> requestIds = Bodies.requestIds(items);
    List<Violation> violations = new ArrayList<>();
    List<NewNote> notes = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Bodies.Fields f = new Bodies.Fields(items.get(i), i, violations);
      Long entityId = leadId != null ? leadId : f.required("entity_id");
      String type = f.text("note_type");
      if (type == null) {
        violations.add(
            new Violation(i, Violation.FIELD_MISSING, "note_type", "note_type is required"));
      }
      JsonNode params = f.node().get("params");
      Map<String, Object> values = Map.of();
      if (params != null && params.isObject()) {
        values = hal.json().convertValue(params, PARAMS);
      } else if (params != null && !params.isNull()) {
        f.invalid("params", "an object");
      }
      notes.add(new NewNote(entityId == null ? 0 : entityId, type, values));
    }
    List<Note> created =
        Bodies.write(violations, requestIds, () -> store.addNotes(notes, ApiGuard.userId(ctx)));
    ObjectNode answer = hal.json().createObjectNode();
    answer.set("_links", hal.selfLink(Hal.base(ctx) + "/api/v4/leads/notes"));
    ArrayNode list = answer.putObject("_embedded").putArray("notes");
    for (int i = 0; i < created.size(); i++) {
      Note note = created.get(i);
      list.addObject()
          .put("id", note.id())
          .put("entity_id", note.leadId())
          .put("request_id", requestIds.get(i))
          .set(
              "_links",
              hal.selfLink(
                  Hal.base(ctx) + "/api/v4/leads/" + note.leadId() + "/notes/" + note.id()));
    }
    hal.ok(ctx, answer);
  }

  private static Predicate<Note> filter(Params params) {
    Predicate<Note> filter = n -> true;
    List<Long> ids = params.longs("filter[id]");
    if (!ids.isEmpty()) {
      Set<Long> wanted = new HashSet<>(ids);
      filter = filter.and(n -> wanted.contains(n.id()));
    }
    List<Long> entityIds = params.longs("filter[entity_id]");
    if (!entityIds.isEmpty()) {
      Set<Long> wanted = new HashSet<>(entityIds);
      filter = filter.and(n -> wanted.contains(n.leadId()));
    }
    List<String> types = params.values("filter[note_type]");
    if (!types.isEmpty()) {
      filter = filter.and(n -> types.contains(n.noteType()));
    }
    Params.TimeRange updated = params.range("filter[updated_at]");
    return filter.and(n -> updated.contains(n.updatedAt()));
  }
}
