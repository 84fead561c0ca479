package app.reglament.sandbox;

import static app.reglament.db.generated.Tables.SCORE_DAYS;
import static app.reglament.db.generated.Tables.VIOLATIONS;
import static org.assertj.core.api.Assertions.assertThat;

import app.reglament.App;
import app.reglament.db.generated.tables.records.ViolationsRecord;
import app.reglament.rules.Explanation;
import app.reglament.rules.Finding;
import app.reglament.rules.GroundTruthHarness;
import app.reglament.rules.Indicator;
import app.reglament.rules.Severity;
import app.reglament.rules.config.RulesRepository;
import app.reglament.sandbox.scenario.Scenario;
import app.reglament.sandbox.scenario.ScenarioSettings;
import app.reglament.sandbox.store.NewTask;
import app.reglament.testing.MutableClock;
import app.reglament.testing.TestApps;
import app.reglament.web.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path on the sandbox's generated account: Reglament installs through OAuth, syncs the
 * account through the amoCRM API into its mirror, takes the department's regulations as its rules
 * document, and evaluates. The violations it then holds open must be exactly the planted ones:
 * precision and recall 1.0 for every indicator.
 */
class SandboxComplianceTest {
  private static final String PUBLIC_URL = "http://reglament.test";
  private static final HttpClient HTTP =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @TempDir Path dataDir;

  @Test
  void the_violations_found_through_the_mirror_are_exactly_the_planted_ones() throws Exception {
    GroundTruthHarness truth = GroundTruthHarness.standard();
    Scenario scenario = truth.scenario();
    ScenarioSettings settings = ScenarioSettings.defaults(GroundTruthHarness.DEFAULT_SEED);
    MutableClock serverClock = new MutableClock(settings.now());
    try (SandboxApp sandbox =
            SandboxApp.create(
                    SandboxSettings.DEFAULTS
                        .withPort(0)
                        .withRedirectUri(URI.create(PUBLIC_URL + "/oauth/callback"))
                        .withRequestsPerSecond(0),
                    Clock.systemUTC(),
                    scenario)
                .start();
        App server =
            TestApps.withAmo(
                dataDir,
                sandbox.baseUrl(),
                serverClock,
                Map.of(
                    "REGLAMENT_PUBLIC_URL",
                    PUBLIC_URL,
                    "REGLAMENT_AMO_CLIENT_ID",
                    SandboxSettings.DEFAULT_CLIENT_ID,
                    "REGLAMENT_AMO_CLIENT_SECRET",
                    SandboxSettings.DEFAULT_CLIENT_SECRET,
                    "REGLAMENT_AMO_RPS",
                    "1000"))) {
      server.http().start(0);
      long accountId = install(server);
      assertThat(server.amo().orElseThrow().scheduler().drain()).isEqualTo(1);
      DSLContext dsl = server.database().dsl();
      JsonNode rules = Json.mapper().valueToTree(scenario.groundTruth().rules());
      new RulesRepository(dsl, serverClock).save(accountId, rules, null, null);

      long started = System.nanoTime();
      server.compliance().worker().drain();
      System.out.printf(
          "Full evaluation of the generated account: %d ms%n",
          (System.nanoTime() - started) / 1_000_000);

      Map<Indicator, List<Finding>> found = openViolations(dsl, accountId, serverClock);
      List<String> reports = new ArrayList<>();
      for (Indicator indicator : Indicator.values()) {
        var comparison = truth.compare(indicator, found.getOrDefault(indicator, List.of()));
        System.out.printf(
            "%-16s planted %3d found %3d precision %.3f recall %.3f%n",
            indicator.code(),
            comparison.plantedCount(),
            comparison.foundCount(),
            comparison.precision(),
            comparison.recall());
        if (!comparison.exact()) {
          reports.add(comparison.report());
        }
      }
      assertThat(reports).as(String.join("\n", reports)).isEmpty();
      int planted = scenario.groundTruth().planted().size();
      assertThat(found.values().stream().mapToInt(List::size).sum()).isEqualTo(planted);

      // Every violation is also a violated item in the counters.
      int counted =
          dsl.select(org.jooq.impl.DSL.sum(SCORE_DAYS.VIOLATED))
              .from(SCORE_DAYS)
              .where(SCORE_DAYS.ACCOUNT_ID.eq(accountId))
              .fetchOne(0, Integer.class);
      assertThat(counted).isEqualTo(planted);

      // The manager of a planted deal without a task sets one in amoCRM. The next sync brings it
      // into the mirror, and the worker re-evaluates that deal alone: its violation closes, the
      // manager's counter drops by one, and nothing else changes.
      Scenario.Planted noTask =
          scenario.groundTruth().planted().stream()
              .filter(p -> p.indicator().equals("no_task"))
              .findFirst()
              .orElseThrow();
      LocalDate today = settings.now().atZone(java.time.ZoneId.of("Europe/Moscow")).toLocalDate();
      int before = violatedToday(dsl, accountId, noTask.userId(), today);
      sandbox
          .store()
          .createTask(
              NewTask.onLead(noTask.leadId(), "Отправить КП", settings.now().plusSeconds(86_400)),
              noTask.userId());
      serverClock.advance(Duration.ofMinutes(11));
      assertThat(server.amo().orElseThrow().scheduler().drain()).isEqualTo(1);
      long evaluated = System.nanoTime();
      server.compliance().worker().drain();
      System.out.printf(
          "Re-evaluation after the change: %d ms%n", (System.nanoTime() - evaluated) / 1_000_000);

      Map<Indicator, List<Finding>> after = openViolations(dsl, accountId, serverClock);
      assertThat(after.get(Indicator.NO_TASK))
          .extracting(Finding::leadId)
          .doesNotContain(noTask.leadId())
          .hasSize(found.get(Indicator.NO_TASK).size() - 1);
      assertThat(after.values().stream().mapToInt(List::size).sum()).isEqualTo(planted - 1);
      assertThat(violatedToday(dsl, accountId, noTask.userId(), today)).isEqualTo(before - 1);
      assertThat(
              dsl.fetchCount(
                  VIOLATIONS,
                  VIOLATIONS
                      .ACCOUNT_ID
                      .eq(accountId)
                      .and(VIOLATIONS.LEAD_ID.eq(noTask.leadId()))
                      .and(VIOLATIONS.INDICATOR.eq("no_task"))
                      .and(VIOLATIONS.CLOSED_AT.isNotNull())))
          .as("the closed violation stays as history")
          .isEqualTo(1);
    }
  }

