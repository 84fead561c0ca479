package app.reglament.widgetapi;

import static app.reglament.db.generated.Tables.LEADS;
import static app.reglament.db.generated.Tables.LEAD_STATUS_HISTORY;
import static app.reglament.db.generated.Tables.NAMING_MANUAL;
import static app.reglament.widgetapi.WidgetServer.A;
import static app.reglament.widgetapi.WidgetServer.B;
import static app.reglament.widgetapi.WidgetServer.NOW;
import static app.reglament.widgetapi.WidgetServer.adminToken;
import static app.reglament.widgetapi.WidgetServer.delete;
import static app.reglament.widgetapi.WidgetServer.json;
import static app.reglament.widgetapi.WidgetServer.post;
import static app.reglament.widgetapi.WidgetServer.problem;
import static app.reglament.widgetapi.WidgetServer.put;
import static app.reglament.widgetapi.WidgetServer.token;
import static org.assertj.core.api.Assertions.assertThat;

import app.reglament.testing.DatabaseTest;
import app.reglament.testing.OutboxRows;
import app.reglament.testing.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.Response;
import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;

/**
 * The heads' automation endpoints: marking a deal's name manual, and the verdict on a lost deal.
 * Heads and administrators only; another account's deal is no deal.
 */
class AutomationEndpointsTest {
  private static final long ANNA = 501;
  private static final long HEAD = 600;
  private static final long ADMIN = 700;
  private static final long BORIS_OF_B = 901;
  private static final long OPEN_DEAL = 1001;
  private static final long LOST_DEAL = 1002;
  private static final long LOST_UNKNOWN_ORIGIN = 1003;
  private static final long DEAL_OF_B = 2001;
  private static final Instant LOST_AT = NOW.minusSeconds(3_600);

  private static WidgetServer server(TestDatabase db) {
    WidgetServer server = new WidgetServer(db);
    server.rules.set(A, WidgetServer.withPeople(List.of(HEAD), null));
    server
        .data(A)
        .user(ANNA, "Анна")
        .user(HEAD, "Ольга")
        .user(ADMIN, "Админ", true, true)
        .lead(OPEN_DEAL, "Окна / Иван", ANNA)
        .lead(LOST_DEAL, "Двери / Пётр", ANNA)
        .lead(LOST_UNKNOWN_ORIGIN, "Потолки", ANNA);
    lose(db.dsl(), LOST_DEAL, true);
    lose(db.dsl(), LOST_UNKNOWN_ORIGIN, false);
    server.data(B).user(BORIS_OF_B, "Борис").lead(DEAL_OF_B, "Сделка Б", BORIS_OF_B);
    lose(db.dsl(), B, DEAL_OF_B, true);
    return server;
  }

  private static void lose(DSLContext dsl, long leadId, boolean withHistory) {
    lose(dsl, A, leadId, withHistory);
  }

  /** The deal lost an hour ago from stage 1001 (recorded in its history when asked). */
  private static void lose(DSLContext dsl, long accountId, long leadId, boolean withHistory) {
    dsl.update(LEADS)
        .set(LEADS.STATUS_ID, 143L)
        .set(LEADS.CLOSED_AT, LOST_AT)
        .where(LEADS.ACCOUNT_ID.eq(accountId), LEADS.LEAD_ID.eq(leadId))
        .execute();
    if (withHistory) {
      dsl.insertInto(LEAD_STATUS_HISTORY)
          .set(LEAD_STATUS_HISTORY.ACCOUNT_ID, accountId)
          .set(LEAD_STATUS_HISTORY.LEAD_ID, leadId)
          .set(LEAD_STATUS_HISTORY.PIPELINE_ID, 7L)
          .set(LEAD_STATUS_HISTORY.STATUS_ID, 143L)
          .set(LEAD_STATUS_HISTORY.OLD_PIPELINE_ID, 7L)
          .set(LEAD_STATUS_HISTORY.OLD_STATUS_ID, 1001L)
          .set(LEAD_STATUS_HISTORY.CHANGED_BY, ANNA)
          .set(LEAD_STATUS_HISTORY.CHANGED_AT, LOST_AT)
          .set(LEAD_STATUS_HISTORY.SOURCE_KEY, "event:lost:" + leadId)
          .execute();
    }
  }

