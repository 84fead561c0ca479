package app.reglament.sandbox.ui;

import app.reglament.sandbox.store.Account;
import app.reglament.sandbox.store.Store;
import app.reglament.sandbox.store.User;
import io.javalin.http.Context;
import io.javalin.http.Handler;

/** Renders pages in their frame, and the page that says why one cannot be shown. */
final class Pages {
  private final Store store;
  private final Templates templates = new Templates();

  Pages(Store store) {
    this.store = store;
  }

  /**
   * The frame of a page.
   *
   * @param path the page's own address, where the user switcher reloads it: a form that was refused
   *     is shown at its POST address, which has no page to reload
   */
  Layout layout(User actor, String title, String page, String path, String error) {
    Account account = store.account();
    return new Layout(
        title,
        page,
        account.id(),
        account.name(),
        account.subdomain(),
        actor.id(),
        actor.name(),
        store.users().stream().map(u -> Option.of(u.id(), u.name(), u.id() == actor.id())).toList(),
        error,
        path,
        Links.CSS);
  }

  void send(Context ctx, int status, String template, Object model) {
    ctx.status(status).html(templates.render(template, model));
  }

  /** Serves the handler's page, or the problem page when it throws a {@link UiProblem}. */
  Handler guarded(Handler handler) {
    return ctx -> {
      try {
        handler.handle(ctx);
      } catch (UiProblem problem) {
        User actor = Actor.remembered(ctx, store);
        String title = problem.status() == 404 ? "Не найдено" : "Ошибка";
        send(
            ctx,
            problem.status(),
            "problem",
            new ProblemView(
                layout(actor, title, "problem", Links.LEADS, null),
                problem.getMessage(),
                Links.LEADS));
      }
    };
  }

  record ProblemView(Layout layout, String message, String back) {}
}
