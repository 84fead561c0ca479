package app.reglament.amo.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bodies nobody honest sends. Each must end in a {@link MalformedWebhookException} that says what
 * is wrong, or in a correct batch, and quickly: the body limit is 256 KB, and a parser that went
 * quadratic on one of these would take minutes, not the generous seconds allowed here.
 */
class HostileWebhookTest {
  private static final int HTTP_BODY_LIMIT = 256 * 1024;
  private static final Duration GENEROUS = Duration.ofSeconds(10);

  @ParameterizedTest(name = "[{0}]")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      emptyValue = "",
      value = {
        "|The body has no parameters",
        "&&&|The body has no parameters",
        "=|Parameter 1 has a malformed key '': the name is empty",
        "==&=|Parameter 1 has a malformed key '': the name is empty",
        "account[subdomain]=sales|The account block has no account[id]",
        "leads[status][0][id]=1|The body has no account block (account[id])",
        "account=31000001|'account' is a plain value; expected a block with account[id]",
        "account[id][]=1|account[id] must be a plain value, not a group",
        "account[id]=|account[id] must be a positive whole number, got ''",
        "account[id]=abc|account[id] must be a positive whole number, got 'abc'",
        "account[id]=0|account[id] must be a positive whole number, got '0'",
        "account[id]=-5|account[id] must be a positive whole number, got '-5'",
        "account[id]=+5|account[id] must be a positive whole number, got ' 5'",
        "account[id]=1e9|account[id] must be a positive whole number, got '1e9'",
        "account[id]=99999999999999999999|account[id] must be a positive whole number",
        "account[id]=1&leads[update][0][id][][][][][][][][][][]=5|nests deeper than 10 levels",
        "account[id]=1&leads[update][0][id]=5&leads[update][0][id][x]=6|uses"
            + " 'leads[update][0][id]' as a group",
        "account[id]=%31%|Bad percent-escape in the value of 'account[id]'",
        "account%5Bid=1|'[' at position 7 is never closed",
      })
  void a_hostile_body_is_refused_with_a_message_saying_what_is_wrong(String body, String message) {
    assertThatThrownBy(() -> WebhookParser.parse(Fixtures.raw(body == null ? "" : body)))
        .isExactlyInstanceOf(MalformedWebhookException.class)
        .hasMessageContaining(message);
  }

  @Test
  void ten_thousand_and_one_parameters_are_refused() {
    StringBuilder body = new StringBuilder("account[id]=31000001");
    for (int i = 0; i < FormBody.MAX_PARAMETERS; i++) {
      body.append("&leads[update][").append(i).append("][id]=").append(i + 1);
    }

    assertThatThrownBy(() -> WebhookParser.parse(Fixtures.raw(body.toString())))
        .isExactlyInstanceOf(MalformedWebhookException.class)
        .hasMessage("The body has more than 10000 parameters");
  }

  @Test
  void worst_case_bodies_of_the_http_limit_finish_fast() {
    refusedQuickly("one key of 256 KB of '['", () -> "a" + "[".repeat(HTTP_BODY_LIMIT));
    refusedQuickly("256 KB of empty brackets", () -> "a" + "[]".repeat(HTTP_BODY_LIMIT / 2));
    refusedQuickly("256 KB of '&'", () -> "&".repeat(HTTP_BODY_LIMIT));
    refusedQuickly("256 KB of '%'", () -> "%".repeat(HTTP_BODY_LIMIT));
    refusedQuickly("256 KB of '='", () -> "=".repeat(HTTP_BODY_LIMIT));
    refusedQuickly("43,000 tiny parameters", () -> "a[]=1&".repeat(HTTP_BODY_LIMIT / 6));
    refusedQuickly(
        "a value of 256 KB of escaped invalid UTF-8",
        () -> "account[id]=1&a=" + "%C3".repeat(HTTP_BODY_LIMIT / 3));
    refusedQuickly(
        "a 256 KB key that closes only at the end",
        () -> "a[" + "b".repeat(HTTP_BODY_LIMIT) + "]c=1");
  }

  @Test
  void keys_that_all_share_one_hash_code_do_not_slow_the_parse() {
    // "Aa" and "BB" have the same String.hashCode, so every key built from them collides.
    StringBuilder body = new StringBuilder("account[id]=31000001");
    for (int i = 0; i < FormBody.MAX_PARAMETERS - 1; i++) {
      body.append("&x[");
      for (int bit = 0; bit < 14; bit++) {
        body.append((i >> bit & 1) == 0 ? "Aa" : "BB");
      }
      body.append("][0][id]=1");
    }

    WebhookBatch batch =
        timed("9,999 colliding keys", () -> WebhookParser.parse(Fixtures.raw(body.toString())));

    assertThat(batch.events()).hasSize(FormBody.MAX_PARAMETERS - 1);
  }

  @Test
  void valid_but_huge_shapes_parse_fast() {
    StringBuilder body = new StringBuilder("account[id]=31000001");
    for (int i = 0; i < FormBody.MAX_PARAMETERS - 1; i++) {
      body.append("&leads[update][").append(999_000_000 + i).append("][id]=").append(i + 1);
    }

    WebhookBatch batch =
        timed(
            "9,999 deals at huge indexes",
            () -> WebhookParser.parse(Fixtures.raw(body.toString())));

    assertThat(batch.touched().leadIds()).hasSize(FormBody.MAX_PARAMETERS - 1);
  }

  private static void refusedQuickly(String what, Supplier<String> body) {
    byte[] bytes = body.get().getBytes(StandardCharsets.ISO_8859_1);
    MalformedWebhookException refused =
        timed(
            what,
            () -> {
              try {
                WebhookParser.parse(bytes);
                return null;
              } catch (MalformedWebhookException e) {
                return e;
              }
            });
    assertThat(refused).as(what).isNotNull();
  }

  private static <T> T timed(String what, Supplier<T> work) {
    long start = System.nanoTime();
    T result = assertTimeoutPreemptively(GENEROUS, work::get, what);
    System.out.printf("Hostile body, %s: %.1f ms%n", what, (System.nanoTime() - start) / 1e6);
    return result;
  }
}
