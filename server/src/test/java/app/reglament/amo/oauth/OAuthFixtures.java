package app.reglament.amo.oauth;

import app.reglament.account.AccountRepository;
import app.reglament.testing.TestDatabase;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;

/** A TokenService wired to a test database and to amoCRM at a test double. */
final class OAuthFixtures {
  private OAuthFixtures() {}

  static TokenService tokenService(TestDatabase db, String amoBaseUrl, Clock clock, byte[] key) {
    var hosts = new AmoHosts(Optional.of(URI.create(amoBaseUrl)));
    var oauth =
        new OAuthClient(
            hosts,
            "client-id",
            "client-secret",
            URI.create("http://reglament/oauth/callback"),
            clock);
    return new TokenService(
        db.dsl(),
        new TokenStore(new TokenCipher(key)),
        oauth,
        hosts,
        new AccountRepository(db.dsl()),
        clock);
  }
}
