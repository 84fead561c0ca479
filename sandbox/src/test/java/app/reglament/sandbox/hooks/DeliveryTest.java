package app.reglament.sandbox.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import app.reglament.sandbox.SandboxApp;
import app.reglament.sandbox.store.NewLead;
import app.reglament.sandbox.store.WebhookCodes;
import app.reglament.sandbox.testing.MutableClock;
import app.reglament.sandbox.testing.Receiver;
import app.reglament.sandbox.testing.Sandboxes;
import io.javalin.Javalin;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeliveryTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private SandboxApp sandbox;
  private Receiver receiver;

  @BeforeEach
  void start() {
    sandbox = Sandboxes.start(Sandboxes.settings(), new MutableClock(Sandboxes.T0), null);
    receiver = new Receiver();
  }

  @AfterEach
  void stop() {
    sandbox.close();
    receiver.close();
  }

  @Test
  void aRefusedWebhookIsRetriedUntilItIsTaken() throws InterruptedException {
    sandbox.store().subscribe(receiver.url(), List.of(WebhookCodes.ADD_LEAD), 0, 0);
    receiver.refuseNext(2);

    long id = sandbox.store().createLead(NewLead.named("Повтор"), 0).id();

    assertThat(receiver.next(WAIT)).containsEntry("leads[add][0][id]", Long.toString(id));
    assertThat(sandbox.awaitWebhooks(WAIT)).isTrue();
    assertThat(receiver.posts()).isEqualTo(3);
    WebhookStats stats = sandbox.stats().webhooks();
    assertThat(stats.sent()).isEqualTo(1);
    assertThat(stats.retried()).isEqualTo(2);
    assertThat(stats.failed()).isZero();
  }

  @Test
  void onlyTheSubscribedEventsAreSent() throws InterruptedException {
    sandbox.store().subscribe(receiver.url(), List.of(WebhookCodes.STATUS_LEAD), 0, 0);
    var lead = sandbox.store().createLead(NewLead.named("Тихо"), 0);
    sandbox.store().renameLead(lead.id(), "Всё ещё тихо", 0);

    sandbox.store().moveLead(lead.id(), lead.pipelineId(), 142, 0);

    var body = receiver.next(WAIT);
    assertThat(sandbox.awaitWebhooks(WAIT)).isTrue();
    assertThat(body).containsEntry("leads[status][0][status_id]", "142");
    assertThat(body.keySet()).noneMatch(k -> k.startsWith("leads[update]"));
    assertThat(receiver.waiting()).isZero();
    assertThat(receiver.posts()).isEqualTo(1);
  }

  @Test
  void writesDoNotWaitForAReceiverThatHangs() throws InterruptedException {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch firstArrived = new CountDownLatch(1);
    Javalin hanging =
        Javalin.create(
                config ->
                    config.routes.post(
                        "/slow",
                        ctx -> {
                          firstArrived.countDown();
                          release.await();
                        }))
            .start("127.0.0.1", 0);
    try {
      sandbox
          .store()
          .subscribe("http://127.0.0.1:" + hanging.port() + "/slow", List.of("add_lead"), 0, 0);
      sandbox.store().createLead(NewLead.named("первая"), 0);
      assertThat(firstArrived.await(10, TimeUnit.SECONDS)).isTrue();

      for (int i = 0; i < 20; i++) {
        sandbox.store().createLead(NewLead.named("№" + i), 0);
      }

      assertThat(sandbox.store().counts().leads()).isEqualTo(21);
      assertThat(sandbox.stats().webhooks().pending()).isEqualTo(21);
    } finally {
      release.countDown();
      hanging.stop();
    }
  }

  @Test
  void aWebhookNobodyTakesFailsAfterTheLastAttempt() throws InterruptedException {
    sandbox.store().subscribe("http://127.0.0.1:9/nobody", List.of("add_lead"), 0, 0);

    sandbox.store().createLead(NewLead.named("В пустоту"), 0);

    assertThat(sandbox.awaitWebhooks(WAIT)).isTrue();
    WebhookStats stats = sandbox.stats().webhooks();
    assertThat(stats.failed()).isEqualTo(1);
    assertThat(stats.retried()).isEqualTo(Sandboxes.QUICK_RETRIES.maxAttempts() - 1);
    assertThat(stats.sent()).isZero();
  }
}
