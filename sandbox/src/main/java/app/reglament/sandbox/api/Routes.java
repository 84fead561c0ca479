package app.reglament.sandbox.api;

import app.reglament.sandbox.store.Store;
import io.javalin.http.Context;

/** Small helpers the API's handlers share. */
final class Routes {
  private Routes() {}

  static Render render(Context ctx, Store store, Hal hal) {
    return new Render(hal.json(), Hal.base(ctx), store, store.account().id());
  }

  /** The {@code {id}} path parameter; a non-number is a path that does not exist. */
  static long id(Context ctx) {
    return number(ctx, "id");
  }

  static long number(Context ctx, String param) {
    String text = ctx.pathParam(param);
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw ApiProblem.notFound("No resource at " + ctx.path());
    }
  }
}
