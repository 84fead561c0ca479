package app.reglament.sandbox.ui;

import app.reglament.sandbox.store.CustomField;
import app.reglament.sandbox.store.Pipeline;
import app.reglament.sandbox.store.Status;
import app.reglament.sandbox.store.Store;
import app.reglament.sandbox.store.User;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The account's names for ids, read once per page instead of once per line. */
record Names(Map<Long, User> users, List<Pipeline> pipelines, Map<Long, CustomField> fields) {

  static Names of(Store store) {
    return new Names(
        store.users().stream().collect(Collectors.toMap(User::id, Function.identity())),
        store.pipelines(),
        store.leadFields().stream()
            .collect(Collectors.toMap(CustomField::id, Function.identity())));
  }

  /** A user's name; 0 is amoCRM itself (robots, the Digital Pipeline). */
  String user(long id) {
    if (id == 0) {
      return "amoCRM";
    }
    User user = users.get(id);
    return user == null ? "Пользователь " + id : user.name();
  }

  String stage(long pipelineId, long statusId) {
    return pipelines.stream()
        .filter(p -> p.id() == pipelineId)
        .findFirst()
        .flatMap(p -> p.status(statusId))
        .map(Status::name)
        .orElse("этап " + statusId);
  }

  String pipeline(long pipelineId) {
    return pipelines.stream()
        .filter(p -> p.id() == pipelineId)
        .findFirst()
        .map(Pipeline::name)
        .orElse("воронка " + pipelineId);
  }

  String field(long fieldId) {
    CustomField field = fields.get(fieldId);
    return field == null ? "поле " + fieldId : field.name();
  }
}
