package app.reglament.amo.api.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** {@code GET /api/v4/account?with=users_groups,task_types}. */
public record AmoAccount(
    long id,
    String name,
    String subdomain,
    Long currentUserId,
    String currency,
    boolean isLossReasonEnabled,
    @JsonProperty("_embedded") Embedded embedded) {

  public AmoAccount {
    embedded = embedded == null ? new Embedded(null, null) : embedded;
  }

  public record Embedded(List<UserGroup> usersGroups, List<TaskType> taskTypes) {
    public Embedded {
      usersGroups = Nulls.list(usersGroups);
      taskTypes = Nulls.list(taskTypes);
    }
  }

  public record UserGroup(long id, String name, String uuid) {}

  /** 1 = follow-up ("call"), 2 = meeting, higher ids are the account's own types. */
  public record TaskType(long id, String name, String color, Long iconId, String code) {}

  public List<UserGroup> usersGroups() {
    return embedded.usersGroups();
  }

  public List<TaskType> taskTypes() {
    return embedded.taskTypes();
  }
}
