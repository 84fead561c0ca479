package app.reglament.amo.webhook;

/**
 * A webhook body Reglament cannot read: broken form encoding, a key outside the limits of {@link
 * FormBody}, or no usable {@code account[id]}. The message says what is wrong and where, quoting at
 * most a short, sanitized piece of the body.
 */
public final class MalformedWebhookException extends RuntimeException {

  public MalformedWebhookException(String message) {
    // No stack trace: it always points into this parser and says nothing the message does not,
    // and a flood of garbage bodies should cost as little as possible.
    super(message, null, false, false);
  }
}
