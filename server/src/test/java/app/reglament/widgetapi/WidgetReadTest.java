package app.reglament.widgetapi;

import static app.reglament.widgetapi.WidgetServer.A;
import static app.reglament.widgetapi.WidgetServer.NOW;
import static app.reglament.widgetapi.WidgetServer.TODAY;
import static app.reglament.widgetapi.WidgetServer.adminToken;
import static app.reglament.widgetapi.WidgetServer.get;
import static app.reglament.widgetapi.WidgetServer.json;
import static app.reglament.widgetapi.WidgetServer.problem;
import static app.reglament.widgetapi.WidgetServer.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import app.reglament.rules.Indicator;
import app.reglament.testing.DatabaseTest;
import app.reglament.testing.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What the widget reads: the deal card, my score, the team panel and its drill-down, from score
 * counters and violations written as the engine leaves them.
 */
class WidgetReadTest {
  private static final long ANNA = 501;
  private static final long BORIS = 502;
  private static final long VERA_LEFT = 503;
  private static final long HEAD = 600;

  private long openNoTask;
  private long closedNaming;
  private long oldOpenResult;

  private WidgetServer server(TestDatabase db) {
    WidgetServer server = new WidgetServer(db);
    server.rules.set(A, WidgetServer.withPeople(List.of(HEAD), null));
    WidgetData a = server.data(A);
    a.user(ANNA, "Анна")
        .user(BORIS, "Борис")
        .user(VERA_LEFT, "Вера", false, false)
        .user(HEAD, "Глава")
        .lead(1001, "Окна / Иван", ANNA)
        .lead(1002, "Двери / Пётр", ANNA)
        .lead(1003, "Без ответственного", null);
    openNoTask =
        a.violation(
            Indicator.NO_TASK,
            1001,
            ANNA,
            NOW.minus(Duration.ofHours(2)),
            null,
            "У сделки нет открытой задачи",
            "The deal has no open task");
    closedNaming =
        a.violation(
            Indicator.NAMING,
            1001,
            ANNA,
            NOW.minus(Duration.ofHours(3)),
            NOW.minus(Duration.ofHours(1)),
            "Название не по шаблону",
            "The name is off-template");
    oldOpenResult =
        a.violation(
            Indicator.TASK_RESULT,
            1002,
            ANNA,
            NOW.minus(Duration.ofDays(40)),
            null,
            "Результат «+»",
            "Result «+»");
    a.violation(
        Indicator.FIRST_CONTACT,
        1002,
        ANNA,
        NOW.minus(Duration.ofDays(40)),
        NOW.minus(Duration.ofDays(39)),
        "Поздний контакт",
        "Late contact");
    // Today 88 (no_task 3/4, first_contact 2/2); the week adds task_result 0/5 (58); the month
    // adds stuck_deal 10/10 (69).
    a.counters(ANNA, TODAY, Indicator.NO_TASK, 4, 1)
        .counters(ANNA, TODAY, Indicator.FIRST_CONTACT, 2, 0)
        .counters(ANNA, TODAY.minusDays(3), Indicator.TASK_RESULT, 5, 5)
        .counters(ANNA, TODAY.minusDays(20), Indicator.STUCK_DEAL, 10, 0)
        .counters(ANNA, TODAY.minusDays(40), Indicator.NO_TASK, 10, 10);
    return server;
  }

  private static JsonNode indicator(JsonNode indicators, String code) {
    for (JsonNode i : indicators) {
      if (i.path("indicator").asText().equals(code)) {
        return i;
      }
    }
    throw new AssertionError("No " + code + " in " + indicators);
  }

  private static List<Long> ids(JsonNode violations) {
    List<Long> ids = new ArrayList<>();
    violations.forEach(v -> ids.add(v.path("id").asLong()));
    return ids;
  }

