package app.reglament.amo.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormBodyTest {

  @Test
  void plus_percent_escapes_and_utf8_decode_to_the_original_text() {
    FormNode.Group form =
        FormBody.parse(Fixtures.raw("a=%D0%9E%D0%BA%D0%BD%D0%B0+%2B+%F0%9F%9A%9A&b=50%25"));

    assertThat(form.text("a")).contains("Окна + 🚚");
    assertThat(form.text("b")).contains("50%");
  }

  @Test
  void raw_utf8_bytes_that_should_have_been_escaped_are_accepted() {
    FormNode.Group form = FormBody.parse("name=Окна".getBytes(StandardCharsets.UTF_8));

    assertThat(form.text("name")).contains("Окна");
  }

  @Test
  void bracketed_keys_build_nested_groups_in_body_order() {
    FormNode.Group form =
        FormBody.parse(Fixtures.raw("a%5Bb%5D%5B0%5D%5Bc%5D=1&a[b][1][c]=2&a[d]=3"));

    FormNode.Group a = form.group("a").orElseThrow();
    assertThat(a.children().keySet()).containsExactly("b", "d");
    FormNode.Group list = a.group("b").orElseThrow();
    assertThat(list.children().keySet()).containsExactly("0", "1");
    assertThat(list.group("1").orElseThrow().text("c")).contains("2");
  }

  @Test
  void empty_brackets_append_after_the_largest_index_as_in_php() {
    FormNode.Group form =
        FormBody.parse(Fixtures.raw("a[]=x&a[]=y&a[5]=z&a[]=w&b[][k]=1&b[][k]=2"));

    assertThat(form.group("a").orElseThrow().children())
        .containsExactly(
            entry("0", new FormNode.Text("x")),
            entry("1", new FormNode.Text("y")),
            entry("5", new FormNode.Text("z")),
            entry("6", new FormNode.Text("w")));
    assertThat(form.group("b").orElseThrow().children().keySet()).containsExactly("0", "1");
  }

  @Test
  void empty_parameters_are_skipped_and_a_bare_name_has_the_empty_value() {
    FormNode.Group form = FormBody.parse(Fixtures.raw("&&a=1&&flag&c=x=y&"));

    assertThat(form.text("a")).contains("1");
    assertThat(form.text("flag")).contains("");
    assertThat(form.text("c")).contains("x=y");
  }

  @Test
  void a_repeated_key_keeps_its_last_value() {
    assertThat(FormBody.parse(Fixtures.raw("a[b]=1&a[b]=2")).group("a").orElseThrow().text("b"))
        .contains("2");
  }

  @Test
  void nesting_up_to_the_limit_is_read_and_one_level_more_is_refused() {
    String deepest = "a" + "[x]".repeat(FormBody.MAX_DEPTH);

    assertThat(FormBody.parse(Fixtures.raw(deepest + "=1")).children()).containsKey("a");
    assertThatThrownBy(() -> FormBody.parse(Fixtures.raw(deepest + "[x]=1")))
        .isInstanceOf(MalformedWebhookException.class)
        .hasMessageContaining("nests deeper than " + FormBody.MAX_DEPTH + " levels");
  }

  @Test
  void the_parameter_limit_is_inclusive() {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < FormBody.MAX_PARAMETERS; i++) {
      body.append("p[").append(i).append("]=1&");
    }

    assertThat(FormBody.parse(Fixtures.raw(body.toString())).group("p").orElseThrow().children())
        .hasSize(FormBody.MAX_PARAMETERS);
    assertThatThrownBy(() -> FormBody.parse(Fixtures.raw(body + "one=more")))
        .isInstanceOf(MalformedWebhookException.class)
        .hasMessage("The body has more than 10000 parameters");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "%|Bad percent-escape in the name of parameter 1: '%' must be followed by two hex digits,"
            + " found '%'",
        "a=%G1|Bad percent-escape in the value of 'a': '%' must be followed by two hex digits,"
            + " found '%G1'",
        "a=1&b=%4|Bad percent-escape in the value of 'b': '%' must be followed by two hex digits,"
            + " found '%4'",
        "a=%C3%28|Invalid UTF-8 in the value of 'a': byte 0xC3 at decoded offset 0",
        "a=ok%FF|Invalid UTF-8 in the value of 'a': byte 0xFF at decoded offset 2",
        "a=%ED%A0%80|Invalid UTF-8 in the value of 'a'",
        "a=%C0%AF|Invalid UTF-8 in the value of 'a'",
        "a=%E2%82|Invalid UTF-8 in the value of 'a'",
        "k%FF=1|Invalid UTF-8 in the name of parameter 1",
        "a[b=1|Parameter 1 has a malformed key 'a[b': '[' at position 1 is never closed",
        "a]=1|Parameter 1 has a malformed key 'a]': ']' has no matching '['",
        "a[b]c=1|Parameter 1 has a malformed key 'a[b]c': text follows a closing ']'",
        "a[[b]]=1|Parameter 1 has a malformed key 'a[[b]]': '[' at position 1 is opened twice",
        "x=1&[a]=1|Parameter 2 has a malformed key '[a]': nothing comes before '['",
        "=1|Parameter 1 has a malformed key '': the name is empty",
        "a=1&a[b]=2|Key 'a[b]' uses 'a' as a group, but an earlier parameter gave it a plain value",
        "a[b][c]=1&a[b][c][d]=2|Key 'a[b][c][d]' uses 'a[b][c]' as a group",
        "a[b]=2&a=1|Key 'a' gives a plain value to what earlier parameters made a group",
      })
  void a_broken_body_is_refused_with_a_message_saying_what_and_where(String body, String message) {
    assertThatThrownBy(() -> FormBody.parse(Fixtures.raw(body)))
        .isExactlyInstanceOf(MalformedWebhookException.class)
        .hasMessageContaining(message);
  }

  @Test
  void invalid_utf8_sent_raw_is_refused_too() {
    byte[] body = {'a', '=', 'o', 'k', (byte) 0xC3, '('};

    assertThatThrownBy(() -> FormBody.parse(body))
        .isExactlyInstanceOf(MalformedWebhookException.class)
        .hasMessage(
            "Invalid UTF-8 in the value of 'a': byte 0xC3 at decoded offset 2 does not start a"
                + " valid sequence");
  }

  @Test
  void quotes_of_the_body_in_messages_are_short_and_printable() {
    String longKey = "k".repeat(500) + "\u0001[";

    assertThatThrownBy(() -> FormBody.parse(Fixtures.raw(longKey + "=1")))
        .hasMessageContaining("'" + "k".repeat(60) + "…'")
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200).doesNotContain("\u0001"));
  }
}
