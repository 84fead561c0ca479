package app.reglament.sandbox.ui;

import app.reglament.sandbox.store.Contact;
import app.reglament.sandbox.store.InvalidChangeException;
import app.reglament.sandbox.store.Lead;
import app.reglament.sandbox.store.NewLead;
import app.reglament.sandbox.store.Pipeline;
import app.reglament.sandbox.store.Status;
import app.reglament.sandbox.store.Store;
import app.reglament.sandbox.store.User;
import app.reglament.sandbox.ui.BoardView.Column;
import app.reglament.sandbox.ui.BoardView.Item;
import app.reglament.sandbox.ui.BoardView.NewLeadForm;
import app.reglament.sandbox.ui.BoardView.PipelineTab;
import app.reglament.sandbox.ui.BoardView.TaskMark;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The pipeline board, {@code /leads/pipeline/{pipelineId}} as in amoCRM: a column per stage in the
 * pipeline's order, each with its deals, and the "new deal" form that posts to {@code /leads/new}.
 */
final class BoardPage {
  private final Store store;
  private final Pages pages;

  BoardPage(Store store, Pages pages) {
    this.store = store;
    this.pages = pages;
  }

  /** {@code /leads}: the main pipeline's board. */
  void main(Context ctx) {
    Actor.of(ctx, store); // remembers ?as= before the redirect drops it
    ctx.redirect(Links.board(mainPipeline().id()), HttpStatus.FOUND);
  }

  void show(Context ctx) {
    Pipeline pipeline = pipeline(ctx.pathParam("pipelineId"));
    User actor = Actor.of(ctx, store);
    render(ctx, 200, pipeline, actor, null, Draft.EMPTY);
  }

  /** {@code POST /leads/new}: creates the deal and opens its card, as amoCRM does after "Save". */
  void create(Context ctx) {
    User actor = Actor.of(ctx, store);
    FormInput form = new FormInput(ctx);
    Pipeline pipeline = mainPipeline();
    try {
      pipeline = chosenPipeline(form);
      Lead created = store.createLead(newLead(form, pipeline, actor), actor.id());
      ctx.redirect(Links.card(created.id()), HttpStatus.SEE_OTHER);
    } catch (UiProblem problem) {
      render(ctx, problem.status(), pipeline, actor, problem.getMessage(), Draft.of(form));
    } catch (InvalidChangeException refused) {
      render(ctx, 400, pipeline, actor, UiProblem.refused(refused).getMessage(), Draft.of(form));
    }
  }

  private Pipeline chosenPipeline(FormInput form) {
    String asked = form.text(LeadInputs.PIPELINE);
    if (asked.isEmpty()) {
      return mainPipeline();
    }
    return form.optionalId(LeadInputs.PIPELINE, "Воронка")
        .flatMap(store::pipeline)
        .orElseThrow(() -> UiProblem.badRequest("В аккаунте нет воронки «" + asked + "»"));
  }

  /** The deal the form describes; an empty name and price take amoCRM's defaults. */
  private NewLead newLead(FormInput form, Pipeline pipeline, User actor) {
    long statusId = form.id(LeadInputs.STATUS, "Этап");
    if (pipeline.status(statusId).isEmpty()) {
      throw UiProblem.badRequest(
          "В воронке «" + pipeline.name() + "» нет этапа «" + form.text(LeadInputs.STATUS) + "»");
    }
    long price = form.amount(LeadInputs.PRICE, "Бюджет").orElse(0L);
    long responsible = form.optionalId(LeadInputs.RESPONSIBLE, "Ответственный").orElse(actor.id());
    if (store.user(responsible).isEmpty()) {
      throw UiProblem.badRequest("В аккаунте нет пользователя «" + responsible + "»");
    }
    return NewLead.named(form.text(LeadInputs.NAME))
        .inStage(pipeline.id(), statusId)
        .withPrice(price)
        .withResponsible(responsible);
  }