  @DatabaseTest
  void the_card_shows_the_deals_open_violations_and_its_managers_scores(TestDatabase db) {
    WidgetServer server = server(db);
    server.run(
        (app, client) -> {
          Response response = get(client, "/api/widget/card/1001", token(A, BORIS));

          assertThat(response.code()).isEqualTo(200);
          JsonNode card = json(response);
          assertThat(card.path("lang").asText()).isEqualTo("ru");
          assertThat(card.path("lead").path("id").asLong()).isEqualTo(1001);
          assertThat(card.path("lead").path("name").asText()).isEqualTo("Окна / Иван");
          assertThat(card.path("lead").path("responsible").path("id").asLong()).isEqualTo(ANNA);
          assertThat(card.path("lead").path("responsible").path("name").asText()).isEqualTo("Анна");
          assertThat(ids(card.path("violations"))).containsExactly(openNoTask);
          JsonNode v = card.path("violations").get(0);
          assertThat(v.path("indicator").asText()).isEqualTo("no_task");
          assertThat(v.path("open").asBoolean()).isTrue();
          assertThat(v.path("leadName").asText()).isEqualTo("Окна / Иван");
          assertThat(v.path("explanation").asText()).isEqualTo("У сделки нет открытой задачи");
          assertThat(v.path("explanations").path("en").asText())
              .isEqualTo("The deal has no open task");
          assertThat(v.path("fix").asText()).startsWith("Поставьте задачу");
          assertThat(v.path("fixes").path("en").asText()).startsWith("Set a task");
          assertThat(v.path("details").path("lead").asLong()).isEqualTo(1001);
          JsonNode scores = card.path("scores");
          assertThat(scores.path("userId").asLong()).isEqualTo(ANNA);
          assertThat(scores.path("today").path("value").asInt()).isEqualTo(88);
          assertThat(scores.path("week").path("value").asInt()).isEqualTo(58);
          assertThat(scores.path("month").path("value").asInt()).isEqualTo(69);
          assertThat(scores.path("trend")).hasSize(14);
          assertThat(scores.path("trend").get(13).path("day").asText()).isEqualTo("2026-11-30");
          assertThat(scores.path("trend").get(13).path("value").asInt()).isEqualTo(88);
          assertThat(scores.path("trend").get(10).path("value").asInt()).isZero();
          assertThat(scores.path("trend").get(12).path("value").isNull()).isTrue();
        });
  }

  @DatabaseTest
  void the_language_comes_from_lang_then_accept_language_and_defaults_to_russian(TestDatabase db) {
    WidgetServer server = server(db);
    server.run(
        (app, client) -> {
          String anna = token(A, ANNA);
          JsonNode byParam = json(get(client, "/api/widget/card/1001?lang=en", anna));
          JsonNode byHeader =
              json(
                  get(
                      client,
                      "/api/widget/card/1001",
                      anna,
                      "Accept-Language",
                      "en-US,en;q=0.9,ru;q=0.5"));
          JsonNode paramWins =
              json(get(client, "/api/widget/card/1001?lang=ru", anna, "Accept-Language", "en"));
          JsonNode unknown =
              json(get(client, "/api/widget/card/1001?lang=de", anna, "Accept-Language", "fr"));

          assertThat(byParam.path("lang").asText()).isEqualTo("en");
          assertThat(byParam.path("violations").get(0).path("explanation").asText())
              .isEqualTo("The deal has no open task");
          assertThat(byParam.path("violations").get(0).path("fix").asText())
              .startsWith("Set a task");
          assertThat(byParam.path("violations").get(0).path("explanations").path("ru").asText())
              .isEqualTo("У сделки нет открытой задачи");
          assertThat(byHeader.path("lang").asText()).isEqualTo("en");
          assertThat(paramWins.path("lang").asText()).isEqualTo("ru");
          assertThat(unknown.path("lang").asText()).isEqualTo("ru");
          assertThat(unknown.path("violations").get(0).path("explanation").asText())
              .isEqualTo("У сделки нет открытой задачи");
        });
  }

