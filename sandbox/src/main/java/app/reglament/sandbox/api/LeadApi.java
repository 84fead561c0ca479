package app.reglament.sandbox.api;

import app.reglament.sandbox.store.CustomField;
import app.reglament.sandbox.store.Lead;
import app.reglament.sandbox.store.LeadPatch;
import app.reglament.sandbox.store.NewLead;
import app.reglament.sandbox.store.Store;
import app.reglament.sandbox.store.Violation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * {@code /api/v4/leads}: list (with {@code contacts}, {@code loss_reason}, {@code only_deleted};
 * filters by id, time, pipeline, stage, responsible, name), one deal, batch create and update.
 */
final class LeadApi {
  private static final Set<String> ORDER_FIELDS = Set.of("updated_at", "created_at", "id");

  private final Store store;
  private final Hal hal;

  LeadApi(Store store, Hal hal) {
    this.store = store;
    this.hal = hal;
  }

  void list(Context ctx) {
    Params params = Params.of(ctx);
    Set<String> with = params.with();
    Predicate<Lead> filter = filter(params);
    List<Lead> leads =
        with.contains("only_deleted")
            ? store.deletedLeads().stream().filter(filter).toList()
            : store.leads(filter);
    leads = sorted(leads, params);
    Render render = Routes.render(ctx, store, hal);
    Map<Long, CustomField> fields = fieldsById();
    hal.page(ctx, "leads", leads, Hal.MAX_LIMIT, l -> DealViews.lead(render, l, with, fields));
  }

  void one(Context ctx) {
    long id = Routes.id(ctx);
    Lead lead = store.lead(id).filter(l -> !l.deleted()).orElse(null);
    if (lead == null) {
      ctx.status(204); // amoCRM answers a missing entity with "no content"
      return;
    }
    Set<String> with = Params.of(ctx).with();
    hal.ok(ctx, DealViews.lead(Routes.render(ctx, store, hal), lead, with, fieldsById()));
  }

