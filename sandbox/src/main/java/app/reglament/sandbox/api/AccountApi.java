package app.reglament.sandbox.api;

import app.reglament.sandbox.store.CustomField;
import app.reglament.sandbox.store.FieldPatch;
import app.reglament.sandbox.store.LossReason;
import app.reglament.sandbox.store.Pipeline;
import app.reglament.sandbox.store.RequiredStatus;
import app.reglament.sandbox.store.Status;
import app.reglament.sandbox.store.Store;
import app.reglament.sandbox.store.Violation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The account, its users, pipelines and stages, lead fields and loss reasons. */
final class AccountApi {
  private final Store store;
  private final Hal hal;

  AccountApi(Store store, Hal hal) {
    this.store = store;
    this.hal = hal;
  }

  void account(Context ctx) {
    Render render = Routes.render(ctx, store, hal);
    hal.ok(
        ctx,
        AccountViews.account(render, store.account(), ApiGuard.userId(ctx), Params.of(ctx).with()));
  }

  void users(Context ctx) {
    Render render = Routes.render(ctx, store, hal);
    hal.page(ctx, "users", store.users(), Hal.MAX_LIMIT, u -> AccountViews.user(render, u));
  }

  void user(Context ctx) {
    Render render = Routes.render(ctx, store, hal);
    store
        .user(Routes.id(ctx))
        .ifPresentOrElse(u -> hal.ok(ctx, AccountViews.user(render, u)), () -> ctx.status(204));
  }

  void pipelines(Context ctx) {
    Render render = Routes.render(ctx, store, hal);
    hal.whole(
        ctx,
        "pipelines",
        store.pipelines().stream().map(p -> AccountViews.pipeline(render, p)).toList());
  }

  void pipeline(Context ctx) {
    Render render = Routes.render(ctx, store, hal);
    pipelineOf(ctx)
        .ifPresentOrElse(
            p -> hal.ok(ctx, AccountViews.pipeline(render, p)),
            () -> {
              throw ApiProblem.notFound("There is no pipeline " + ctx.pathParam("id"));
            });
  }

  void statuses(Context ctx) {
    Render render = Routes.render(ctx, store, hal);
    Pipeline pipeline =
        pipelineOf(ctx)
            .orElseThrow(() -> ApiProblem.notFound("There is no pipeline " + ctx.pathParam("id")));
    hal.whole(
        ctx,
        "statuses",
        pipeline.statuses().stream().map(s -> AccountViews.status(render, s)).toList());
  }

  void status(Context ctx) {
    Render render = Routes.render(ctx, store, hal);
    Optional<Status> status =
        pipelineOf(ctx).flatMap(p -> p.status(Routes.number(ctx, "statusId")));
    hal.ok(
        ctx,
        AccountViews.status(
            render,
            status.orElseThrow(
                () -> ApiProblem.notFound("There is no such status in this pipeline"))));
  }

  void fields(Context ctx) {
    Render render = Routes.render(ctx, store, hal);
    hal.page(
        ctx,
        "custom_fields",
        store.leadFields(),
        Hal.MAX_LIMIT,
        f -> AccountViews.field(render, f));
  }

  void field(Context ctx) {
    Render render = Routes.render(ctx, store, hal);
    store
        .leadField(Routes.id(ctx))
        .ifPresentOrElse(f -> hal.ok(ctx, AccountViews.field(render, f)), () -> ctx.status(204));
  }

  /**
   * {@code PATCH /api/v4/leads/custom_fields}: a batch of {@code {id, required_statuses:
   * [{status_id, pipeline_id}]}}; the sandbox changes nothing else of a field.
   */
  void updateFields(Context ctx) throws JsonProcessingException {
    List<JsonNode> items = Bodies.batch(hal.json(), ctx);
    List<String> requestIds = Bodies.requestIds(items);
    List<Violation> violations = new ArrayList<>();
    List<FieldPatch> patches = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Bodies.Fields f = new Bodies.Fields(items.get(i), i, violations);
      Long id = f.required("id");
      List<RequiredStatus> required = new ArrayList<>();
      JsonNode statuses = f.node().path("required_statuses");
      if (!statuses.isMissingNode() && !statuses.isNull() && !statuses.isArray()) {
        f.invalid("required_statuses", "an array");
      }
      for (int j = 0; j < statuses.size() && statuses.isArray(); j++) {
        Bodies.Fields s = new Bodies.Fields(statuses.get(j), i, violations);
        Long status = s.required("status_id");
        Long pipeline = s.required("pipeline_id");
        if (status != null && pipeline != null) {
          required.add(new RequiredStatus(pipeline, status));
        }
      }
      patches.add(new FieldPatch(id == null ? 0 : id, required));
    }
    List<CustomField> updated =
        Bodies.write(violations, requestIds, () -> store.updateLeadFields(patches));
    Render render = Routes.render(ctx, store, hal);
    ObjectNode answer = hal.json().createObjectNode();
    answer.set("_links", hal.selfLink(Hal.base(ctx) + "/api/v4/leads/custom_fields"));
    ArrayNode list = answer.putObject("_embedded").putArray("custom_fields");
    for (int i = 0; i < updated.size(); i++) {
      list.add(AccountViews.field(render, updated.get(i)).put("request_id", requestIds.get(i)));
    }
    hal.ok(ctx, answer);
  }

  void lossReasons(Context ctx) {
    Render render = Routes.render(ctx, store, hal);
    List<LossReason> reasons = store.lossReasons();
    hal.page(ctx, "loss_reasons", reasons, Hal.MAX_LIMIT, r -> AccountViews.lossReason(render, r));
  }

  private Optional<Pipeline> pipelineOf(Context ctx) {
    return store.pipeline(Routes.id(ctx));
  }
}
