package app.reglament.amo.webhook;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an amoCRM webhook body (form-encoded, API v2 shape) into a {@link WebhookBatch}.
 *
 * <pre>{@code
 * WebhookBatch batch = WebhookParser.parse(body);   // throws MalformedWebhookException
 * batch.accountId();                                // check it against the hook token's account
 * batch.touched().leadIds();                        // what to re-read through API v4
 * }</pre>
 *
 * The body is malformed (and nothing of it is used) when its form encoding is broken, a key breaks
 * the limits of {@link FormBody}, or {@code account[id]} is missing or not a positive number: the
 * account is what every later step is scoped by. Problems inside single entries only skip those
 * entries ({@link WebhookBatch#skipped()}). Thread-safe; it keeps no state.
 */
public final class WebhookParser {
  private static final Logger log = LoggerFactory.getLogger(WebhookParser.class);

  private WebhookParser() {}

  public static WebhookBatch parse(byte[] body) {
    FormNode.Group form = FormBody.parse(body);
    if (form.children().isEmpty()) {
      throw new MalformedWebhookException("The body has no parameters");
    }
    FormNode.Group account = account(form);
    long accountId = accountId(account);
    Optional<String> subdomain = account.text("subdomain").filter(text -> !text.isBlank());

    EventReader reader = new EventReader();
    form.children()
        .forEach(
            (entity, node) -> {
              if (!entity.equals("account")) {
                reader.read(entity, node);
              }
            });
    WebhookBatch batch = new WebhookBatch(accountId, subdomain, reader.events(), reader.skipped());
    if (!batch.skipped().isEmpty()) {
      log.debug(
          "Webhook of account {}: {} entries read, skipped {}",
          accountId,
          batch.events().size(),
          batch.skipped());
    }
    return batch;
  }

  private static FormNode.Group account(FormNode.Group form) {
    if (form.get("account") == null) {
      throw new MalformedWebhookException("The body has no account block (account[id])");
    }
    return form.group("account")
        .orElseThrow(
            () ->
                new MalformedWebhookException(
                    "'account' is a plain value; expected a block with account[id]"));
  }

  private static long accountId(FormNode.Group account) {
    if (account.get("id") == null) {
      throw new MalformedWebhookException("The account block has no account[id]");
    }
    Optional<String> text = account.text("id");
    if (text.isEmpty()) {
      throw new MalformedWebhookException("account[id] must be a plain value, not a group");
    }
    long id = Entry.wholeNumber(text.get());
    if (id <= 0) {
      throw new MalformedWebhookException(
          "account[id] must be a positive whole number, got " + Quote.of(text.get()));
    }
    return id;
  }
}
