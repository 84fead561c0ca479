package app.reglament.amo.api;

import app.reglament.amo.api.model.Webhook;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The account's webhook subscriptions, {@code /api/v4/webhooks} (admins only, 100 at most). */
public final class Webhooks {
  static final String PATH = "/api/v4/webhooks";
  static final String KEY = "webhooks";

  private final HalPager pager;
  private final AmoTransport transport;
  private final ObjectMapper mapper;

  Webhooks(HalPager pager, AmoTransport transport) {
    this.pager = pager;
    this.transport = transport;
    this.mapper = transport.mapper();
  }

  public List<Webhook> list(long accountId) {
    return pager.unpaged(accountId, AmoRequest.get(PATH), KEY, Webhook.class);
  }

  /** The subscriptions that deliver to {@code destination} (none or one). */
  public List<Webhook> list(long accountId, String destination) {
    return pager.unpaged(
        accountId,
        AmoRequest.get(PATH).param("filter[destination]", destination),
        KEY,
        Webhook.class);
  }

  /**
   * Subscribes {@code destination} to the event codes in {@code settings} ({@code add_lead}, {@code
   * status_lead}, …). amoCRM keeps one subscription per destination, so subscribing again replaces
   * its settings.
   */
  public Webhook subscribe(long accountId, String destination, List<String> settings, int sort) {
    ObjectNode body = mapper.createObjectNode().put("destination", destination).put("sort", sort);
    settings.forEach(body.putArray("settings")::add);
    return pager.one(accountId, AmoRequest.post(PATH, body), Webhook.class);
  }

  /** Removes the subscription of {@code destination}. */
  public void unsubscribe(long accountId, String destination) {
    transport.send(
        accountId,
        AmoRequest.delete(PATH, mapper.createObjectNode().put("destination", destination)));
  }
}
