package app.reglament.amo.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Garbage in, and only two things may come out: a batch, or a {@link MalformedWebhookException}
 * with a message. Any other exception or error (NumberFormatException, IndexOutOfBounds,
 * StackOverflowError, …) escapes and fails the case. The seed is fixed, so a failure replays.
 */
class WebhookFuzzTest {
  private static final long SEED = 20240610L;
  private static final int CASES_PER_FAMILY = 150;

  private static final String[] TOKENS = {
    "account[id]=31000001",
    "account",
    "[id]",
    "=",
    "&",
    "[",
    "]",
    "[]",
    "%",
    "%5B",
    "%5D",
    "%C3",
    "%A9",
    "%FF",
    "%ED%A0%80",
    "%F0%9F%9A%9A",
    "%00",
    "%2",
    "+",
    "leads",
    "tasks",
    "message",
    "talk",
    "contacts",
    "[update]",
    "[status]",
    "[note]",
    "[add]",
    "[0]",
    "[1]",
    "[999999999]",
    "[99999999999999999999999]",
    "[-1]",
    "[custom_fields]",
    "[values]",
    "[enum]",
    "[value]",
    "[id]=23001001",
    "[element_id]=1",
    "[element_type]=2",
    "[talk_id]=5",
    "[updated_at]=1718000000",
    "[status_id]=143",
    "[old_status_id]=141",
    "=abc",
    "=-1",
    "=0",
    "Окна",
    "\u0001",
    " ",
  };

  // Parts of amoCRM-like keys and values, for bodies that pass the form layer and reach the events.
  private static final String[] ENTITIES = {
    "leads", "contacts", "companies", "tasks", "message", "talk", "customers", "account", "x"
  };
  private static final String[] ACTIONS = {
    "add", "update", "delete", "restore", "status", "responsible", "note", "merge", ""
  };
  private static final String[] INDEXES = {"0", "1", "", "999999999", "abc"};
  private static final String[] FIELDS = {
    "id",
    "status_id",
    "old_status_id",
    "pipeline_id",
    "updated_at",
    "last_modified",
    "custom_fields",
    "values",
    "value",
    "enum",
    "note",
    "note_type",
    "element_id",
    "element_type",
    "entity_id",
    "entity_type",
    "talk_id",
    "contact_id",
    "result",
    "text",
    "status",
    "0",
    "1",
    ""
  };
  private static final String[] VALUES = {
    "1",
    "0",
    "-1",
    "",
    "abc",
    "99999999999999999999",
    "1718000000",
    "253402300800",
    "lead",
    "2",
    "Окна",
    "true",
    "23001001",
    " 5",
    "1e9",
    "0x1F"
  };

  private static final String[] FIXTURES = {
    "lead-add.form",
    "lead-update-custom-fields.form",
    "lead-status-lost.form",
    "lead-responsible.form",
    "task-update-closed.form",
    "lead-note.form",
    "message-add.form",
    "talk-add.form",
    "mixed.form",
  };

  static Stream<Arguments> garbage() {
    Random random = new Random(SEED);
    List<Arguments> cases = new ArrayList<>();
    for (int i = 0; i < CASES_PER_FAMILY; i++) {
      cases.add(Arguments.of("random bytes #" + i, randomBytes(random)));
      cases.add(Arguments.of("random tokens #" + i, randomTokens(random)));
      cases.add(Arguments.of("mutated fixture #" + i, mutatedFixture(random)));
      cases.add(Arguments.of("well-formed nonsense #" + i, wellFormedNonsense(random)));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("garbage")
  void garbage_gives_a_batch_or_the_typed_exception_and_nothing_else(String name, byte[] body) {
    try {
      WebhookBatch batch = WebhookParser.parse(body);
      assertThat(batch.accountId()).isPositive();
      batch.touched();
      for (WebhookEvent event : batch.events()) {
        if (event instanceof LeadEvent lead) {
          lead.statusChangeKey(batch.accountId());
        }
      }
    } catch (MalformedWebhookException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
  }

  private static byte[] randomBytes(Random random) {
    byte[] body = new byte[random.nextInt(400)];
    random.nextBytes(body);
    return body;
  }

  private static byte[] randomTokens(Random random) {
    StringBuilder body = new StringBuilder();
    int count = 1 + random.nextInt(60);
    for (int i = 0; i < count; i++) {
      body.append(TOKENS[random.nextInt(TOKENS.length)]);
    }
    return body.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Correctly encoded keys in amoCRM's vocabulary, put together at random, with odd values. */
  private static byte[] wellFormedNonsense(Random random) {
    StringBuilder body = new StringBuilder("account%5Bid%5D=31000001");
    int count = random.nextInt(40);
    for (int i = 0; i < count; i++) {
      StringBuilder key = new StringBuilder(pick(random, ENTITIES));
      key.append('[').append(pick(random, ACTIONS)).append(']');
      key.append('[').append(pick(random, INDEXES)).append(']');
      int depth = random.nextInt(5);
      for (int level = 0; level < depth; level++) {
        key.append('[').append(pick(random, FIELDS)).append(']');
      }
      body.append('&')
          .append(URLEncoder.encode(key.toString(), StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(pick(random, VALUES), StandardCharsets.UTF_8));
    }
    return body.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String pick(Random random, String[] choices) {
    return choices[random.nextInt(choices.length)];
  }

  /** A real body with bytes flipped, cut, repeated or spliced with tokens. */
  private static byte[] mutatedFixture(Random random) {
    byte[] body = Fixtures.body(FIXTURES[random.nextInt(FIXTURES.length)]);
    int mutations = 1 + random.nextInt(6);
    for (int m = 0; m < mutations && body.length > 0; m++) {
      int at = random.nextInt(body.length);
      ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 64);
      switch (random.nextInt(4)) {
        case 0 -> {
          body[at] = (byte) random.nextInt(256);
          continue;
        }
        case 1 -> {
          out.write(body, 0, at);
          int end = Math.min(body.length, at + 1 + random.nextInt(40));
          out.write(body, end, body.length - end);
        }
        case 2 -> {
          int end = Math.min(body.length, at + 1 + random.nextInt(40));
          out.write(body, 0, end);
          out.write(body, at, body.length - at);
        }
        default -> {
          out.write(body, 0, at);
          out.writeBytes(TOKENS[random.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8));
          out.write(body, at, body.length - at);
        }
      }
      body = out.toByteArray();
    }
    return body;
  }
}