  @DatabaseTest
  void a_deal_without_a_responsible_has_no_scores_and_an_unknown_deal_is_404(TestDatabase db) {
    WidgetServer server = server(db);
    server.run(
        (app, client) -> {
          JsonNode card = json(get(client, "/api/widget/card/1003", token(A, ANNA)));
          assertThat(card.path("lead").path("responsible").isNull()).isTrue();
          assertThat(card.path("scores").isNull()).isTrue();
          assertThat(card.path("violations")).isEmpty();

          Response unknown = get(client, "/api/widget/card/9999", token(A, ANNA));
          assertThat(unknown.code()).isEqualTo(404);
          assertThat(problem(unknown)).isEqualTo("not-found");
        });
  }

  @DatabaseTest
  void me_breaks_my_score_down_by_indicator_with_the_violations_behind_it(TestDatabase db) {
    WidgetServer server = server(db);
    server.run(
        (app, client) -> {
          JsonNode me = json(get(client, "/api/widget/me", token(A, ANNA)));

          assertThat(me.path("user").path("name").asText()).isEqualTo("Анна");
          assertThat(me.path("managed").asBoolean()).isTrue();
          assertThat(me.path("head").asBoolean()).isFalse();
          assertThat(me.path("admin").asBoolean()).isFalse();
          JsonNode today = me.path("scores").path("today");
          assertThat(today.path("value").asInt()).isEqualTo(88);
          assertThat(today.path("indicators")).hasSize(Indicator.values().length);
          JsonNode noTask = indicator(today.path("indicators"), "no_task");
          assertThat(noTask.path("applicable").asInt()).isEqualTo(4);
          assertThat(noTask.path("violated").asInt()).isEqualTo(1);
          assertThat(noTask.path("rate").asDouble()).isEqualTo(0.75);
          assertThat(noTask.path("weight").asDouble()).isEqualTo(1.0);
          assertThat(noTask.path("lostPoints").asDouble()).isCloseTo(12.5, within(1e-9));
          assertThat(indicator(today.path("indicators"), "naming").path("rate").isNull()).isTrue();
          JsonNode week = me.path("scores").path("week");
          assertThat(
                  indicator(week.path("indicators"), "task_result").path("lostPoints").asDouble())
              .isCloseTo(100.0 / 3, within(1e-9));
          // Open ones whenever they began, and closed ones that began in the 30 days.
          assertThat(ids(me.path("violations")))
              .containsExactly(openNoTask, closedNaming, oldOpenResult);
          assertThat(me.path("violations").get(2).path("leadName").asText())
              .isEqualTo("Двери / Пётр");
          assertThat(me.path("violationsSince").asText()).isEqualTo("2026-10-31T21:00:00Z");
        });
  }

  @DatabaseTest
  void a_head_is_not_a_managed_user_and_sees_an_empty_score(TestDatabase db) {
    WidgetServer server = server(db);
    server.run(
        (app, client) -> {
          JsonNode me = json(get(client, "/api/widget/me", token(A, HEAD)));

          assertThat(me.path("head").asBoolean()).isTrue();
          assertThat(me.path("managed").asBoolean()).isFalse();
          assertThat(me.path("scores").path("today").path("value").isNull()).isTrue();
          assertThat(me.path("violations")).isEmpty();
        });
  }

