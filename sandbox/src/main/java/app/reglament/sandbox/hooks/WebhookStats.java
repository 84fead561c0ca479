package app.reglament.sandbox.hooks;

/**
 * Webhook deliveries so far.
 *
 * @param sent answered 2xx
 * @param failed given up after every attempt (or dropped because the queue was full)
 * @param retried attempts repeated after a non-2xx answer or no answer
 * @param pending queued or waiting for a retry
 */
public record WebhookStats(long sent, long failed, long retried, long pending) {}
