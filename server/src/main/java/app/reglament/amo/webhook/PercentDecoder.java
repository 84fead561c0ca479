package app.reglament.amo.webhook;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes one name or value of an {@code application/x-www-form-urlencoded} body: {@code +} is a
 * space, {@code %XX} a byte, and the bytes must be UTF-8. Invalid UTF-8 is refused rather than
 * replaced with U+FFFD, because a silently altered id or deal name is worse than a clear 400. Not
 * thread-safe: one instance serves one body.
 */
final class PercentDecoder {
  private final CharsetDecoder utf8 =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private byte[] bytes = new byte[256];

  /** Decodes the name of parameter {@code parameter} (counted from 1), {@code body[from, to)}. */
  String decodeName(byte[] body, int from, int to, int parameter) {
    return decode(body, from, to, parameter, null);
  }

  /** Decodes the value of the parameter whose decoded name is {@code name}. */
  String decodeValue(byte[] body, int from, int to, int parameter, String name) {
    return decode(body, from, to, parameter, name);
  }

  private String decode(byte[] body, int from, int to, int parameter, String name) {
    if (bytes.length < to - from) {
      bytes = new byte[to - from];
    }
    int length = 0;
    boolean ascii = true;
    for (int i = from; i < to; i++) {
      byte b = body[i];
      if (b == '+') {
        b = ' ';
      } else if (b == '%') {
        int high = i + 2 < to ? hexDigit(body[i + 1]) : -1;
        int low = high >= 0 ? hexDigit(body[i + 2]) : -1;
        if (low < 0) {
          throw new MalformedWebhookException(
              "Bad percent-escape in "
                  + what(parameter, name)
                  + ": '%' must be followed by two hex digits, found "
                  + Quote.of(ascii(body, i, Math.min(i + 3, to))));
        }
        b = (byte) (high << 4 | low);
        i += 2;
      }
      ascii &= b >= 0;
      bytes[length++] = b;
    }
    // Nearly every webhook byte is ASCII: skip the strict decoder for those.
    return ascii
        ? new String(bytes, 0, length, StandardCharsets.ISO_8859_1)
        : utf8(length, parameter, name);
  }

  private String utf8(int length, int parameter, String name) {
    ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
    CharBuffer out = CharBuffer.allocate(length);
    utf8.reset();
    CoderResult result = utf8.decode(in, out, true);
    if (!result.isError()) {
      result = utf8.flush(out);
    }
    if (result.isError()) {
      throw new MalformedWebhookException(
          "Invalid UTF-8 in "
              + what(parameter, name)
              + ": byte 0x"
              + String.format("%02X", bytes[in.position()] & 0xFF)
              + " at decoded offset "
              + in.position()
              + " does not start a valid sequence");
    }
    return out.flip().toString();
  }

  /** Built only on failure: describing every parameter up front would cost more than decoding. */
  private static String what(int parameter, String name) {
    return name == null ? "the name of parameter " + parameter : "the value of " + Quote.of(name);
  }

  private static int hexDigit(byte b) {
    if (b >= '0' && b <= '9') {
      return b - '0';
    }
    if (b >= 'a' && b <= 'f') {
      return b - 'a' + 10;
    }
    if (b >= 'A' && b <= 'F') {
      return b - 'A' + 10;
    }
    return -1;
  }

  private static String ascii(byte[] body, int from, int to) {
    StringBuilder text = new StringBuilder(to - from);
    for (int i = from; i < to; i++) {
      text.append(body[i] >= 0x20 && body[i] < 0x7F ? (char) body[i] : '?');
    }
    return text.toString();
  }
}