  @DatabaseTest
  void the_team_panel_has_every_managed_user_by_every_indicator(TestDatabase db) {
    WidgetServer server = server(db);
    server.run(
        (app, client) -> {
          Response response = get(client, "/api/widget/team", token(A, HEAD));

          assertThat(response.code()).isEqualTo(200);
          JsonNode team = json(response);
          assertThat(team.path("from").asText()).isEqualTo("2026-11-24");
          assertThat(team.path("to").asText()).isEqualTo("2026-11-30");
          assertThat(team.path("indicators")).hasSize(Indicator.values().length);
          JsonNode managers = team.path("managers");
          // Not the head, not the user who left.
          assertThat(managers).hasSize(2);
          JsonNode anna = managers.get(0);
          assertThat(anna.path("user").path("name").asText()).isEqualTo("Анна");
          assertThat(anna.path("today").asInt()).isEqualTo(88);
          assertThat(anna.path("week").asInt()).isEqualTo(58);
          assertThat(anna.path("month").asInt()).isEqualTo(69);
          assertThat(anna.path("trend")).hasSize(14);
          assertThat(anna.path("indicators")).hasSize(Indicator.values().length);
          JsonNode annaTaskResult = indicator(anna.path("indicators"), "task_result");
          assertThat(annaTaskResult.path("applicable").asInt()).isEqualTo(5);
          assertThat(annaTaskResult.path("rate").asDouble()).isZero();
          // Only the 7 days: the stuck deals of 20 days ago are not in the panel's rates.
          assertThat(indicator(anna.path("indicators"), "stuck_deal").path("applicable").asInt())
              .isZero();
          JsonNode boris = managers.get(1);
          assertThat(boris.path("user").path("id").asLong()).isEqualTo(BORIS);
          assertThat(boris.path("week").isNull()).isTrue();
          assertThat(boris.path("trend")).hasSize(14);
          JsonNode noTask = indicator(team.path("totals"), "no_task");
          assertThat(noTask.path("applicable").asInt()).isEqualTo(4);
          assertThat(noTask.path("violated").asInt()).isEqualTo(1);
          assertThat(noTask.path("rate").asDouble()).isEqualTo(0.75);
        });
  }

  @DatabaseTest
  void listed_managers_are_the_team_even_before_the_mirror_knows_them(TestDatabase db) {
    WidgetServer server = server(db);
    server.rules.set(A, WidgetServer.withPeople(List.of(HEAD), List.of(BORIS, 777L)));
    server.run(
        (app, client) -> {
          JsonNode managers =
              json(get(client, "/api/widget/team", adminToken(A, ANNA))).path("managers");

          assertThat(managers).hasSize(2);
          assertThat(managers.get(0).path("user").path("id").asLong()).isEqualTo(BORIS);
          assertThat(managers.get(1).path("user").path("id").asLong()).isEqualTo(777);
          assertThat(managers.get(1).path("user").path("name").isNull()).isTrue();
        });
  }

  @DatabaseTest
  void the_drill_down_lists_a_managers_violating_deals_by_indicator(TestDatabase db) {
    WidgetServer server = server(db);
    server.run(
        (app, client) -> {
          String head = token(A, HEAD);
          JsonNode all = json(get(client, "/api/widget/team/" + ANNA + "/violations", head));
          JsonNode noTask =
              json(
                  get(
                      client,
                      "/api/widget/team/" + ANNA + "/violations?indicator=no_task&lang=en",
                      head));
          JsonNode newest =
              json(get(client, "/api/widget/team/" + ANNA + "/violations?limit=1", head));

          assertThat(all.path("user").path("name").asText()).isEqualTo("Анна");
          assertThat(all.path("indicator").isNull()).isTrue();
          assertThat(ids(all.path("violations")))
              .containsExactly(openNoTask, closedNaming, oldOpenResult);
          assertThat(noTask.path("indicator").asText()).isEqualTo("no_task");
          assertThat(ids(noTask.path("violations"))).containsExactly(openNoTask);
          assertThat(noTask.path("violations").get(0).path("leadName").asText())
              .isEqualTo("Окна / Иван");
          assertThat(noTask.path("violations").get(0).path("explanation").asText())
              .isEqualTo("The deal has no open task");
          assertThat(ids(newest.path("violations"))).containsExactly(openNoTask);
          assertThat(get(client, "/api/widget/team/424242/violations", head).code()).isEqualTo(404);
        });
  }
}
