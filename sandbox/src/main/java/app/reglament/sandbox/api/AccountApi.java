package app.reglament.sandbox.api;

import app.reglament.sandbox.store.LossReason;
import app.reglament.sandbox.store.Pipeline;
import app.reglament.sandbox.store.Status;
import app.reglament.sandbox.store.Store;
import io.javalin.http.Context;
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

  void lossReasons(Context ctx) {
    Render render = Routes.render(ctx, store, hal);
    List<LossReason> reasons = store.lossReasons();
    hal.page(ctx, "loss_reasons", reasons, Hal.MAX_LIMIT, r -> AccountViews.lossReason(render, r));
  }

  private Optional<Pipeline> pipelineOf(Context ctx) {
    return store.pipeline(Routes.id(ctx));
  }
}
