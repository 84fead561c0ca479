package app.reglament.widgetapi;

import static app.reglament.widgetapi.WidgetServer.A;
import static app.reglament.widgetapi.WidgetServer.B;
import static app.reglament.widgetapi.WidgetServer.NOW;
import static app.reglament.widgetapi.WidgetServer.adminToken;
import static app.reglament.widgetapi.WidgetServer.get;
import static app.reglament.widgetapi.WidgetServer.header;
import static app.reglament.widgetapi.WidgetServer.json;
import static app.reglament.widgetapi.WidgetServer.problem;
import static app.reglament.widgetapi.WidgetServer.put;
import static app.reglament.widgetapi.WidgetServer.token;
import static org.assertj.core.api.Assertions.assertThat;

import app.reglament.engine.IndicatorSet;
import app.reglament.rules.DealIndicator;
import app.reglament.rules.Findings;
import app.reglament.rules.Indicator;
import app.reglament.rules.RuleContext;
import app.reglament.rules.facts.DealFacts;
import app.reglament.testing.DatabaseTest;
import app.reglament.testing.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** GET and PUT /api/widget/settings: the regulations, read by all, saved by administrators. */
class WidgetSettingsTest {
  private static final long ANNA = 501;
  private static final long ADMIN = 700;
  private static final String SLA_30 = "{\"firstContact\":{\"slaMinutes\":30}}";

  private static WidgetServer server(TestDatabase db) {
    return seeded(new WidgetServer(db));
  }

  private static WidgetServer seeded(WidgetServer server) {
    server.data(A).user(ANNA, "Анна").user(ADMIN, "Админ", true, true);
    server.data(A).lead(1001, "Окна / Иван", ANNA);
    return server;
  }

  private static List<String> errorKeys(JsonNode problem) {
    List<String> keys = new ArrayList<>();
    problem.path("errors").forEach(e -> keys.add(e.path("key").asText()));
    return keys;
  }

  @DatabaseTest
  void everyone_reads_the_regulations_and_only_admins_see_their_history(TestDatabase db) {
    WidgetServer server = server(db);
    server.run(
        (app, client) -> {
          Response manager = get(client, "/api/widget/settings", token(A, ANNA));

          assertThat(manager.code()).isEqualTo(200);
          assertThat(header(manager, "ETag")).isEqualTo("\"0\"");
          JsonNode settings = json(manager);
          assertThat(settings.path("version").asInt()).isZero();
          assertThat(settings.path("savedBy").isNull()).isTrue();
          assertThat(settings.path("editable").asBoolean()).isFalse();
          assertThat(settings.path("history").isNull()).isTrue();
          JsonNode document = settings.path("document");
          assertThat(document.path("timezone").asText()).isEqualTo("Europe/Moscow");
          assertThat(document.path("firstContact").path("slaMinutes").asInt()).isEqualTo(15);
          assertThat(document.path("score").path("weights").path("worktime").asDouble()).isZero();

          JsonNode admin = json(get(client, "/api/widget/settings", adminToken(A, ADMIN)));
          assertThat(admin.path("editable").asBoolean()).isTrue();
          assertThat(admin.path("history").isArray()).isTrue();
          assertThat(admin.path("history")).isEmpty();
        });
  }

  @DatabaseTest
  void an_admin_saves_a_version_that_everyone_then_reads(TestDatabase db) {
    WidgetServer server = server(db);
    server.run(
        (app, client) -> {
          Response saved = put(client, "/api/widget/settings", adminToken(A, ADMIN), SLA_30);

          assertThat(saved.code()).isEqualTo(200);
          assertThat(header(saved, "ETag")).isEqualTo("\"1\"");
          JsonNode answer = json(saved);
          assertThat(answer.path("version").asInt()).isEqualTo(1);
          assertThat(answer.path("savedBy").asLong()).isEqualTo(ADMIN);
          assertThat(answer.path("savedAt").asText()).isEqualTo(NOW.toString());
          // Stored normalized: the keys the admin left out are there with their defaults.
          assertThat(answer.path("document").path("firstContact").path("slaMinutes").asInt())
              .isEqualTo(30);
          assertThat(answer.path("document").path("taskResults").path("minLength").asInt())
              .isEqualTo(10);

          JsonNode read = json(get(client, "/api/widget/settings", token(A, ANNA)));
          assertThat(read.path("version").asInt()).isEqualTo(1);
          assertThat(read.path("savedBy").asLong()).isEqualTo(ADMIN);
          assertThat(read.path("document").path("firstContact").path("slaMinutes").asInt())
              .isEqualTo(30);
          JsonNode history =
              json(get(client, "/api/widget/settings", adminToken(A, ADMIN))).path("history");
          assertThat(history).hasSize(1);
          assertThat(history.get(0).path("version").asInt()).isEqualTo(1);
          assertThat(history.get(0).path("savedBy").asLong()).isEqualTo(ADMIN);

          // Another account's regulations are untouched.
          assertThat(
                  json(get(client, "/api/widget/settings", adminToken(B, 1)))
                      .path("version")
                      .asInt())
              .isZero();
        });
  }

