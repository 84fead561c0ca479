package app.reglament.sandbox.api;

import app.reglament.sandbox.store.Event;
import app.reglament.sandbox.store.EventTypes;
import app.reglament.sandbox.store.Store;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /api/v4/events}: the event log, newest first unless {@code order[created_at]=asc}; pages
 * of at most 100. Filters: {@code created_at} (from/to), {@code type} (one or many; {@code
 * custom_field_{ID}_value_changed} picks one field's changes), {@code entity}, {@code entity_id}
 * (at most 10), {@code created_by} (at most 10).
 */
final class EventApi {
  /** amoCRM takes at most 10 entity ids, and 10 users, per events request. */
  static final int MAX_IDS = 10;

  private static final Set<String> ORDER_FIELDS = Set.of("created_at", "id");
  private static final Pattern ONE_FIELD = Pattern.compile("custom_field_(\\d+)_value_changed");

  private final Store store;
  private final Hal hal;

  EventApi(Store store, Hal hal) {
    this.store = store;
    this.hal = hal;
  }

  void list(Context ctx) {
    Params params = Params.of(ctx);
    List<Event> events = new ArrayList<>(store.events(filter(params)));
    var order = params.order(ORDER_FIELDS);
    boolean ascending = order.map(Params.Order::ascending).orElse(false);
    // The log is kept oldest first; amoCRM lists newest first by default.
    Comparator<Event> byTime = Comparator.comparing(Event::createdAt);
    if (!ascending) {
      Collections.reverse(events);
      events.sort(byTime.reversed());
    } else {
      events.sort(byTime);
    }
    Render render = Routes.render(ctx, store, hal);
    hal.page(ctx, "events", events, Hal.MAX_EVENTS_LIMIT, e -> ActivityViews.event(render, e));
  }

  void one(Context ctx) {
    String id = ctx.pathParam("id");
    Render render = Routes.render(ctx, store, hal);
    List<Event> found = store.events(e -> e.id().equals(id));
    if (found.isEmpty()) {
      ctx.status(204);
    } else {
      hal.ok(ctx, ActivityViews.event(render, found.get(0)));
    }
  }

  private static Predicate<Event> filter(Params params) {
    Predicate<Event> filter = e -> true;
    Params.TimeRange created = params.range("filter[created_at]");
    filter = filter.and(e -> created.contains(e.createdAt()));
    List<String> types = params.values("filter[type]");
    if (!types.isEmpty()) {
      filter = filter.and(typeFilter(types));
    }
    List<String> entities = params.values("filter[entity]");
    if (!entities.isEmpty()) {
      Set<String> wanted = new HashSet<>();
      entities.forEach(e -> wanted.add(singular(e)));
      filter = filter.and(e -> wanted.contains(e.entityType()));
    }
    List<Long> entityIds = params.longs("filter[entity_id]");
    if (entityIds.size() > MAX_IDS) {
      throw ApiProblem.badRequest(
          "filter[entity_id] takes at most " + MAX_IDS + " ids, got " + entityIds.size());
    }
    if (!entityIds.isEmpty()) {
      Set<Long> wanted = new HashSet<>(entityIds);
      filter = filter.and(e -> wanted.contains(e.entityId()));
    }
    List<Long> authors = params.longs("filter[created_by]");
    if (authors.size() > MAX_IDS) {
      throw ApiProblem.badRequest(
          "filter[created_by] takes at most " + MAX_IDS + " users, got " + authors.size());
    }
    if (!authors.isEmpty()) {
      filter = filter.and(e -> authors.contains(e.createdBy()));
    }
    return filter;
  }

  /** Types by name; {@code custom_field_55_value_changed} is field 55's changes only. */
  private static Predicate<Event> typeFilter(List<String> types) {
    Set<String> plain = new HashSet<>();
    Set<Long> fields = new HashSet<>();
    for (String type : types) {
      Matcher one = ONE_FIELD.matcher(type);
      if (one.matches()) {
        fields.add(Long.parseLong(one.group(1)));
      } else {
        plain.add(type);
      }
    }
    return e ->
        plain.contains(e.type())
            || EventTypes.CUSTOM_FIELD_VALUE_CHANGED.equals(e.type())
                && (fields.contains(fieldOf(e.valueAfter()))
                    || fields.contains(fieldOf(e.valueBefore())));
  }

  private static long fieldOf(List<Map<String, Object>> values) {
    for (Map<String, Object> value : values) {
      if (value.get("custom_field_value") instanceof Map<?, ?> inner
          && inner.get("field_id") instanceof Number id) {
        return id.longValue();
      }
    }
    return -1;
  }

  /** {@code filter[entity]=leads} and {@code lead} mean the same. */
  private static String singular(String entity) {
    return switch (entity) {
      case "leads" -> EventTypes.ENTITY_LEAD;
      case "contacts" -> EventTypes.ENTITY_CONTACT;
      case "tasks" -> EventTypes.ENTITY_TASK;
      case "companies" -> "company";
      default -> entity;
    };
  }
}
