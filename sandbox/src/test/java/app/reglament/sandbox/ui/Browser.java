package app.reglament.sandbox.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a person's browser does with the sandbox's pages, reduced to plain HTTP: GETs pages, posts
 * forms url-encoded in UTF-8 as a {@code <meta charset="utf-8">} page does, keeps cookies, and does
 * not follow redirects so a test can see the POST-redirect-GET.
 */
final class Browser {
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .cookieHandler(new CookieManager())
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String base;

  Browser(String base) {
    this.base = base;
  }

  /** An answer: status, where a redirect points, and the HTML. */
  record Page(int status, String location, String contentType, String html) {}

  Page get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  /** Submits a form: {@code fields} are name, value, name, value… (a name may repeat). */
  Page post(String path, String... fields) {
    List<String> pairs = new ArrayList<>();
    for (int i = 0; i < fields.length; i += 2) {
      pairs.add(encode(fields[i]) + "=" + encode(fields[i + 1]));
    }
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(String.join("&", pairs))));
  }

  private Page send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          client.send(
              request.timeout(Duration.ofSeconds(10)).build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Page(
          response.statusCode(),
          response.headers().firstValue("Location").orElse(null),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
