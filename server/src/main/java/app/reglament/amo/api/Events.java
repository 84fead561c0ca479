package app.reglament.amo.api;

import app.reglament.amo.api.model.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The account's event log, {@code /api/v4/events}: status changes, calls, messages, field edits.
 * Pages are {@link AmoClientSettings#eventsPageLimit()} long. The log grows while it is read, so a
 * reader should expect an event twice and de-duplicate by its id.
 */
public final class Events {
  static final String PATH = "/api/v4/events";
  static final String KEY = "events";

  private final HalPager pager;
  private final int limit;

  Events(HalPager pager, AmoClientSettings settings) {
    this.pager = pager;
    this.limit = settings.eventsPageLimit();
  }

  public void forEachPage(long accountId, EventFilter filter, Consumer<List<Event>> pageConsumer) {
    pager.forEachPageOfIds(
        accountId,
        filter.applyTo(AmoRequest.get(PATH)),
        "filter[entity_id][]",
        filter.entityIds(),
        EventFilter.MAX_ENTITY_IDS_PER_REQUEST,
        KEY,
        Event.class,
        limit,
        pageConsumer);
  }

  public List<Event> list(long accountId, EventFilter filter) {
    List<Event> all = new ArrayList<>();
    forEachPage(accountId, filter, all::addAll);
    return all;
  }
}
