package app.reglament.rules.facts;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the indicators need to know about the account itself: its users, its pipelines' stages in
 * order, its deal fields, and its pipelines' names (for the naming template's {@code {pipeline}}).
 */
public record AccountFacts(
    long accountId,
    Map<Long, UserFacts> users,
    Map<Long, List<StatusFacts>> pipelines,
    Map<Long, FieldDefinition> fields,
    Map<Long, String> pipelineNames) {

  public AccountFacts {
    users = Map.copyOf(users);
    pipelines = Map.copyOf(pipelines);
    fields = Map.copyOf(fields);
    pipelineNames = Map.copyOf(pipelineNames);
  }

  /** An account whose pipelines' names are unknown. */
  public AccountFacts(
      long accountId,
      Map<Long, UserFacts> users,
      Map<Long, List<StatusFacts>> pipelines,
      Map<Long, FieldDefinition> fields) {
    this(accountId, users, pipelines, fields, Map.of());
  }

  public record UserFacts(long userId, String name, boolean admin, boolean active) {}

  /**
   * A stage. {@code type} is amoCRM's: 1 for the incoming "unsorted" stage, 0 for the regular ones;
   * 142 and 143 are won and lost.
   */
  public record StatusFacts(long pipelineId, long statusId, String name, int sort, int type) {
    public boolean unsorted() {
      return type == 1;
    }

    public boolean closed() {
      return statusId == DealFacts.WON || statusId == DealFacts.LOST;
    }
  }

  public record FieldDefinition(long fieldId, String name, String type) {}

  public Optional<StatusFacts> status(long pipelineId, long statusId) {
    return pipelines.getOrDefault(pipelineId, List.of()).stream()
        .filter(s -> s.statusId() == statusId)
        .findFirst();
  }

  /** The pipeline's regular stages (neither unsorted nor closed), in board order. */
  public List<StatusFacts> regularStages(long pipelineId) {
    return pipelines.getOrDefault(pipelineId, List.of()).stream()
        .filter(s -> !s.unsorted() && !s.closed())
        .sorted(java.util.Comparator.comparingInt(StatusFacts::sort))
        .toList();
  }

  public Optional<String> pipelineName(long pipelineId) {
    return Optional.ofNullable(pipelineNames.get(pipelineId));
  }

  public Optional<String> userName(Long userId) {
    return userId == null
        ? Optional.empty()
        : Optional.ofNullable(users.get(userId)).map(UserFacts::name);
  }
}