  private static int violatedToday(DSLContext dsl, long accountId, long userId, LocalDate day) {
    Integer violated =
        dsl.select(SCORE_DAYS.VIOLATED)
            .from(SCORE_DAYS)
            .where(
                SCORE_DAYS.ACCOUNT_ID.eq(accountId),
                SCORE_DAYS.USER_ID.eq(userId),
                SCORE_DAYS.SCORE_DAY.eq((int) day.toEpochDay()),
                SCORE_DAYS.INDICATOR.eq("no_task"))
            .fetchOne(SCORE_DAYS.VIOLATED);
    return violated == null ? 0 : violated;
  }

  private static Map<Indicator, List<Finding>> openViolations(
      DSLContext dsl, long accountId, Clock clock) throws Exception {
    Map<Indicator, List<Finding>> found = new EnumMap<>(Indicator.class);
    for (ViolationsRecord v :
        dsl.selectFrom(VIOLATIONS)
            .where(VIOLATIONS.ACCOUNT_ID.eq(accountId), VIOLATIONS.CLOSED_AT.isNull())
            .fetch()) {
      JsonNode details = Json.mapper().readTree(v.getDetails());
      Indicator indicator = Indicator.byCode(v.getIndicator()).orElseThrow();
      found
          .computeIfAbsent(indicator, i -> new ArrayList<>())
          .add(
              Finding.violated(
                  indicator,
                  v.getSubjectKey(),
                  v.getLeadId(),
                  v.getTaskId(),
                  v.getUserId(),
                  // A state item's day is the day it was evaluated, which the details leave out.
                  details.has("day")
                      ? LocalDate.parse(details.path("day").asText())
                      : LocalDate.ofInstant(clock.instant(), java.time.ZoneId.of("Europe/Moscow")),
                  Severity.byCode(v.getSeverity()),
                  v.getBeganAt(),
                  details.path("reason").asText(),
                  new Explanation(details.path("ru").asText(), details.path("en").asText()),
                  Map.of()));
    }
    return found;
  }

  private static long install(App server) throws Exception {
    String origin = "http://127.0.0.1:" + server.port();
    String authorize = location(origin + "/oauth/install");
    String back = location(authorize.replace("/oauth?", "/oauth/allow?"));
    HttpResponse<String> installed =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(back.replace(PUBLIC_URL, origin))).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(installed.statusCode()).as(installed.body()).isEqualTo(200);
    return Long.parseLong(installed.body().replaceAll(".*\"accountId\":(\\d+).*", "$1"));
  }

  private static String location(String url) throws Exception {
    HttpResponse<Void> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url)).build(),
            HttpResponse.BodyHandlers.discarding());
    assertThat(response.statusCode()).as(url).isBetween(301, 303);
    return response.headers().firstValue("Location").orElseThrow();
  }
}
