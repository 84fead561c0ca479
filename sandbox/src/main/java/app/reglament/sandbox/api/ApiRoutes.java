package app.reglament.sandbox.api;

import app.reglament.sandbox.store.Store;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;

/**
 * The API v4 subset the sandbox serves, under one guard (rate ceiling, bearer token). Paths with
 * fixed words are declared before the {@code {id}} paths beside them, because the first route that
 * matches wins.
 */
public final class ApiRoutes {
  private final ApiGuard guard;
  private final ApiErrors errors;
  private final AccountApi account;
  private final LeadApi leads;
  private final ContactApi contacts;
  private final TaskApi tasks;
  private final NoteApi notes;
  private final EventApi events;
  private final WebhookApi webhooks;

  public ApiRoutes(Store store, ObjectMapper json, ApiGuard guard) {
    Hal hal = new Hal(json);
    this.guard = guard;
    this.errors = new ApiErrors(json);
    this.account = new AccountApi(store, hal);
    this.leads = new LeadApi(store, hal);
    this.contacts = new ContactApi(store, hal);
    this.tasks = new TaskApi(store, hal);
    this.notes = new NoteApi(store, hal);
    this.events = new EventApi(store, hal);
    this.webhooks = new WebhookApi(store, hal);
  }

  public void register(RoutesConfig routes) {
    errors.register(routes);
    routes.before("/api/v4/*", guard::check);

    routes.get("/api/v4/account", account::account);
    routes.get("/api/v4/users", account::users);
    routes.get("/api/v4/users/{id}", account::user);
    routes.get("/api/v4/leads/pipelines", account::pipelines);
    routes.get("/api/v4/leads/pipelines/{id}", account::pipeline);
    routes.get("/api/v4/leads/pipelines/{id}/statuses", account::statuses);
    routes.get("/api/v4/leads/pipelines/{id}/statuses/{statusId}", account::status);
    routes.get("/api/v4/leads/custom_fields", account::fields);
    routes.patch("/api/v4/leads/custom_fields", account::updateFields);
    routes.get("/api/v4/leads/custom_fields/{id}", account::field);
    routes.get("/api/v4/leads/loss_reasons", account::lossReasons);

    routes.get("/api/v4/leads/notes", notes::list);
    routes.post("/api/v4/leads/notes", notes::create);
    routes.get("/api/v4/leads/{id}/notes", notes::listOfLead);
    routes.post("/api/v4/leads/{id}/notes", notes::createOnLead);
    routes.get("/api/v4/leads/{id}/notes/{noteId}", notes::one);

    routes.get("/api/v4/leads", leads::list);
    routes.post("/api/v4/leads", leads::create);
    routes.patch("/api/v4/leads", leads::update);
    routes.get("/api/v4/leads/{id}", leads::one);
    routes.patch("/api/v4/leads/{id}", leads::updateOne);

    routes.get("/api/v4/contacts", contacts::list);
    routes.post("/api/v4/contacts", contacts::create);
    routes.get("/api/v4/contacts/{id}", contacts::one);

    routes.get("/api/v4/tasks", tasks::list);
    routes.post("/api/v4/tasks", tasks::create);
    routes.patch("/api/v4/tasks", tasks::update);
    routes.get("/api/v4/tasks/{id}", tasks::one);
    routes.patch("/api/v4/tasks/{id}", tasks::updateOne);

    routes.get("/api/v4/events", events::list);
    routes.get("/api/v4/events/{id}", events::one);

    routes.get("/api/v4/webhooks", webhooks::list);
    routes.post("/api/v4/webhooks", webhooks::subscribe);
    routes.delete("/api/v4/webhooks", webhooks::unsubscribe);

    routes.error(
        404,
        ctx -> {
          if (ctx.path().startsWith(ApiErrors.API_PREFIX)) {
            errors.notFound(ctx);
          }
        });
  }
}
