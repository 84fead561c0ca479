package app.reglament.sandbox.api;

import static org.assertj.core.api.Assertions.assertThat;

import app.reglament.sandbox.testing.Http;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhooksApiTest extends ApiTestBase {
  private static final String DESTINATION = "http://localhost:8080/hooks/amo/abc";

  @Test
  void subscribingTwiceKeepsOneWebhookWithTheNewSettings() {
    Http.Answer first = subscribe("[\"add_lead\"]", 0);
    Http.Answer second = subscribe("[\"add_lead\",\"update_lead\",\"status_lead\"]", 5);

    assertThat(first.status()).isEqualTo(200);
    assertThat(second.json().get("id").asLong()).isEqualTo(first.json().get("id").asLong());
    JsonNode list = get("/api/v4/webhooks").json();
    assertThat(list.at("/_embedded/webhooks")).hasSize(1);
    JsonNode webhook = list.at("/_embedded/webhooks/0");
    assertThat(webhook.get("destination").asText()).isEqualTo(DESTINATION);
    assertThat(webhook.get("sort").asInt()).isEqualTo(5);
    assertThat(webhook.get("settings"))
        .extracting(JsonNode::asText)
        .containsExactly("add_lead", "update_lead", "status_lead");
  }

  @Test
  void listsByDestinationAndUnsubscribes() {
    subscribe("[\"add_lead\"]", 0);
    String filter =
        "/api/v4/webhooks?filter[destination]="
            + URLEncoder.encode(DESTINATION, StandardCharsets.UTF_8);

    assertThat(get(filter).json().at("/_embedded/webhooks")).hasSize(1);
    assertThat(get("/api/v4/webhooks?filter[destination]=http://other").status()).isEqualTo(204);

    Http.Answer removed =
        http.delete("/api/v4/webhooks", token, "{\"destination\":\"" + DESTINATION + "\"}");
    assertThat(removed.status()).isEqualTo(204);
    assertThat(get(filter).status()).isEqualTo(204);
  }

  @Test
  void unknownEventCodesAreRefused() {
    Http.Answer answer = subscribe("[\"add_lead\",\"add_everything\"]", 0);
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().at("/validation-errors/0/errors/0/path").asText())
        .isEqualTo("settings.1");
  }

  private Http.Answer subscribe(String settings, int sort) {
    return http.post(
        "/api/v4/webhooks",
        token,
        "{\"destination\":\""
            + DESTINATION
            + "\",\"settings\":"
            + settings
            + ",\"sort\":"
            + sort
            + "}");
  }
}
