package app.reglament.sandbox.testing;

import io.javalin.Javalin;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny webhook receiver: a Javalin app on a free port that keeps every body it is posted. Tests
 * wait for a body with {@link #next}, which blocks on the queue instead of sleeping. It can be told
 * to refuse the first few posts, to exercise retries.
 */
public final class Receiver implements AutoCloseable {
  private final BlockingQueue<Map<String, String>> bodies = new LinkedBlockingQueue<>();
  private final AtomicInteger refusalsLeft = new AtomicInteger();
  private final AtomicInteger posts = new AtomicInteger();
  private final Javalin http;

  public Receiver() {
    http =
        Javalin.create(
                config -> {
                  config.startup.showJavalinBanner = false;
                  config.routes.post(
                      "/hooks",
                      ctx -> {
                        posts.incrementAndGet();
                        if (refusalsLeft.getAndDecrement() > 0) {
                          ctx.status(500);
                          return;
                        }
                        if (!ctx.contentType().startsWith("application/x-www-form-urlencoded")) {
                          ctx.status(415);
                          return;
                        }
                        bodies.add(decode(ctx.body()));
                        ctx.status(200);
                      });
                })
            .start("127.0.0.1", 0);
  }

  public String url() {
    return "http://127.0.0.1:" + http.port() + "/hooks";
  }

  public void refuseNext(int count) {
    refusalsLeft.set(count);
  }

  public int posts() {
    return posts.get();
  }

  /** The next body received, decoded into PHP-style keys; fails after the timeout. */
  public Map<String, String> next(Duration timeout) throws InterruptedException {
    Map<String, String> body = bodies.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (body == null) {
      throw new AssertionError("No webhook arrived within " + timeout);
    }
    return body;
  }

  /** Whatever has arrived and not been taken yet. */
  public int waiting() {
    return bodies.size();
  }

  public static Map<String, String> decode(String body) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      fields.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return fields;
  }

  @Override
  public void close() {
    http.stop();
  }
}
