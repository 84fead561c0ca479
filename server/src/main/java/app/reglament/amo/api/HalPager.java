package app.reglament.amo.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads amoCRM's HAL lists page by page: {@code {"_page":N, "_links":{"next":…},
 * "_embedded":{"leads":[…]}}}, ending at a page without {@code _links.next}, an empty page or a
 * 204. Only one page is held at a time.
 *
 * <p>The next page is requested by counting {@code page} up on our own request rather than by
 * following the {@code next} href: the href names a host, and the bearer token goes only to the
 * account's base URL we chose (which also keeps REGLAMENT_AMO_BASE_URL working).
 */
final class HalPager {
  private final AmoTransport transport;
  private final ObjectMapper mapper;

  HalPager(AmoTransport transport) {
    this.transport = transport;
    this.mapper = transport.mapper();
  }

  <T> void forEachPage(
      long accountId,
      AmoRequest request,
      String key,
      Class<T> type,
      int limit,
      Consumer<List<T>> pageConsumer) {
    for (int page = 1; ; page++) {
      JsonNode answer =
          transport.send(accountId, request.param("page", page).param("limit", limit));
      List<T> items = items(accountId, request, answer, key, type);
      if (items.isEmpty()) {
        return;
      }
      pageConsumer.accept(items);
      if (!answer.path("_links").path("next").hasNonNull("href")) {
        return;
      }
    }
  }

  /**
   * As {@link #forEachPage}, for the entities named in {@code ids}: sent as {@code idParam}
   * repeated, at most {@code chunkSize} ids per request so no URL grows past what amoCRM takes.
   * Null {@code ids} sets no id condition; an empty list reads nothing.
   */
  <T> void forEachPageOfIds(
      long accountId,
      AmoRequest request,
      String idParam,
      Collection<Long> ids,
      int chunkSize,
      String key,
      Class<T> type,
      int limit,
      Consumer<List<T>> pageConsumer) {
    if (ids == null) {
      forEachPage(accountId, request, key, type, limit, pageConsumer);
      return;
    }
    List<Long> distinct = ids.stream().distinct().toList();
    for (int from = 0; from < distinct.size(); from += chunkSize) {
      List<Long> chunk = distinct.subList(from, Math.min(from + chunkSize, distinct.size()));
      forEachPage(accountId, request.params(idParam, chunk), key, type, limit, pageConsumer);
    }
  }

  /** One page of a list (empty past the end): for callers that walk by a key of their own. */
  <T> List<T> page(
      long accountId, AmoRequest request, String key, Class<T> type, int limit, int page) {
    JsonNode answer = transport.send(accountId, request.param("page", page).param("limit", limit));
    return items(accountId, request, answer, key, type);
  }

  /** Every page's items in one list: for lists known to be small (users, fields, reasons). */
  <T> List<T> all(long accountId, AmoRequest request, String key, Class<T> type, int limit) {
    List<T> all = new ArrayList<>();
    forEachPage(accountId, request, key, type, limit, all::addAll);
    return all;
  }

  /** A list amoCRM answers in one piece, without paging (pipelines, webhooks). */
  <T> List<T> unpaged(long accountId, AmoRequest request, String key, Class<T> type) {
    return items(accountId, request, transport.send(accountId, request), key, type);
  }

  <T> T one(long accountId, AmoRequest request, Class<T> type) {
    JsonNode answer = transport.send(accountId, request);
    if (answer.isMissingNode()) {
      throw new AmoException(
          accountId,
          "amoCRM answered " + request.describe() + " for account " + accountId + " with nothing");
    }
    return convert(accountId, request, answer, type);
  }

  private <T> List<T> items(
      long accountId, AmoRequest request, JsonNode answer, String key, Class<T> type) {
    JsonNode array = answer.path("_embedded").path(key);
    List<T> items = new ArrayList<>(array.size());
    for (JsonNode item : array) {
      items.add(convert(accountId, request, item, type));
    }
    return items;
  }

  private <T> T convert(long accountId, AmoRequest request, JsonNode node, Class<T> type) {
    try {
      return mapper.treeToValue(node, type);
    } catch (Exception e) { // JsonProcessingException or IllegalArgumentException alike
      throw new AmoException(
          accountId,
          "cannot read a "
              + type.getSimpleName()
              + " from amoCRM's answer to "
              + request.describe()
              + " for account "
              + accountId
              + ": "
              + e.getMessage(),
          e);
    }
  }
}
