package app.reglament.sandbox.api;

import app.reglament.sandbox.store.Contact;
import app.reglament.sandbox.store.NewContact;
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
import java.util.function.Predicate;

/** {@code /api/v4/contacts}: list (filters by id, time, responsible, name; {@code with=leads}). */
final class ContactApi {
  private static final Set<String> ORDER_FIELDS = Set.of("updated_at", "id");

  private final Store store;
  private final Hal hal;

  ContactApi(Store store, Hal hal) {
    this.store = store;
    this.hal = hal;
  }

  void list(Context ctx) {
    Params params = Params.of(ctx);
    Set<String> with = params.with();
    List<Contact> contacts = store.contacts(filter(params));
    var order = params.order(ORDER_FIELDS);
    if (order.isPresent()) {
      Comparator<Contact> comparator =
          order.get().field().equals("updated_at")
              ? Comparator.comparing(Contact::updatedAt)
              : Comparator.comparingLong(Contact::id);
      comparator = comparator.thenComparingLong(Contact::id);
      contacts =
          contacts.stream()
              .sorted(order.get().ascending() ? comparator : comparator.reversed())
              .toList();
    }
    Render render = Routes.render(ctx, store, hal);
    hal.page(ctx, "contacts", contacts, Hal.MAX_LIMIT, c -> DealViews.contact(render, c, with));
  }

  void one(Context ctx) {
    Render render = Routes.render(ctx, store, hal);
    Set<String> with = Params.of(ctx).with();
    store
        .contact(Routes.id(ctx))
        .ifPresentOrElse(
            c -> hal.ok(ctx, DealViews.contact(render, c, with)), () -> ctx.status(204));
  }

  /**
   * Creates contacts one by one (the sandbox keeps no contact fields, so values are taken as sent).
   */
  void create(Context ctx) throws JsonProcessingException {
    List<JsonNode> items = Bodies.batch(hal.json(), ctx);
    List<String> requestIds = Bodies.requestIds(items);
    List<Violation> violations = new ArrayList<>();
    List<NewContact> contacts = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Bodies.Fields f = new Bodies.Fields(items.get(i), i, violations);
      String name = f.text("name");
      if (name == null) {
        String first = f.text("first_name");
        String last = f.text("last_name");
        name = ((first == null ? "" : first) + " " + (last == null ? "" : last)).strip();
      }
      contacts.add(
          new NewContact(
              name, f.number("responsible_user_id"), LeadBodies.customFields(f, Map.of())));
    }
    List<Contact> created =
        Bodies.write(
            violations,
            requestIds,
            () ->
                contacts.stream().map(c -> store.createContact(c, ApiGuard.userId(ctx))).toList());
    ObjectNode answer = hal.json().createObjectNode();
    answer.set("_links", hal.selfLink(Hal.base(ctx) + "/api/v4/contacts"));
    ArrayNode list = answer.putObject("_embedded").putArray("contacts");
    for (int i = 0; i < created.size(); i++) {
      list.addObject()
          .put("id", created.get(i).id())
          .put("request_id", requestIds.get(i))
          .set("_links", hal.selfLink(Hal.base(ctx) + "/api/v4/contacts/" + created.get(i).id()));
    }
    hal.ok(ctx, answer);
  }

  private static Predicate<Contact> filter(Params params) {
    Predicate<Contact> filter = c -> true;
    List<Long> ids = params.longs("filter[id]");
    if (!ids.isEmpty()) {
      Set<Long> wanted = new HashSet<>(ids);
      filter = filter.and(c -> wanted.contains(c.id()));
    }
    Params.TimeRange updated = params.range("filter[updated_at]");
    Params.TimeRange created = params.range("filter[created_at]");
    filter =
        filter.and(c -> updated.contains(c.updatedAt())).and(c -> created.contains(c.createdAt()));
    List<Long> responsible = params.longs("filter[responsible_user_id]");
    if (!responsible.isEmpty()) {
      filter = filter.and(c -> responsible.contains(c.responsibleUserId()));
    }
    String query = params.one("query").orElse(null);
    if (query != null) {
      String needle = query.toLowerCase(Locale.ROOT);
      filter = filter.and(c -> c.name().toLowerCase(Locale.ROOT).contains(needle));
    }
    return filter;
  }
}
