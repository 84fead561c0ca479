package app.reglament.sandbox.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import app.reglament.sandbox.SandboxApp;
import app.reglament.sandbox.store.Lead;
import app.reglament.sandbox.store.NewLead;
import app.reglament.sandbox.testing.Http;
import app.reglament.sandbox.testing.MutableClock;
import app.reglament.sandbox.testing.Receiver;
import app.reglament.sandbox.testing.Sandboxes;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The integration's own changes come back to it as webhooks, as they do from amoCRM. */
class EchoWebhookTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final MutableClock clock = new MutableClock(Sandboxes.T0);
  private SandboxApp sandbox;
  private Receiver receiver;
  private Http http;
  private String token;

  @BeforeEach
  void start() {
    sandbox = Sandboxes.start(Sandboxes.settings(), clock, null);
    receiver = new Receiver();
    http = new Http(sandbox.baseUrl());
    token = Sandboxes.install(http).access();
    Http.Answer subscribed =
        http.post(
            "/api/v4/webhooks",
            token,
            "{\"destination\":\""
                + receiver.url()
                + "\",\"settings\":[\"add_lead\",\"update_lead\",\"status_lead\","
                + "\"responsible_lead\",\"add_task\",\"update_task\",\"note_lead\"],\"sort\":0}");
    assertThat(subscribed.status()).isEqualTo(200);
  }

  @AfterEach
  void stop() {
    sandbox.close();
    receiver.close();
  }

  @Test
  void theIntegrationsOwnPatchOfALeadIsPostedBackToIt() throws InterruptedException {
    Lead lead = sandbox.store().createLead(NewLead.named("Сделка #1"), 0);
    receiver.next(WAIT); // the add_lead of the deal made above
    clock.advance(Duration.ofSeconds(5));

    Http.Answer patched =
        http.patch(
            "/api/v4/leads",
            token,
            "[{\"id\":" + lead.id() + ",\"name\":\"Окна / ПВХ / Казань\"}]");
    assertThat(patched.status()).isEqualTo(200);

    Map<String, String> body = receiver.next(WAIT);
    assertThat(body)
        .containsEntry("account[id]", Long.toString(sandbox.store().account().id()))
        .containsEntry("account[subdomain]", "sandbox")
        .containsEntry("account[_links][self]", sandbox.baseUrl())
        .containsEntry("leads[update][0][id]", Long.toString(lead.id()))
        .containsEntry("leads[update][0][name]", "Окна / ПВХ / Казань")
        .containsEntry(
            "leads[update][0][modified_user_id]",
            Long.toString(sandbox.store().account().currentUserId()))
        .containsEntry(
            "leads[update][0][updated_at]", Long.toString(Sandboxes.T0.getEpochSecond() + 5));
    assertThat(body.keySet()).noneMatch(k -> k.startsWith("leads[status]"));
  }

  @Test
  void aStageMoveIsReportedAsStatusAndUpdateInOneBody() throws InterruptedException {
    Lead lead = sandbox.store().createLead(NewLead.named("Двери"), 0);
    receiver.next(WAIT);

    http.patch(
        "/api/v4/leads",
        token,
        "[{\"id\":" + lead.id() + ",\"status_id\":143,\"pipeline_id\":" + lead.pipelineId() + "}]");

    Map<String, String> body = receiver.next(WAIT);
    assertThat(body)
        .containsEntry("leads[status][0][id]", Long.toString(lead.id()))
        .containsEntry("leads[status][0][status_id]", "143")
        .containsEntry("leads[status][0][old_status_id]", Long.toString(lead.statusId()))
        .containsEntry("leads[status][0][old_pipeline_id]", Long.toString(lead.pipelineId()))
        .containsEntry("leads[update][0][status_id]", "143");
  }

  @Test
  void aChangeMadeInTheStoreFiresWebhooksToo() throws InterruptedException {
    Lead lead = sandbox.store().createLead(NewLead.named("Из интерфейса"), 0);
    assertThat(receiver.next(WAIT)).containsEntry("leads[add][0][id]", Long.toString(lead.id()));

    var task =
        sandbox
            .store()
            .createTask(
                app.reglament.sandbox.store.NewTask.onLead(
                    lead.id(), "Связаться с клиентом", Sandboxes.T0.plusSeconds(900)),
                0);
    assertThat(receiver.next(WAIT)).containsEntry("tasks[add][0][id]", Long.toString(task.id()));

    sandbox.store().completeTask(task.id(), "+", 0);
    assertThat(receiver.next(WAIT))
        .containsEntry("tasks[update][0][id]", Long.toString(task.id()))
        .containsEntry("tasks[update][0][status]", "1")
        .containsEntry("tasks[update][0][result][text]", "+")
        .containsEntry("tasks[update][0][element_id]", Long.toString(lead.id()))
        .containsEntry("tasks[update][0][element_type]", "2");
  }

  @Test
  void aBatchIsOneBodyWithOneEntryPerDeal() throws InterruptedException {
    Lead a = sandbox.store().createLead(NewLead.named("A"), 0);
    Lead b = sandbox.store().createLead(NewLead.named("B"), 0);
    receiver.next(WAIT);
    receiver.next(WAIT);

    http.patch(
        "/api/v4/leads",
        token,
        "[{\"id\":" + a.id() + ",\"price\":10},{\"id\":" + b.id() + ",\"price\":20}]");

    Map<String, String> body = receiver.next(WAIT);
    assertThat(body)
        .containsEntry("leads[update][0][id]", Long.toString(a.id()))
        .containsEntry("leads[update][0][price]", "10")
        .containsEntry("leads[update][1][id]", Long.toString(b.id()))
        .containsEntry("leads[update][1][price]", "20");
    assertThat(sandbox.awaitWebhooks(WAIT)).isTrue();
    assertThat(sandbox.stats().webhooks().sent()).isEqualTo(3);
  }
}
