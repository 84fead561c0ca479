package app.reglament.sandbox.ui;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;

import app.reglament.sandbox.store.Store;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The sandbox's amoCRM-like web UI: the pipeline board and the deal card, the pages Reglament's
 * widget and browser extension decorate and browser tests drive. Mounted with {@code
 * SandboxApp.builder(settings).routes(SandboxUi::routes)}; the DOM contract is in the sandbox's
 * README ("Web UI").
 *
 * <p>Every change goes through the {@link Store} as the acting user ({@link Actor}), so it logs
 * amoCRM's events and fires webhooks exactly as the same change through the API would.
 */
public final class SandboxUi {
  private SandboxUi() {}

  public static EndpointGroup routes(Store store) {
    Pages pages = new Pages(store);
    BoardPage board = new BoardPage(store, pages);
    CardPage card = new CardPage(store, pages);
    CardActions forms = new CardActions(store, card);
    byte[] css = resource("ui/sandbox.css");
    return () -> {
      get(Links.CSS, ctx -> ctx.contentType("text/css; charset=utf-8").result(css));
      get("/", ctx -> ctx.redirect(Links.LEADS, HttpStatus.FOUND));
      get(Links.LEADS, pages.guarded(board::main));
      get("/leads/pipeline/{pipelineId}", pages.guarded(board::show));
      post(Links.NEW_LEAD, pages.guarded(board::create));
      get("/leads/detail/{id}", pages.guarded(card::show));
      post("/leads/detail/{id}/rename", pages.guarded(forms.handler(forms::rename)));
      post("/leads/detail/{id}/move", pages.guarded(forms.handler(forms::move)));
      post("/leads/detail/{id}/price", pages.guarded(forms.handler(forms::price)));
      post("/leads/detail/{id}/responsible", pages.guarded(forms.handler(forms::responsible)));
      post("/leads/detail/{id}/field", pages.guarded(forms.handler(forms::field)));
      post("/leads/detail/{id}/tasks", pages.guarded(forms.handler(forms::addTask)));
      post(
          "/leads/detail/{id}/tasks/{taskId}/complete",
          pages.guarded(forms.handler(forms::completeTask)));
      post("/leads/detail/{id}/notes", pages.guarded(forms.handler(forms::addNote)));
    };
  }

  private static byte[] resource(String path) {
    try (InputStream in = SandboxUi.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("No " + path + " on the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
