package app.reglament;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A client that, like curl or a browser, keeps reading the answer while it is still sending a large
 * body: the server may answer early and close, and the answer is what the test checks.
 */
final class RawHttp {
  private static final int CHUNK = 64 * 1024;

  record RawResponse(int status, String headers, String body) {}

  private RawHttp() {}

  static RawResponse exchange(int port, String head, int bodyBytes) {
    return send(
        port,
        out -> {
          out.write(head.getBytes(StandardCharsets.US_ASCII));
          byte[] chunk = new byte[CHUNK];
          Arrays.fill(chunk, (byte) ' ');
          for (int sent = 0; sent < bodyBytes; sent += CHUNK) {
            out.write(chunk, 0, Math.min(CHUNK, bodyBytes - sent));
          }
        });
  }

  static RawResponse exchangeChunked(int port, String head, int bodyBytes) {
    return send(
        port,
        out -> {
          out.write(head.getBytes(StandardCharsets.US_ASCII));
          byte[] chunk = new byte[CHUNK];
          Arrays.fill(chunk, (byte) ' ');
          byte[] size = (Integer.toHexString(CHUNK) + "\r\n").getBytes(StandardCharsets.US_ASCII);
          for (int sent = 0; sent < bodyBytes; sent += CHUNK) {
            out.write(size);
            out.write(chunk);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
          }
          out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        });
  }

  private interface Writer {
    void write(OutputStream out) throws IOException;
  }

  private static RawResponse send(int port, Writer writer) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      Thread sender =
          new Thread(
              () -> {
                try {
                  writer.write(out);
                  out.flush();
                } catch (IOException closedEarly) {
                  // the server answered and closed before the body was sent: expected
                }
              },
              "raw-http-sender");
      sender.start();
      RawResponse response = read(socket.getInputStream());
      sender.join(10_000);
      return response;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static RawResponse read(InputStream in) throws IOException {
    var buffer = new ByteArrayOutputStream();
    byte[] bytes = new byte[8192];
    int separator;
    while ((separator = buffer.toString(StandardCharsets.ISO_8859_1).indexOf("\r\n\r\n")) < 0) {
      int n = in.read(bytes);
      if (n < 0) {
        throw new IOException("the connection closed before a complete answer: " + buffer);
      }
      buffer.write(bytes, 0, n);
    }
    String all = buffer.toString(StandardCharsets.UTF_8);
    String headers = all.substring(0, separator);
    int length = contentLength(headers);
    byte[] body = Arrays.copyOfRange(buffer.toByteArray(), separator + 4, buffer.size());
    var bodyBuffer = new ByteArrayOutputStream();
    bodyBuffer.write(body);
    while (bodyBuffer.size() < length) {
      int n = in.read(bytes);
      if (n < 0) {
        break;
      }
      bodyBuffer.write(bytes, 0, n);
    }
    int status = Integer.parseInt(headers.substring(9, 12));
    return new RawResponse(status, headers, bodyBuffer.toString(StandardCharsets.UTF_8));
  }

  private static int contentLength(String headers) {
    for (String line : headers.split("\r\n")) {
      if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
        return Integer.parseInt(line.substring(15).strip());
      }
    }
    return 0;
  }
}
