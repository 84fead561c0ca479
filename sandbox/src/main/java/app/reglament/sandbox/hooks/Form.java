package app.reglament.sandbox.hooks;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * An {@code application/x-www-form-urlencoded} body with PHP-style keys ({@code
 * leads[update][0][id]}), written in the order the fields are put, brackets percent-encoded as
 * amoCRM's own bodies have them.
 */
final class Form {
  private final List<String[]> pairs = new ArrayList<>();

  /** Adds {@code key=value}; a null value is left out, as PHP's http_build_query does. */
  Form put(String key, Object value) {
    if (value != null) {
      pairs.add(new String[] {key, String.valueOf(value)});
    }
    return this;
  }

  /** A writer for keys under {@code prefix}: {@code at("leads[add][0]").put("id", 1)}. */
  Scope at(String prefix) {
    return new Scope(this, prefix);
  }

  int size() {
    return pairs.size();
  }

  String encode() {
    StringJoiner body = new StringJoiner("&");
    for (String[] pair : pairs) {
      body.add(encode(pair[0]) + "=" + encode(pair[1]));
    }
    return body.toString();
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  /** Keys relative to a prefix. */
  record Scope(Form form, String prefix) {
    Scope put(String key, Object value) {
      form.put(prefix + "[" + key + "]", value);
      return this;
    }

    Scope at(String key) {
      return new Scope(form, prefix + "[" + key + "]");
    }
  }
}
