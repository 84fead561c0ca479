package app.reglament.amo.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Webhook bodies for tests. Fixture files under {@code webhooks/} hold one parameter per line in
 * amoCRM's wire encoding ({@code leads%5Bstatus%5D%5B0%5D%5Bid%5D=…}); lines starting with {@code
 * #} describe the fixture. The body is the parameters joined by {@code &}, byte for byte what
 * amoCRM posts.
 */
final class Fixtures {
  private Fixtures() {}

  static byte[] body(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/webhooks/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("No fixture webhooks/" + name);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.lines()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .collect(Collectors.joining("&"))
          .getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A body from decoded key/value pairs: {@code form("account[id]", "1", "leads[…]", "…")}. */
  static byte[] form(String... keysAndValues) {
    List<String> parameters = new ArrayList<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      parameters.add(encode(keysAndValues[i]) + "=" + encode(keysAndValues[i + 1]));
    }
    return String.join("&", parameters).getBytes(StandardCharsets.UTF_8);
  }

  /** A raw body, exactly these characters (ASCII only). */
  static byte[] raw(String body) {
    return body.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
