package app.reglament.sandbox.hooks;

import app.reglament.sandbox.store.Account;
import app.reglament.sandbox.store.ChangeSet;
import app.reglament.sandbox.store.Store;
import app.reglament.sandbox.store.StoreListener;
import app.reglament.sandbox.store.Webhook;
import java.util.function.Supplier;

/**
 * Hears every change the store makes (API, UI, live mode alike) and queues one body per subscribed
 * destination that wants some of it. Encoding happens here, under the store's lock, so each body
 * shows the entities exactly as that change left them; sending happens on the sender's thread.
 */
public final class WebhookDispatcher implements StoreListener {
  private final WebhookSender sender;
  private final Supplier<String> accountUrl;

  /** {@code accountUrl}: what {@code account[_links][self]} says, e.g. http://127.0.0.1:9001. */
  public WebhookDispatcher(WebhookSender sender, Supplier<String> accountUrl) {
    this.sender = sender;
    this.accountUrl = accountUrl;
  }

  @Override
  public void changed(ChangeSet changes, Store store) {
    Account account = store.account();
    WebhookEncoder encoder = new WebhookEncoder(store::leadField);
    WebhookEncoder.AccountRef ref =
        new WebhookEncoder.AccountRef(account.id(), account.subdomain(), accountUrl.get());
    for (Webhook webhook : store.webhooks()) {
      if (webhook.disabled()) {
        continue;
      }
      encoder
          .encode(ref, changes, webhook.settings())
          .ifPresent(body -> sender.submit(webhook.destination(), body));
    }
  }
}