  private static String manualName(long leadId) {
    return "/api/widget/card/" + leadId + "/manual-name";
  }

  private static String review(long leadId) {
    return "/api/widget/review/" + leadId;
  }

  @DatabaseTest
  void a_head_marks_a_name_manual_and_takes_it_back(TestDatabase db) {
    WidgetServer server = server(db);
    server.run(
        (app, client) -> {
          Response marked = put(client, manualName(OPEN_DEAL), token(A, HEAD), "");
          assertThat(marked.code()).isEqualTo(200);
          JsonNode body = json(marked);
          assertThat(body.path("manualName").asBoolean()).isTrue();
          assertThat(body.path("markedBy").asLong()).isEqualTo(HEAD);
          assertThat(marks(db)).isEqualTo(1);

          // Marking again keeps the first mark; an administrator may too.
          assertThat(put(client, manualName(OPEN_DEAL), adminToken(A, ADMIN), "").code())
              .isEqualTo(200);
          assertThat(marks(db)).isEqualTo(1);

          Response unmarked = delete(client, manualName(OPEN_DEAL), token(A, HEAD));
          assertThat(unmarked.code()).isEqualTo(200);
          assertThat(json(unmarked).path("manualName").asBoolean()).isFalse();
          assertThat(marks(db)).isZero();
        });
  }

  @DatabaseTest
  void managers_get_403_no_token_401_and_another_accounts_deal_404(TestDatabase db) {
    WidgetServer server = server(db);
    server.run(
        (app, client) -> {
          String manager = token(A, ANNA);
          Response put = put(client, manualName(OPEN_DEAL), manager, "");
          assertThat(put.code()).isEqualTo(403);
          assertThat(problem(put)).isEqualTo("forbidden");
          assertThat(delete(client, manualName(OPEN_DEAL), manager).code()).isEqualTo(403);
          Response verdict = post(client, review(LOST_DEAL), manager, "{\"verdict\":\"return\"}");
          assertThat(verdict.code()).isEqualTo(403);

          assertThat(put(client, manualName(OPEN_DEAL), null, "").code()).isEqualTo(401);
          assertThat(post(client, review(LOST_DEAL), null, "{\"verdict\":\"confirm\"}").code())
              .isEqualTo(401);

          Response foreign = put(client, manualName(DEAL_OF_B), token(A, HEAD), "");
          assertThat(foreign.code()).isEqualTo(404);
          assertThat(problem(foreign)).isEqualTo("not-found");
          Response foreignReview =
              post(client, review(DEAL_OF_B), token(A, HEAD), "{\"verdict\":\"return\"}");
          assertThat(foreignReview.code()).isEqualTo(404);
          // B's head with B's token would reach it, but A's head never does.
          assertThat(marks(db)).isZero();
          assertThat(OutboxRows.keys(db.dsl(), A)).isEmpty();
          assertThat(OutboxRows.keys(db.dsl(), B)).isEmpty();
        });
  }

  @DatabaseTest
  void a_confirmed_loss_is_recorded_once(TestDatabase db) {
    WidgetServer server = server(db);
    server.run(
        (app, client) -> {
          Response first =
              post(
                  client,
                  review(LOST_DEAL),
                  token(A, HEAD),
                  "{\"verdict\":\"confirm\",\"comment\":\"Клиент купил у конкурента\"}");
          assertThat(first.code()).isEqualTo(201);
          JsonNode body = json(first);
          assertThat(body.path("verdict").asText()).isEqualTo("confirm");
          assertThat(body.path("decidedBy").asLong()).isEqualTo(HEAD);
          assertThat(body.path("comment").asText()).isEqualTo("Клиент купил у конкурента");

          Response second =
              post(client, review(LOST_DEAL), adminToken(A, ADMIN), "{\"verdict\":\"return\"}");
          assertThat(second.code()).isEqualTo(409);
          assertThat(problem(second)).isEqualTo("conflict");
          assertThat(OutboxRows.keys(db.dsl(), A)).isEmpty();
        });
  }

