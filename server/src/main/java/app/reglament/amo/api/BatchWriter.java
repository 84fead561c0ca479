package app.reglament.amo.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Creates or updates many entities with as few requests as amoCRM allows: the list is sent as JSON
 * arrays of at most {@link AmoClientSettings#batchSize()} entities, one batch after another, and
 * the ids come back in the order of the list.
 */
final class BatchWriter {
  private final AmoTransport transport;
  private final ObjectMapper mapper;

  BatchWriter(AmoTransport transport) {
    this.transport = transport;
    this.mapper = transport.mapper();
  }

  /**
   * @param method {@code POST} to create, {@code PATCH} to update
   * @param key the list in the answer's {@code _embedded}, e.g. {@code tasks}
   */
  List<Long> write(
      long accountId,
      String method,
      String path,
      String key,
      List<?> entities,
      BatchProgress progress) {
    int size = transport.settings().batchSize();
    List<Long> ids = new ArrayList<>(entities.size());
    for (int from = 0; from < entities.size(); from += size) {
      ArrayNode batch = mapper.createArrayNode();
      for (Object entity : entities.subList(from, Math.min(from + size, entities.size()))) {
        batch.add(mapper.valueToTree(entity));
      }
      AmoRequest request = new AmoRequest(method, path, List.of(), batch);
      JsonNode answer;
      try {
        answer = transport.send(accountId, request);
      } catch (AmoValidationException e) {
        throw located(e, from, batch);
      }
      List<Long> written = ids(accountId, request, answer, key, batch.size());
      ids.addAll(written);
      progress.written(from, written);
    }
    return ids;
  }

  /**
   * The ids of one answer in the order sent. amoCRM echoes each entity's position in the batch as
   * {@code request_id}; that order is used when every entry has one, the array order otherwise.
   */
  private static List<Long> ids(
      long accountId, AmoRequest request, JsonNode answer, String key, int sent) {
    JsonNode written = answer.path("_embedded").path(key);
    List<JsonNode> entries = new ArrayList<>();
    written.forEach(entries::add);
    boolean positioned = !entries.isEmpty() && entries.stream().allMatch(BatchWriter::hasPosition);
    if (positioned) {
      entries.sort(Comparator.comparingInt(e -> e.get("request_id").asInt()));
    }
    if (entries.size() != sent
        || !entries.stream().allMatch(e -> e.path("id").canConvertToLong())) {
      throw new AmoException(
          accountId,
          "amoCRM answered "
              + request.describe()
              + " for account "
              + accountId
              + " with "
              + entries.size()
              + " ids for "
              + sent
              + " "
              + key);
    }
    return entries.stream().map(e -> e.get("id").asLong()).toList();
  }

  private static boolean hasPosition(JsonNode entry) {
    JsonNode id = entry.get("request_id");
    return id != null && id.asText().matches("\\d{1,9}");
  }

  /** Names the caller's entity behind each error: its position in the whole list and its id. */
  private static AmoValidationException located(
      AmoValidationException e, int offset, ArrayNode batch) {
    List<ValidationError> located = new ArrayList<>();
    for (ValidationError error : e.errors()) {
      Integer position = positionInBatch(error.requestId(), batch.size());
      JsonNode entity = position == null ? null : batch.get(position);
      Long entityId =
          entity != null && entity.path("id").canConvertToLong() ? entity.get("id").asLong() : null;
      located.add(
          new ValidationError(
              error.requestId(),
              position == null ? null : offset + position,
              entityId,
              error.path(),
              error.code(),
              error.detail()));
    }
    return new AmoValidationException(
        e.accountId(), e.request(), e.entityKind(), e.title(), e.type(), e.detail(), located);
  }

  private static Integer positionInBatch(String requestId, int batchSize) {
    if (requestId == null) {
      return batchSize == 1 ? 0 : null; // a lone entity is the one meant
    }
    try {
      int position = Integer.parseInt(requestId.strip());
      return position >= 0 && position < batchSize ? position : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
