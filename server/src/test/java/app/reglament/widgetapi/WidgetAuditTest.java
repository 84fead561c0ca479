package app.reglament.widgetapi;

import static app.reglament.widgetapi.WidgetServer.A;
import static app.reglament.widgetapi.WidgetServer.B;
import static app.reglament.widgetapi.WidgetServer.NOW;
import static app.reglament.widgetapi.WidgetServer.adminToken;
import static app.reglament.widgetapi.WidgetServer.get;
import static app.reglament.widgetapi.WidgetServer.json;
import static app.reglament.widgetapi.WidgetServer.problem;
import static app.reglament.widgetapi.WidgetServer.token;
import static org.assertj.core.api.Assertions.assertThat;

import app.reglament.amo.api.model.LeadUpdate;
import app.reglament.amo.api.model.NewNote;
import app.reglament.outbox.Action;
import app.reglament.outbox.JooqOutbox;
import app.reglament.outbox.Outbox;
import app.reglament.testing.DatabaseTest;
import app.reglament.testing.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.Response;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit log of what Reglament did in amoCRM: heads and administrators read their own account's,
 * newest first, a deal's alone or page by page; managers and other accounts read nothing.
 */
class WidgetAuditTest {
  private static final long ANNA = 501;
  private static final long HEAD = 600;
  private static final long BORIS_OF_B = 901;

  private static WidgetServer server(TestDatabase db) {
    WidgetServer server = new WidgetServer(db);
    server.rules.set(A, WidgetServer.withPeople(List.of(HEAD), null));
    Outbox outbox = new JooqOutbox(server.clock);
    for (int i = 1; i <= 5; i++) {
      outbox.enqueue(
          db.dsl(),
          A,
          "rename:" + (1000 + i),
          new Action.UpdateLead(LeadUpdate.of(1000 + i).withName("Окна / Клиент " + i)),
          new Outbox.Audit(1000L + i, "naming", "the name did not follow the template"));
    }
    outbox.enqueue(
        db.dsl(),
        A,
        "note:1003",
        new Action.AddNote(NewNote.common(1003, "Сделка возвращена")),
        new Outbox.Audit(null, "required_fields", "moved without the city"));
    outbox.enqueue(
        db.dsl(),
        B,
        "rename:2001",
        new Action.UpdateLead(LeadUpdate.of(2001).withName("Секретная сделка Б")),
        new Outbox.Audit(2001L, "naming", "секрет Б"));
    return server;
  }

  @DatabaseTest
  void a_head_reads_the_accounts_actions_newest_first(TestDatabase db) {
    server(db)
        .run(
            (app, client) -> {
              Response response = get(client, "/api/widget/audit", token(A, HEAD));
              assertThat(response.code()).isEqualTo(200);
              JsonNode actions = json(response).path("actions");
              assertThat(actions).hasSize(6);
              JsonNode newest = actions.get(0);
              assertThat(newest.path("kind").asText()).isEqualTo("add_note");
              assertThat(newest.path("leadId").asLong()).isEqualTo(1003);
              assertThat(newest.path("automation").asText()).isEqualTo("required_fields");
              assertThat(newest.path("reason").asText()).isEqualTo("moved without the city");
              assertThat(newest.path("state").asText()).isEqualTo("queued");
              assertThat(newest.path("attempts").asInt()).isZero();
              assertThat(newest.path("createdAt").asText()).isEqualTo(NOW.toString());
              assertThat(newest.path("doneAt").isNull()).isTrue();
              assertThat(json(response).path("next").isNull()).isTrue();
              assertThat(response.body().string())
                  .doesNotContain("Секретная")
                  .doesNotContain("2001");
            });
  }

  @DatabaseTest
  void one_deals_actions_and_pages_by_before(TestDatabase db) {
    server(db)
        .run(
            (app, client) -> {
              JsonNode deal =
                  json(get(client, "/api/widget/audit?leadId=1003", adminToken(A, ANNA)));
              assertThat(deal.path("actions")).hasSize(2);
              assertThat(deal.path("actions").get(1).path("kind").asText())
                  .isEqualTo("update_lead");

              List<Long> ids = new ArrayList<>();
              String path = "/api/widget/audit?limit=4";
              JsonNode page = json(get(client, path, token(A, HEAD)));
              page.path("actions").forEach(a -> ids.add(a.path("id").asLong()));
              assertThat(page.path("next").isNumber()).isTrue();
              page =
                  json(get(client, path + "&before=" + page.path("next").asLong(), token(A, HEAD)));
              page.path("actions").forEach(a -> ids.add(a.path("id").asLong()));
              assertThat(ids).hasSize(6).doesNotHaveDuplicates();
              assertThat(ids).isSortedAccordingTo(java.util.Comparator.reverseOrder());
              assertThat(page.path("next").isNull()).isTrue();
            });
  }

  @DatabaseTest
  void a_manager_gets_403_and_another_accounts_head_sees_only_their_own(TestDatabase db) {
    server(db)
        .run(
            (app, client) -> {
              Response manager = get(client, "/api/widget/audit", token(A, ANNA));
              assertThat(manager.code()).isEqualTo(403);
              assertThat(problem(manager)).isEqualTo("forbidden");

              Response other =
                  get(client, "/api/widget/audit?leadId=1001", adminToken(B, BORIS_OF_B));
              assertThat(other.code()).isEqualTo(200);
              assertThat(json(other).path("actions")).isEmpty();

              Response bad = get(client, "/api/widget/audit?before=abc", token(A, HEAD));
              assertThat(bad.code()).isEqualTo(400);
              assertThat(get(client, "/api/widget/audit", null).code()).isEqualTo(401);
            });
  }
}
