package app.reglament.sandbox.hooks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts webhook bodies from one background thread, in the order they were queued, so the caller
 * that made the change never waits for a receiver. A non-2xx answer or no answer is retried after a
 * growing delay, up to {@link DeliverySettings#maxAttempts()}; then the delivery counts as failed.
 */
public final class WebhookSender implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

  /** Past this many undelivered bodies the receiver is hopeless; new ones are dropped. */
  static final int MAX_PENDING = 10_000;

  /** What amoCRM's webhook client calls itself. */
  static final String USER_AGENT = "amoCRM-Webhooks/3.0";

  private final DeliverySettings settings;
  private final HttpClient http;
  private final ScheduledExecutorService thread;
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong retried = new AtomicLong();
  private final AtomicLong pending = new AtomicLong();
  private final Object idle = new Object();

  public WebhookSender(DeliverySettings settings) {
    this.settings = settings;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(settings.timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.thread =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread t = new Thread(runnable, "sandbox-webhooks");
              t.setDaemon(true);
              return t;
            });
  }

  /** Queues one body for one destination; returns at once. */
  public void submit(String destination, String body) {
    if (pending.incrementAndGet() > MAX_PENDING) {
      failed.incrementAndGet();
      finished();
      log.warn("Webhook queue is full ({} pending); dropped one for {}", MAX_PENDING, destination);
      return;
    }
    Delivery delivery = new Delivery(URI.create(destination), body);
    try {
      thread.execute(() -> attempt(delivery, 1));
    } catch (RejectedExecutionException stopped) {
      failed.incrementAndGet();
      finished();
    }
  }

  public WebhookStats stats() {
    return new WebhookStats(sent.get(), failed.get(), retried.get(), pending.get());
  }

  private record Delivery(URI destination, String body) {}

  private void attempt(Delivery delivery, int attempt) {
    String outcome;
    try {
      HttpResponse<Void> response =
          http.send(
              HttpRequest.newBuilder(delivery.destination())
                  .timeout(settings.timeout())
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .header("User-Agent", USER_AGENT)
                  .POST(HttpRequest.BodyPublishers.ofString(delivery.body()))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() / 100 == 2) {
        sent.incrementAndGet();
        finished();
        return;
      }
      outcome = "HTTP " + response.statusCode();
    } catch (IOException e) {
      outcome = e.getClass().getSimpleName();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failed.incrementAndGet();
      finished();
      return;
    } catch (RuntimeException e) {
      // A bad destination or a client failure must not stop the thread that sends the others.
      outcome = e.getClass().getSimpleName();
    }
    if (attempt >= settings.maxAttempts()) {
      failed.incrementAndGet();
      finished();
      log.warn(
          "Webhook to {} failed {} times (last: {}); giving up",
          delivery.destination(),
          attempt,
          outcome);
      return;
    }
    retried.incrementAndGet();
    long delay = settings.retryDelay(attempt).toMillis();
    log.info(
        "Webhook to {} failed ({}); attempt {} of {} in {} ms",
        delivery.destination(),
        outcome,
        attempt + 1,
        settings.maxAttempts(),
        delay);
    try {
      thread.schedule(() -> attempt(delivery, attempt + 1), delay, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException stopped) {
      failed.incrementAndGet();
      finished();
    }
  }

  /**
   * Waits until nothing is queued or waiting for a retry: every body so far was taken or given up.
   * For tests and a clean shutdown; false if the timeout passed first.
   */
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (idle) {
      while (pending.get() > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(idle, left);
      }
    }
    return true;
  }

  /** One delivery reached its outcome; the counters are updated before this is called. */
  private void finished() {
    if (pending.decrementAndGet() <= 0) {
      synchronized (idle) {
        idle.notifyAll();
      }
    }
  }

  @Override
  public void close() {
    thread.shutdownNow();
    try {
      thread.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
