package app.reglament.sandbox;

import app.reglament.sandbox.hooks.WebhookStats;
import app.reglament.sandbox.store.Store;

/**
 * What {@code GET /sandbox/stats} answers: enough to prove "no request got a 429" after a sync, and
 * that webhooks went out.
 *
 * @param requests API requests received (refused ones included)
 * @param rateLimited requests answered 429
 * @param unauthorized requests answered 401
 */
public record SandboxStats(
    long requests,
    long rateLimited,
    long unauthorized,
    WebhookStats webhooks,
    Store.Counts store) {}