  @DatabaseTest
  void a_returned_deal_goes_back_to_its_stage_and_its_manager_gets_a_task(TestDatabase db) {
    WidgetServer server = server(db);
    server.run(
        (app, client) -> {
          Response returned =
              post(
                  client,
                  review(LOST_DEAL),
                  token(A, HEAD),
                  "{\"verdict\":\"return\",\"comment\":\"Перезвонить, клиент колеблется\"}");
          assertThat(returned.code()).isEqualTo(201);

          List<OutboxRows.Row> rows = OutboxRows.rows(db.dsl(), A);
          long lost = LOST_AT.toEpochMilli();
          assertThat(rows)
              .extracting(OutboxRows.Row::key)
              .containsExactly(
                  "review-return:" + LOST_DEAL + ":" + lost + ":lead",
                  "review-return:" + LOST_DEAL + ":" + lost + ":task");
          assertThat(rows.get(0).payload()).contains("\"status_id\":1001", "\"pipeline_id\":7");
          assertThat(rows.get(1).payload())
              .contains(
                  "\"responsible_user_id\":" + ANNA,
                  "Сделка возвращена в работу руководителем Ольга: Перезвонить, клиент колеблется");

          assertThat(
                  post(client, review(LOST_DEAL), token(A, HEAD), "{\"verdict\":\"return\"}")
                      .code())
              .isEqualTo(409);
          assertThat(OutboxRows.rows(db.dsl(), A)).hasSize(2);
        });
  }

  @DatabaseTest
  void bad_verdicts_are_refused_with_a_problem(TestDatabase db) {
    WidgetServer server = server(db);
    String head = token(A, HEAD);
    server.run(
        (app, client) -> {
          Response maybe = post(client, review(LOST_DEAL), head, "{\"verdict\":\"maybe\"}");
          assertThat(maybe.code()).isEqualTo(422);
          assertThat(problem(maybe)).isEqualTo("invalid-request");
          assertThat(post(client, review(LOST_DEAL), head, "{}").code()).isEqualTo(422);
          assertThat(
                  post(client, review(LOST_DEAL), head, "{\"verdict\":\"confirm\",\"why\":1}")
                      .code())
              .isEqualTo(422);
          assertThat(
                  post(
                          client,
                          review(LOST_DEAL),
                          head,
                          "{\"verdict\":\"confirm\",\"comment\":\"" + "я".repeat(2001) + "\"}")
                      .code())
              .isEqualTo(422);
          Response broken = post(client, review(LOST_DEAL), head, "{\"verdict\":");
          assertThat(broken.code()).isEqualTo(400);
          assertThat(problem(broken)).isEqualTo("malformed-json");
          assertThat(post(client, review(LOST_DEAL), head, "[]").code()).isEqualTo(400);

          Response open = post(client, review(OPEN_DEAL), head, "{\"verdict\":\"confirm\"}");
          assertThat(open.code()).isEqualTo(409);
          Response unknownOrigin =
              post(client, review(LOST_UNKNOWN_ORIGIN), head, "{\"verdict\":\"return\"}");
          assertThat(unknownOrigin.code()).isEqualTo(409);
          assertThat(problem(unknownOrigin)).isEqualTo("conflict");
          // Confirming such a loss needs no stage to return to.
          assertThat(
                  post(client, review(LOST_UNKNOWN_ORIGIN), head, "{\"verdict\":\"confirm\"}")
                      .code())
              .isEqualTo(201);
          assertThat(post(client, "/api/widget/review/abc", head, "{}").code()).isEqualTo(400);
          assertThat(OutboxRows.keys(db.dsl(), A)).isEmpty();
        });
  }

  private static int marks(TestDatabase db) {
    return db.dsl().fetchCount(NAMING_MANUAL);
  }
}
