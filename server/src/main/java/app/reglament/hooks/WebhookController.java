package app.reglament.hooks;

import app.reglament.account.Account;
import app.reglament.account.AccountRepository;
import app.reglament.account.AccountState;
import app.reglament.amo.webhook.MalformedWebhookException;
import app.reglament.amo.webhook.WebhookBatch;
import app.reglament.amo.webhook.WebhookParser;
import app.reglament.inbox.InboxRepository;
import app.reglament.web.ProblemException;
import app.reglament.web.ProblemType;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.jooq.exception.DataAccessException;

/**
 * POST /hooks/amo/{hookToken}: amoCRM's webhooks. The body is checked (size, account, form) and
 * committed to the inbox before the 200, and nothing else happens on this path: the worker does the
 * rest, so amoCRM gets its answer within milliseconds.
 */
public final class WebhookController {
  /** amoCRM's bodies are small; anything near this is an attack or a mistake. */
  public static final int MAX_BODY_BYTES = 256 * 1024;

  static final int INSERT_ATTEMPTS = 3;

  private final HookAccounts accounts;
  private final InboxRepository inbox;
  private final Runnable wakeWorker;
  private final Clock clock;
  private final MeterRegistry metrics;

  public WebhookController(
      AccountRepository accounts,
      InboxRepository inbox,
      Runnable wakeWorker,
      Clock clock,
      MeterRegistry metrics) {
    this.accounts = new HookAccounts(accounts);
    this.inbox = inbox;
    this.wakeWorker = wakeWorker;
    this.clock = clock;
    this.metrics = metrics;
  }

  public void receive(Context ctx) {
    long declared = ctx.req().getContentLengthLong();
    if (declared > MAX_BODY_BYTES) {
      throw rejected("too_large", ProblemType.PAYLOAD_TOO_LARGE, tooLarge(declared));
    }
    Account account =
        accounts
            .find(ctx.pathParam("hookToken"))
            .orElseThrow(
                () ->
                    rejected(
                        "unknown_token",
                        ProblemType.NOT_FOUND,
                        "No Reglament account has this webhook address"));
    if (account.state() == AccountState.INACTIVE) {
      throw rejected("inactive", ProblemType.GONE, "This account has disconnected Reglament");
    }
    byte[] body = ctx.bodyAsBytes();
    if (body.length > MAX_BODY_BYTES) {
      throw rejected("too_large", ProblemType.PAYLOAD_TOO_LARGE, tooLarge(body.length));
    }
    WebhookBatch batch;
    try {
      batch = WebhookParser.parse(body);
    } catch (MalformedWebhookException e) {
      throw rejected("malformed", ProblemType.MALFORMED_WEBHOOK, e.getMessage());
    }
    if (batch.accountId() != account.id()) {
      throw rejected(
          "account_mismatch",
          ProblemType.FORBIDDEN,
          "account[id] " + batch.accountId() + " does not own this webhook address");
    }
    boolean fresh = store(account.id(), new String(body, StandardCharsets.UTF_8));
    count(fresh ? "accepted" : "duplicate");
    wakeWorker.run();
    ctx.json(Map.of("accepted", true, "duplicate", !fresh));
  }

  /** Commits the body; a deadlock victim (possible under heavy concurrent load) tries again. */
  private boolean store(long accountId, String body) {
    for (int attempt = 1; ; attempt++) {
      try {
        return inbox.accept(accountId, body, clock.instant());
      } catch (DataAccessException e) {
        if (attempt >= INSERT_ATTEMPTS || !"40001".equals(e.sqlState())) {
          throw e;
        }
      }
    }
  }

  private ProblemException rejected(String reason, ProblemType type, String detail) {
    count(reason);
    return new ProblemException(type, detail);
  }

  private void count(String outcome) {
    Counter.builder("reglament.webhooks").tag("outcome", outcome).register(metrics).increment();
  }

  private static String tooLarge(long bytes) {
    return "The body has " + bytes + " bytes; webhooks are accepted up to " + MAX_BODY_BYTES;
  }
}
