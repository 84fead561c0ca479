package app.reglament.sync;

import app.reglament.amo.webhook.TouchedEntities;
import app.reglament.amo.webhook.WebhookParser;
import app.reglament.inbox.InboxProcessor;
import app.reglament.inbox.InboxRow;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeSet;

/**
 * The worker's work for one account's webhooks: a webhook is only a trigger, so the union of what
 * the rows touched is re-read through the API in batches, then the events since the cursor.
 */
public final class WebhookProcessor implements InboxProcessor {
  private final AccountSync sync;

  public WebhookProcessor(AccountSync sync) {
    this.sync = sync;
  }

  @Override
  public void process(long accountId, List<InboxRow> rows) {
    var leads = new TreeSet<Long>();
    var tasks = new TreeSet<Long>();
    var contacts = new TreeSet<Long>();
    for (InboxRow row : rows) {
      TouchedEntities touched =
          WebhookParser.parse(row.body().getBytes(StandardCharsets.UTF_8)).touched();
      leads.addAll(touched.leadIds());
      tasks.addAll(touched.taskIds());
      contacts.addAll(touched.contactIds());
    }
    sync.refresh(accountId, leads, tasks, contacts);
  }
}