  private void render(
      Context ctx, int status, Pipeline pipeline, User actor, String error, Draft draft) {
    Map<Long, User> users =
        store.users().stream().collect(Collectors.toMap(User::id, Function.identity()));
    List<Column> columns =
        stages(pipeline).stream().map(stage -> column(pipeline, stage, users)).toList();
    List<PipelineTab> tabs =
        store.pipelines().stream()
            .map(
                p ->
                    new PipelineTab(p.id(), p.name(), Links.board(p.id()), p.id() == pipeline.id()))
            .toList();
    Layout layout =
        pages.layout(
            actor,
            pipeline.name() + " — Сделки",
            "leads-pipeline",
            Links.board(pipeline.id()),
            error);
    pages.send(
        ctx,
        status,
        "board",
        new BoardView(
            layout,
            pipeline.id(),
            pipeline.name(),
            tabs,
            columns,
            newLeadForm(pipeline, actor, error != null, draft)));
  }

  private Column column(Pipeline pipeline, Status stage, Map<Long, User> users) {
    List<Lead> leads =
        store.leadsInStage(pipeline.id(), stage.id()).stream()
            // Newest on top, as amoCRM puts a fresh lead at the head of its column.
            .sorted(Comparator.comparing(Lead::createdAt).thenComparing(Lead::id).reversed())
            .toList();
    long sum = leads.stream().mapToLong(Lead::price).sum();
    Instant now = store.now();
    return new Column(
        stage.id(),
        pipeline.id(),
        stage.name(),
        Formats.color(stage.color()),
        stage.type(),
        stage.sort(),
        stage.closed(),
        leads.size(),
        Formats.deals(leads.size()),
        Formats.money(sum, store.account().currency()),
        leads.stream().map(lead -> item(lead, users, now)).toList());
  }

  private Item item(Lead lead, Map<Long, User> users, Instant now) {
    User responsible = users.get(lead.responsibleUserId());
    List<Contact> contacts = store.contactsOf(lead.id());
    TaskMark task =
        store
            .closestTaskAt(lead.id())
            .map(
                at ->
                    new TaskMark(
                        at.getEpochSecond(),
                        Formats.iso(at),
                        Formats.dateTime(at),
                        at.isBefore(now)))
            .orElse(null);
    return new Item(
        lead.id(),
        lead.name(),
        Links.card(lead.id()),
        lead.price(),
        Formats.money(lead.price(), store.account().currency()),
        lead.responsibleUserId(),
        responsible == null ? "—" : responsible.name(),
        contacts.isEmpty() ? null : contacts.get(0).name(),
        task,
        task == null && !lead.closed());
  }

  private NewLeadForm newLeadForm(Pipeline pipeline, User actor, boolean open, Draft draft) {
    String stage =
        draft.status().isEmpty() ? Long.toString(pipeline.firstStage().id()) : draft.status();
    String responsible =
        draft.responsible().isEmpty() ? Long.toString(actor.id()) : draft.responsible();
    List<Option> stages =
        stages(pipeline).stream()
            .filter(s -> s.editable() || Long.toString(s.id()).equals(stage))
            .map(s -> Option.of(s.id(), s.name(), Long.toString(s.id()).equals(stage)))
            .toList();
    List<Option> users =
        store.users().stream()
            .filter(User::active)
            .map(u -> Option.of(u.id(), u.name(), Long.toString(u.id()).equals(responsible)))
            .toList();
    return new NewLeadForm(
        open, Links.NEW_LEAD, pipeline.id(), draft.name(), draft.price(), stages, users);
  }

  /** The pipeline's stages in its display order. */
  static List<Status> stages(Pipeline pipeline) {
    return pipeline.statuses().stream()
        .sorted(Comparator.comparingInt(Status::sort).thenComparingLong(Status::id))
        .toList();
  }

  private Pipeline pipeline(String id) {
    try {
      return store
          .pipeline(Long.parseLong(id))
          .orElseThrow(() -> UiProblem.notFound("Воронки " + id + " нет в аккаунте"));
    } catch (NumberFormatException e) {
      throw UiProblem.notFound("Воронки «" + id + "» нет в аккаунте");
    }
  }

  private Pipeline mainPipeline() {
    List<Pipeline> all = store.pipelines();
    return all.stream().filter(Pipeline::main).findFirst().orElse(all.get(0));
  }

  /** What the person typed into the "new deal" form, to give it back when it is refused. */
  private record Draft(String name, String price, String status, String responsible) {
    static final Draft EMPTY = new Draft("", "", "", "");

    static Draft of(FormInput form) {
      return new Draft(
          form.text(LeadInputs.NAME),
          form.text(LeadInputs.PRICE),
          form.text(LeadInputs.STATUS),
          form.text(LeadInputs.RESPONSIBLE));
    }
  }
}
