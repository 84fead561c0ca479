package app.reglament.sandbox.testing;

import app.reglament.sandbox.scenario.Scenario;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A hand-made account: a head and two managers, one pipeline (without 142/143: the store must add
 * them), a select field required in "Переговоры", two deals with a contact, a task, a call note and
 * a stage move in the history.
 */
public final class TinyScenario {
  /** The tests' "now": the scenario's history ends here. */
  public static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");

  public static final long ACCOUNT = 29_000_001L;
  public static final long HEAD = 500;
  public static final long ANNA = 501;
  public static final long PAVEL = 502;
  public static final long PIPELINE = 7;
  public static final long NEW = 71;
  public static final long TALKS = 72;
  public static final long CITY = 55;
  public static final long PRODUCT = 56;
  public static final long WINDOWS = 561;
  public static final long DOORS = 562;
  public static final long LEAD_A = 1001;
  public static final long LEAD_B = 1002;
  public static final long CONTACT = 3001;
  public static final long TASK = 4001;
  public static final long NOTE = 5001;

  private TinyScenario() {}

  public static Scenario build(Instant now) {
    Instant dayAgo = now.minus(Duration.ofDays(1));
    return new Scenario(
        new Scenario.Account(ACCOUNT, "ООО Окна", "okna", HEAD, now),
        List.of(new Scenario.Group(0, "Отдел продаж"), new Scenario.Group(10, "Казань")),
        List.of(
            new Scenario.User(HEAD, "Ирина Руководитель", "head@okna.example", 0, true, true),
            new Scenario.User(ANNA, "Анна Кузнецова", "anna@okna.example", 10, false, true),
            new Scenario.User(PAVEL, "Павел Смирнов", "pavel@okna.example", 10, false, true)),
        List.of(
            new Scenario.Pipeline(
                PIPELINE,
                "Продажи",
                1,
                true,
                List.of(
                    new Scenario.Status(70, "Неразобранное", 5, 1, "#c1c1c1"),
                    new Scenario.Status(NEW, "Новая заявка", 10, 0, "#99ccff"),
                    new Scenario.Status(TALKS, "Переговоры", 20, 0, "#ffff99")))),
        List.of(
            new Scenario.CustomField(CITY, "Город", "CITY", "text", 1, List.of(), List.of()),
            new Scenario.CustomField(
                PRODUCT,
                "Продукт",
                "PRODUCT",
                "select",
                2,
                List.of(
                    new Scenario.FieldEnum(WINDOWS, "Окна", 1),
                    new Scenario.FieldEnum(DOORS, "Двери", 2)),
                List.of(new Scenario.RequiredStatus(PIPELINE, TALKS)))),
        List.of(new Scenario.LossReason(9, "Дорого", 1)),
        List.of(
            new Scenario.Contact(
                CONTACT,
                "Олег Иванов",
                ANNA,
                List.of(new Scenario.FieldValue(77, List.of("+79001234567"), List.of())),
                dayAgo,
                dayAgo)),
        List.of(
            new Scenario.Lead(
                LEAD_A,
                "Окна / Казань",
                150_000,
                ANNA,
                PIPELINE,
                TALKS,
                null,
                ANNA,
                dayAgo,
                now.minus(Duration.ofHours(2)),
                null,
                List.of(
                    new Scenario.FieldValue(CITY, List.of("Казань"), List.of()),
                    new Scenario.FieldValue(PRODUCT, List.of(), List.of(WINDOWS))),
                List.of(CONTACT)),
            new Scenario.Lead(
                LEAD_B,
                "Двери",
                0,
                PAVEL,
                PIPELINE,
                143,
                9L,
                PAVEL,
                dayAgo,
                now.minus(Duration.ofHours(1)),
                now.minus(Duration.ofHours(1)),
                List.of(),
                List.of())),
        List.of(
            new Scenario.Task(
                TASK,
                LEAD_A,
                ANNA,
                1,
                "Связаться с клиентом",
                now.plus(Duration.ofHours(3)),
                false,
                null,
                HEAD,
                dayAgo,
                dayAgo)),
        List.of(
            new Scenario.Note(
                NOTE,
                LEAD_A,
                "call_out",
                Map.of("duration", 95, "phone", "+79001234567", "source", "pbx"),
                ANNA,
                dayAgo.plusSeconds(600))),
        List.of(
            new Scenario.Event(
                "01hist2",
                "lead_status_changed",
                LEAD_A,
                "lead",
                ANNA,
                dayAgo.plusSeconds(3600),
                List.of(Map.of("lead_status", Map.of("id", NEW, "pipeline_id", PIPELINE))),
                List.of(Map.of("lead_status", Map.of("id", TALKS, "pipeline_id", PIPELINE)))),
            new Scenario.Event(
                "01hist1",
                "outgoing_call",
                LEAD_A,
                "lead",
                ANNA,
                dayAgo.plusSeconds(600),
                List.of(),
                List.of(Map.of("note", Map.of("id", NOTE))))),
        new Scenario.GroundTruth(42, now, Map.of(), List.of()));
  }
}
