package app.reglament.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * amoCRM's answer to a batch write, whatever its size: each entity's id (the one it was sent with,
 * or a new one for a create) with its position as {@code request_id}, under the list named by the
 * path's last segment ({@code leads}, {@code tasks}, {@code notes}, {@code custom_fields}).
 */
public final class EchoIds implements ResponseDefinitionTransformerV2 {
  public static final String NAME = "echo-ids";
  public static final long FIRST_NEW_ID = 70_000_001L;
  private static final ObjectMapper JSON = new ObjectMapper();
  private final AtomicLong nextId = new AtomicLong(FIRST_NEW_ID);

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    String url = serveEvent.getRequest().getUrl();
    String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
    String key = path.substring(path.lastIndexOf('/') + 1);
    JsonNode body;
    try {
      body = JSON.readTree(serveEvent.getRequest().getBodyAsString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ObjectNode answer = JSON.createObjectNode();
    ArrayNode list = answer.putObject("_embedded").putArray(key);
    for (int i = 0; i < body.size(); i++) {
      JsonNode id = body.get(i).get("id");
      list.addObject()
          .put("id", id != null ? id.asLong() : nextId.getAndIncrement())
          .put("request_id", Integer.toString(i));
    }
    return ResponseDefinitionBuilder.like(serveEvent.getResponseDefinition())
        .but()
        .withStatus(200)
        .withHeader("Content-Type", "application/hal+json")
        .withBody(answer.toString())
        .build();
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public String getName() {
    return NAME;
  }
}
