package app.reglament.sandbox.api;

import static org.assertj.core.api.Assertions.assertThat;

import app.reglament.sandbox.SandboxApp;
import app.reglament.sandbox.testing.Http;
import app.reglament.sandbox.testing.MutableClock;
import app.reglament.sandbox.testing.Sandboxes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RateLimitTest {
  private final MutableClock clock = new MutableClock(Sandboxes.T0);
  private SandboxApp sandbox;
  private Http http;
  private String token;

  @BeforeEach
  void start() {
    sandbox = Sandboxes.start(Sandboxes.settings().withRequestsPerSecond(7), clock, null);
    http = new Http(sandbox.baseUrl());
    token = Sandboxes.install(http).access();
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  @Test
  void answers429PastSevenRequestsInOneSecond() {
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      statuses.add(http.get("/api/v4/account", token).status());
    }

    assertThat(statuses.subList(0, 7)).containsOnly(200);
    Http.Answer eighth = http.get("/api/v4/account", token);
    assertThat(statuses.get(7)).isEqualTo(429);
    assertThat(eighth.status()).isEqualTo(429);
    assertThat(eighth.contentType()).doesNotContain("json");
    assertThat(sandbox.stats().rateLimited()).isEqualTo(2);
  }

  @Test
  void sevenRequestsEverySecondAreNeverRefused() {
    for (int second = 0; second < 5; second++) {
      for (int i = 0; i < 7; i++) {
        assertThat(http.get("/api/v4/account", token).status()).isEqualTo(200);
        clock.advance(Duration.ofMillis(100));
      }
      clock.advance(Duration.ofMillis(300));
    }
    assertThat(sandbox.stats().rateLimited()).isZero();
    assertThat(sandbox.stats().requests()).isEqualTo(35);
  }

  @Test
  void theWindowSlidesSoABurstAcrossASecondBoundaryIsCaught() {
    clock.advance(Duration.ofMillis(900));
    for (int i = 0; i < 7; i++) {
      assertThat(http.get("/api/v4/account", token).status()).isEqualTo(200);
    }
    clock.advance(Duration.ofMillis(200)); // a new calendar second, but 7 requests 0.2 s ago

    assertThat(http.get("/api/v4/account", token).status()).isEqualTo(429);
    clock.advance(Duration.ofMillis(800));
    assertThat(http.get("/api/v4/account", token).status()).isEqualTo(200);
  }

  @Test
  void theLimitIsPerAccountNotPerToken() {
    String other = Sandboxes.install(http).access();
    for (int i = 0; i < 7; i++) {
      http.get("/api/v4/account", i % 2 == 0 ? token : other);
    }
    assertThat(http.get("/api/v4/account", other).status()).isEqualTo(429);
  }
}
