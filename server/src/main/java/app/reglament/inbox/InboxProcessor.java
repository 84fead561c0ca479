package app.reglament.inbox;

import java.util.List;

/** Does the work behind one account's webhooks: re-read what they touched, update the mirror. */
@FunctionalInterface
public interface InboxProcessor {
  /**
   * Processes rows of one account. Returning normally means all of them are done; throwing means
   * none is, and they will be retried.
   */
  void process(long accountId, List<InboxRow> rows) throws Exception;
}
