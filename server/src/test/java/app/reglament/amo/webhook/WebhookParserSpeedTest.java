package app.reglament.amo.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Prints how long a typical body takes to parse. A figure for the record, not a timed assertion:
 * machines differ, and HostileWebhookTest is the guard against slowness that matters.
 */
class WebhookParserSpeedTest {
  private static final int WARM_UP = 20_000;
  private static final int MEASURED = 50_000;

  @Test
  void parsing_a_typical_five_kilobyte_body() {
    byte[] body = typicalBody();
    WebhookBatch batch = WebhookParser.parse(body);
    assertThat(batch.events()).hasSize(5);

    long sink = 0;
    for (int i = 0; i < WARM_UP; i++) {
      sink += WebhookParser.parse(body).events().size();
    }
    long start = System.nanoTime();
    for (int i = 0; i < MEASURED; i++) {
      sink += WebhookParser.parse(body).events().size();
    }
    double micros = (System.nanoTime() - start) / 1e3 / MEASURED;

    System.out.printf(
        "Webhook parse of a %.1f KB body (%d events): %.1f µs each, %.0f MB/s (sink %d)%n",
        body.length / 1024.0, batch.events().size(), micros, body.length / micros, sink);
  }

  /**
   * A status change, the update of the same deal with its custom fields, a task, a new conversation
   * and its first chat message: about 5 KB, what a busy moment's webhook looks like.
   */
  private static byte[] typicalBody() {
    String body =
        String.join(
            "&",
            new String(Fixtures.body("lead-status-lost.form"), StandardCharsets.UTF_8),
            withoutAccount("lead-update-custom-fields.form"),
            withoutAccount("task-add.form"),
            withoutAccount("talk-add.form"),
            withoutAccount("message-add.form"));
    return body.getBytes(StandardCharsets.UTF_8);
  }

  private static String withoutAccount(String fixture) {
    return new String(Fixtures.body(fixture), StandardCharsets.UTF_8)
        .replaceAll("account%5B[^&]*&", "");
  }
}