  void create(Context ctx) throws JsonProcessingException {
    List<JsonNode> items = Bodies.batch(hal.json(), ctx);
    List<String> requestIds = Bodies.requestIds(items);
    List<Violation> violations = new ArrayList<>();
    Map<String, CustomField> byCode = fieldsByCode();
    List<NewLead> leads = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      leads.add(LeadBodies.newLead(new Bodies.Fields(items.get(i), i, violations), byCode));
    }
    List<Lead> created =
        Bodies.write(violations, requestIds, () -> store.createLeads(leads, user(ctx)));
    answerBatch(ctx, created, requestIds, false);
  }

  void update(Context ctx) throws JsonProcessingException {
    List<JsonNode> items = Bodies.batch(hal.json(), ctx);
    List<String> requestIds = Bodies.requestIds(items);
    List<Violation> violations = new ArrayList<>();
    Map<String, CustomField> byCode = fieldsByCode();
    List<LeadPatch> patches = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      patches.add(LeadBodies.patch(new Bodies.Fields(items.get(i), i, violations), null, byCode));
    }
    List<Lead> updated =
        Bodies.write(violations, requestIds, () -> store.updateLeads(patches, user(ctx)));
    answerBatch(ctx, updated, requestIds, true);
  }

  void updateOne(Context ctx) throws JsonProcessingException {
    long id = Routes.id(ctx);
    JsonNode body = Bodies.object(hal.json(), ctx);
    List<Violation> violations = new ArrayList<>();
    LeadPatch patch = LeadBodies.patch(new Bodies.Fields(body, 0, violations), id, fieldsByCode());
    Lead lead = Bodies.write(violations, List.of("0"), () -> store.updateLead(patch, user(ctx)));
    ObjectNode answer = hal.json().createObjectNode();
    answer.put("id", lead.id());
    answer.put("updated_at", lead.updatedAt().getEpochSecond());
    answer.set("_links", hal.selfLink(Hal.base(ctx) + "/api/v4/leads/" + lead.id()));
    hal.ok(ctx, answer);
  }

  private void answerBatch(Context ctx, List<Lead> leads, List<String> requestIds, boolean update) {
    ObjectNode answer = hal.json().createObjectNode();
    answer.set("_links", hal.selfLink(Hal.base(ctx) + "/api/v4/leads"));
    ArrayNode list = answer.putObject("_embedded").putArray("leads");
    for (int i = 0; i < leads.size(); i++) {
      Lead lead = leads.get(i);
      ObjectNode entry = list.addObject();
      entry.put("id", lead.id());
      if (update) {
        entry.put("updated_at", lead.updatedAt().getEpochSecond());
      }
      entry.put("request_id", requestIds.get(i));
      entry.set("_links", hal.selfLink(Hal.base(ctx) + "/api/v4/leads/" + lead.id()));
    }
    hal.ok(ctx, answer);
  }

  private static Predicate<Lead> filter(Params params) {
    Predicate<Lead> filter = l -> true;
    List<Long> ids = params.longs("filter[id]");
    if (!ids.isEmpty()) {
      Set<Long> wanted = new HashSet<>(ids);
      filter = filter.and(l -> wanted.contains(l.id()));
    }
    Params.TimeRange updated = params.range("filter[updated_at]");
    Params.TimeRange created = params.range("filter[created_at]");
    Params.TimeRange closed = params.range("filter[closed_at]");
    filter =
        filter
            .and(l -> updated.contains(l.updatedAt()))
            .and(l -> created.contains(l.createdAt()))
            .and(l -> closed.contains(l.closedAt()));
    List<Long> pipelines = params.longs("filter[pipeline_id]");
    if (!pipelines.isEmpty()) {
      filter = filter.and(l -> pipelines.contains(l.pipelineId()));
    }
    List<Long> responsible = params.longs("filter[responsible_user_id]");
    if (!responsible.isEmpty()) {
      filter = filter.and(l -> responsible.contains(l.responsibleUserId()));
    }
    List<long[]> stages = stages(params);
    if (!stages.isEmpty()) {
      filter =
          filter.and(
              l -> stages.stream().anyMatch(s -> s[0] == l.pipelineId() && s[1] == l.statusId()));
    }
    String query = params.one("query").orElse(null);
    if (query != null) {
      String needle = query.toLowerCase(Locale.ROOT);
      filter = filter.and(l -> l.name().toLowerCase(Locale.ROOT).contains(needle));
    }
    return filter;
  }

  /** {@code filter[statuses][i][pipeline_id]} with {@code filter[statuses][i][status_id]}. */
  private static List<long[]> stages(Params params) {
    List<long[]> stages = new ArrayList<>();
    for (int i = 0; i < Bodies.MAX_BATCH; i++) {
      String prefix = "filter[statuses][" + i + "]";
      var pipeline = params.longValue(prefix + "[pipeline_id]");
      var status = params.longValue(prefix + "[status_id]");
      if (pipeline.isEmpty() || status.isEmpty()) {
        break;
      }
      stages.add(new long[] {pipeline.get(), status.get()});
    }
    return stages;
  }

  private static List<Lead> sorted(List<Lead> leads, Params params) {
    var order = params.order(ORDER_FIELDS);
    if (order.isEmpty()) {
      return leads;
    }
    Comparator<Lead> comparator =
        switch (order.get().field()) {
          case "updated_at" -> Comparator.comparing(Lead::updatedAt);
          case "created_at" -> Comparator.comparing(Lead::createdAt);
          default -> Comparator.comparingLong(Lead::id);
        };
    comparator = comparator.thenComparingLong(Lead::id);
    return leads.stream()
        .sorted(order.get().ascending() ? comparator : comparator.reversed())
        .toList();
  }

  private Map<Long, CustomField> fieldsById() {
    return store.leadFields().stream()
        .collect(Collectors.toMap(CustomField::id, Function.identity()));
  }

  private Map<String, CustomField> fieldsByCode() {
    return store.leadFields().stream()
        .filter(f -> f.code() != null && !f.code().isBlank())
        .collect(Collectors.toMap(CustomField::code, Function.identity(), (a, b) -> a));
  }

  private static long user(Context ctx) {
    return ApiGuard.userId(ctx);
  }
}
