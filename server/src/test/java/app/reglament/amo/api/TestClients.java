package app.reglament.amo.api;

import java.net.http.HttpClient;
import java.util.Random;

/** An {@link AmoClient} on fake time against a WireMock base URL. */
final class TestClients {
  private TestClients() {}

  static AmoClient client(FakeAccess access, AmoClientSettings settings, FakeTime time) {
    return new AmoClient(
        access,
        settings,
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
        time.clock(),
        time,
        time,
        new Random(7));
  }
}