  @DatabaseTest
  void a_manager_cannot_save_the_regulations(TestDatabase db) {
    WidgetServer server = server(db);
    server.run(
        (app, client) -> {
          Response refused = put(client, "/api/widget/settings", token(A, ANNA), SLA_30);

          assertThat(refused.code()).isEqualTo(403);
          assertThat(problem(refused)).isEqualTo("forbidden");
          assertThat(server.repository.currentVersion(A)).isZero();
        });
  }

  @DatabaseTest
  void an_invalid_document_is_422_naming_every_bad_key_and_stores_nothing(TestDatabase db) {
    WidgetServer server = server(db);
    server.run(
        (app, client) -> {
          Response invalid =
              put(
                  client,
                  "/api/widget/settings",
                  adminToken(A, ADMIN),
                  "{\"firstContact\":{\"slaMinutes\":\"soon\"},\"bogus\":1}");

          assertThat(invalid.code()).isEqualTo(422);
          assertThat(problem(invalid)).isEqualTo("invalid-rules");
          JsonNode body = json(invalid);
          assertThat(errorKeys(body)).containsExactlyInAnyOrder("firstContact.slaMinutes", "bogus");
          body.path("errors").forEach(e -> assertThat(e.path("message").asText()).isNotBlank());

          Response unknownUser =
              put(client, "/api/widget/settings", adminToken(A, ADMIN), "{\"heads\":[999999]}");
          assertThat(unknownUser.code()).isEqualTo(422);
          assertThat(errorKeys(json(unknownUser))).containsExactly("heads[0]");

          assertThat(server.repository.currentVersion(A)).isZero();
        });
  }

  @DatabaseTest
  void a_save_based_on_a_stale_version_is_409_and_a_current_one_passes(TestDatabase db) {
    WidgetServer server = server(db);
    server.run(
        (app, client) -> {
          String admin = adminToken(A, ADMIN);
          assertThat(put(client, "/api/widget/settings", admin, SLA_30, "If-Match", "\"0\"").code())
              .isEqualTo(200);

          Response stale = put(client, "/api/widget/settings", admin, "{}", "If-Match", "\"0\"");
          assertThat(stale.code()).isEqualTo(409);
          assertThat(problem(stale)).isEqualTo("conflict");
          assertThat(json(stale).path("currentVersion").asInt()).isEqualTo(1);
          assertThat(server.repository.currentVersion(A)).isEqualTo(1);

          Response current = put(client, "/api/widget/settings", admin, "{}", "If-Match", "\"1\"");
          assertThat(current.code()).isEqualTo(200);
          assertThat(json(current).path("version").asInt()).isEqualTo(2);

          Response garbled = put(client, "/api/widget/settings", admin, "{}", "If-Match", "v1");
          assertThat(garbled.code()).isEqualTo(400);
          assertThat(server.repository.currentVersion(A)).isEqualTo(2);
        });
  }

  @DatabaseTest
  void a_body_that_is_not_one_json_document_is_400(TestDatabase db) {
    WidgetServer server = server(db);
    server.run(
        (app, client) -> {
          String admin = adminToken(A, ADMIN);
          for (String body :
              List.of("{\"firstContact\":", "{\"heads\":[],\"heads\":[1]}", "{} {}", "")) {
            Response response = put(client, "/api/widget/settings", admin, body);
            assertThat(response.code()).as(body).isEqualTo(400);
          }
          assertThat(server.repository.currentVersion(A)).isZero();
        });
  }

  /** Records the first-contact limit each evaluation of a deal ran with. */
  private static final class RulesSeen implements DealIndicator {
    final List<Integer> slaMinutes = new ArrayList<>();

    @Override
    public Indicator indicator() {
      return Indicator.FIRST_CONTACT;
    }

    @Override
    public void evaluate(DealFacts deal, RuleContext context, Findings out) {
      slaMinutes.add(context.rules().firstContact().slaMinutes());
    }
  }

  @DatabaseTest
  void a_save_makes_the_engine_drop_its_cached_rules(TestDatabase db) {
    RulesSeen seen = new RulesSeen();
    IndicatorSet indicators =
        new IndicatorSet(
            List.of(seen),
            (a, c, out) -> {},
            (closed, c, out) -> {},
            (deal, c) -> Optional.empty());
    WidgetServer server = seeded(new WidgetServer(db, indicators));
    server.run(
        (app, client) -> {
          server.evaluator.evaluateLeads(A, List.of(1001L));
          assertThat(put(client, "/api/widget/settings", adminToken(A, ADMIN), SLA_30).code())
              .isEqualTo(200);
          server.evaluator.evaluateLeads(A, List.of(1001L));

          // Without the save's forget, the engine's 30-second cache would still say 15.
          assertThat(seen.slaMinutes).containsExactly(15, 30);
        });
  }
}
