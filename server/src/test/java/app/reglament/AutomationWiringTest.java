package app.reglament;

import static org.assertj.core.api.Assertions.assertThat;

import app.reglament.amo.api.model.LeadUpdate;
import app.reglament.outbox.Action;
import app.reglament.outbox.Outbox;
import app.reglament.testing.MutableClock;
import app.reglament.testing.TestApps;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.JavalinTest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the automations find on the server: an outbox whose rows the executor sends and /health
 * counts, timers whose kinds get their handlers through the scheduler.
 */
class AutomationWiringTest {
  private static final long ACCOUNT = 31_000_001L;
  private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dataDir;

  @Test
  void the_server_offers_the_outbox_the_executor_and_durable_timers() {
    MutableClock clock = new MutableClock(NOW);
    List<String> fired = new CopyOnWriteArrayList<>();
    try (App app = TestApps.withAmo(dataDir, "http://127.0.0.1:9", clock)) {
      app.timerScheduler().register("first_contact_sla", (account, key, due) -> fired.add(key));
      var dsl = app.database().dsl();
      dsl.transaction(
          tx -> {
            assertThat(
                    app.outbox()
                        .enqueue(
                            tx.dsl(),
                            ACCOUNT,
                            "rename:1001:Окна / Иван",
                            new Action.UpdateLead(LeadUpdate.of(1001).withName("Окна / Иван")),
                            new Outbox.Audit(1001L, "naming", "a new deal")))
                .isTrue();
            app.timers()
                .schedule(tx.dsl(), ACCOUNT, "first_contact_sla", "lead:1001", NOW.plusSeconds(60));
          });

      assertThat(app.actionExecutor()).isPresent();
      assertThat(app.timerScheduler().runOnce(NOW.plusSeconds(60))).isEqualTo(1);
      assertThat(fired).containsExactly("lead:1001");
      JavalinTest.test(
          app.http(),
          (server, client) -> {
            JsonNode amocrm = JSON.readTree(client.get("/health").body().string()).path("amocrm");
            assertThat(amocrm.path("actions").path("queued").asInt()).isEqualTo(1);
            assertThat(amocrm.path("timers").path("scheduled").asInt()).isZero();
          });
    }
  }
}
