package app.reglament.sandbox.api;

import app.reglament.sandbox.store.Store;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * What every view needs to draw an entity as amoCRM does: the mapper, the account's base URL for
 * {@code _links}, and the store for the parts that live elsewhere (a user's group, a deal's nearest
 * task). One per request.
 */
record Render(ObjectMapper json, String base, Store store, long accountId) {

  ObjectNode object() {
    return json.createObjectNode();
  }

  ObjectNode links(String path) {
    ObjectNode links = json.createObjectNode();
    links.putObject("self").put("href", base + path);
    return links;
  }

  static void time(ObjectNode node, String field, Instant at) {
    if (at == null) {
      node.putNull(field);
    } else {
      node.put(field, at.getEpochSecond());
    }
  }

  long groupOf(long userId) {
    return store.user(userId).map(u -> u.groupId()).orElse(0L);
  }
}
