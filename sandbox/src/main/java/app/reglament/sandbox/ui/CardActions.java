package app.reglament.sandbox.ui;

import app.reglament.sandbox.store.CustomField;
import app.reglament.sandbox.store.FieldValue;
import app.reglament.sandbox.store.InvalidChangeException;
import app.reglament.sandbox.store.Lead;
import app.reglament.sandbox.store.LeadPatch;
import app.reglament.sandbox.store.NewNote;
import app.reglament.sandbox.store.NewTask;
import app.reglament.sandbox.store.Pipeline;
import app.reglament.sandbox.store.Status;
import app.reglament.sandbox.store.Store;
import app.reglament.sandbox.store.Task;
import app.reglament.sandbox.store.User;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The card's forms. Each one checks what was typed, makes its change through the {@link Store} as
 * the acting user (so amoCRM's events and webhooks follow, as for an API change), and redirects
 * back to the card (POST-redirect-GET). A refused form shows the card again with the reason on top,
 * answered 400. A form that would change nothing writes nothing, as amoCRM's card saves only edits.
 */
final class CardActions {
  static final String FIELD_ID = "field_id";
  static final String LOSS_REASON = "loss_reason_id";
  static final String TASK_TEXT = "text";
  static final String TASK_DUE = "complete_till";
  static final String TASK_TYPE = "task_type_id";
  static final String TASK_RESPONSIBLE = "responsible_user_id";
  static final String RESULT = "result";
  static final String NOTE_TEXT = "text";

  private final Store store;
  private final CardPage card;

  CardActions(Store store, CardPage card) {
    this.store = store;
    this.card = card;
  }

  /** One form's change to a deal, made as user {@code by}. */
  @FunctionalInterface
  interface Edit {
    void apply(Lead lead, FormInput form, long by, Context ctx);
  }

  Handler handler(Edit edit) {
    return ctx -> {
      Lead lead = card.lead(ctx);
      User actor = Actor.of(ctx, store);
      try {
        edit.apply(lead, new FormInput(ctx), actor.id(), ctx);
      } catch (UiProblem problem) {
        if (problem.status() != 400) {
          throw problem;
        }
        card.render(ctx, 400, lead.id(), actor, problem.getMessage());
        return;
      } catch (InvalidChangeException refused) {
        card.render(ctx, 400, lead.id(), actor, UiProblem.refused(refused).getMessage());
        return;
      }
      ctx.redirect(Links.card(lead.id()), HttpStatus.SEE_OTHER);
    };
  }

  void rename(Lead lead, FormInput form, long by, Context ctx) {
    String name = form.required(LeadInputs.NAME, "Название сделки");
    if (!name.equals(lead.name())) {
      store.renameLead(lead.id(), name, by);
    }
  }

  /**
   * Moves the deal to the chosen stage. Like amoCRM's card, it refuses a stage whose required
   * fields the deal leaves empty; moves made through the API are not held back this way.
   */
  void move(Lead lead, FormInput form, long by, Context ctx) {
    long statusId = form.id(LeadInputs.STATUS, "Этап");
    Pipeline pipeline =
        targetPipeline(lead, form.optionalId(LeadInputs.PIPELINE, "Воронка"), statusId);
    Status stage = pipeline.status(statusId).orElseThrow();
    Optional<Long> reason = form.optionalId(LOSS_REASON, "Причина отказа");
    boolean sameStage = pipeline.id() == lead.pipelineId() && statusId == lead.statusId();
    boolean newReason =
        stage.id() == Status.LOST
            && reason.isPresent()
            && !reason.equals(Optional.ofNullable(lead.lossReasonId()));
    if (sameStage && !newReason) {
      return;
    }
    List<CustomField> missing = store.missingRequiredFields(lead.id(), pipeline.id(), statusId);
    if (!missing.isEmpty()) {
      throw UiProblem.badRequest(
          "Чтобы перевести сделку в этап «"
              + stage.name()
              + "», заполните поля: "
              + missing.stream().map(CustomField::name).collect(Collectors.joining(", ")));
    }
    LeadPatch patch = LeadPatch.of(lead.id()).withStage(pipeline.id(), statusId);
    if (newReason) {
      patch = patch.withLossReason(reason.get());
    }
    store.updateLead(patch, by);
  }

  /**
   * The pipeline of the chosen stage: the one named, else the deal's own (won and lost are in every
   * pipeline), else the one pipeline that has the stage.
   */
  private Pipeline targetPipeline(Lead lead, Optional<Long> named, long statusId) {
    List<Pipeline> candidates =
        named.isPresent()
            ? store.pipeline(named.get()).stream().toList()
            : store.pipelines().stream()
                .sorted(Comparator.comparing((Pipeline p) -> p.id() != lead.pipelineId()))
                .toList();
    return candidates.stream()
        .filter(p -> p.status(statusId).isPresent())
        .findFirst()
        .orElseThrow(() -> UiProblem.badRequest("Нет такого этапа: «" + statusId + "»"));
  }

  void price(Lead lead, FormInput form, long by, Context ctx) {
    long price = form.amount(LeadInputs.PRICE, "Бюджет").orElse(0L);
    if (price != lead.price()) {
      store.updateLead(LeadPatch.of(lead.id()).withPrice(price), by);
    }
  }

  void responsible(Lead lead, FormInput form, long by, Context ctx) {
    long userId = form.id(LeadInputs.RESPONSIBLE, "Ответственный");
    if (store.user(userId).isEmpty()) {
      throw UiProblem.badRequest("В аккаунте нет пользователя «" + userId + "»");
    }
    if (userId != lead.responsibleUserId()) {
      store.assignLead(lead.id(), userId, by);
    }
  }

  void field(Lead lead, FormInput form, long by, Context ctx) {
    long fieldId = form.id(FIELD_ID, "Поле");
    CustomField field =
        store
            .leadField(fieldId)
            .orElseThrow(() -> UiProblem.badRequest("У сделок нет поля «" + fieldId + "»"));
    List<FieldValue.Value> values = FieldRows.parse(field, form.all(FieldRows.inputName(fieldId)));
    if (!FieldRows.unchanged(lead, field, values)) {
      store.updateLead(
          LeadPatch.of(lead.id()).withFields(List.of(new FieldValue(fieldId, values))), by);
    }
  }

  void addTask(Lead lead, FormInput form, long by, Context ctx) {
    String text = form.required(TASK_TEXT, "Текст задачи");
    Instant due = form.dateTime(TASK_DUE, "Срок");
    NewTask task = NewTask.onLead(lead.id(), text, due);
    Optional<Long> type = form.optionalId(TASK_TYPE, "Тип задачи");
    if (type.isPresent()) {
      if (store.taskTypes().stream().noneMatch(t -> t.id() == type.get())) {
        throw UiProblem.badRequest("Нет такого типа задачи: «" + type.get() + "»");
      }
      task = task.withType(type.get());
    }
    Optional<Long> responsible = form.optionalId(TASK_RESPONSIBLE, "Для кого");
    if (responsible.isPresent()) {
      if (store.user(responsible.get()).isEmpty()) {
        throw UiProblem.badRequest("В аккаунте нет пользователя «" + responsible.get() + "»");
      }
      task = task.withResponsible(responsible.get());
    }
    store.createTask(task, by);
  }

  void completeTask(Lead lead, FormInput form, long by, Context ctx) {
    String taskId = ctx.pathParam("taskId");
    Task task =
        parse(taskId)
            .flatMap(store::task)
            .filter(t -> t.onLead(lead.id()))
            .orElseThrow(
                () -> UiProblem.notFound("У сделки " + lead.id() + " нет задачи " + taskId));
    if (task.completed()) {
      throw UiProblem.badRequest("Задача «" + task.text() + "» уже выполнена");
    }
    String result = form.text(RESULT);
    if (result.isEmpty()) {
      throw UiProblem.badRequest("Напишите результат: что сделано по задаче «" + task.text() + "»");
    }
    store.completeTask(task.id(), result, by);
  }

  void addNote(Lead lead, FormInput form, long by, Context ctx) {
    store.addNote(NewNote.common(lead.id(), form.required(NOTE_TEXT, "Примечание")), by);
  }

  private static Optional<Long> parse(String id) {
    try {
      return Optional.of(Long.parseLong(id));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
