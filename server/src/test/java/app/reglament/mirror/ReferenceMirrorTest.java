package app.reglament.mirror;

import static app.reglament.db.generated.Tables.STATUSES;
import static org.assertj.core.api.Assertions.assertThat;

import app.reglament.testing.DatabaseTest;
import app.reglament.testing.TestDatabase;
import java.time.Instant;
import java.util.List;

class ReferenceMirrorTest {
  private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

  @DatabaseTest
  void won_and_lost_stages_of_two_pipelines_coexist(TestDatabase db) {
    var mirror = new ReferenceMirror(db.dsl());

    mirror.replacePipelines(
        1L,
        List.of(
            new Rows.Pipeline(7, "Продажи", 1, true, false),
            new Rows.Pipeline(8, "Опт", 2, false, false)),
        List.of(
            new Rows.Status(7, 142, "Успешно реализовано", 10_000, 0, "#CCFF66"),
            new Rows.Status(7, 143, "Закрыто и не реализовано", 11_000, 0, "#D5D8DB"),
            new Rows.Status(8, 142, "Успешно реализовано", 10_000, 0, "#CCFF66"),
            new Rows.Status(8, 143, "Закрыто и не реализовано", 11_000, 0, "#D5D8DB")));

    assertThat(mirror.countStatuses(1L)).isEqualTo(4);
  }

  @DatabaseTest
  void replacing_drops_what_amocrm_no_longer_has_for_that_account_only(TestDatabase db) {
    var mirror = new ReferenceMirror(db.dsl());
    var stage = new Rows.Status(7, 1001, "Новая", 10, 1, null);
    mirror.replacePipelines(
        1L, List.of(new Rows.Pipeline(7, "Продажи", 1, true, false)), List.of(stage));
    mirror.replacePipelines(
        2L, List.of(new Rows.Pipeline(7, "Продажи", 1, true, false)), List.of(stage));

    mirror.replacePipelines(
        1L, List.of(new Rows.Pipeline(7, "Продажи", 1, true, false)), List.of());

    assertThat(mirror.countStatuses(1L)).isZero();
    assertThat(mirror.countStatuses(2L)).isEqualTo(1);
    assertThat(db.dsl().fetchCount(STATUSES)).isEqualTo(1);
  }

  @DatabaseTest
  void a_user_amocrm_stops_returning_is_kept_but_inactive(TestDatabase db) {
    var mirror = new ReferenceMirror(db.dsl());
    var head = new Rows.User(1, "Ирина Руководитель", "head@example.ru", 5L, null, true, true);
    var manager = new Rows.User(2, "Павел Менеджер", "pavel@example.ru", 5L, null, false, true);
    mirror.replaceUsers(1L, List.of(new Rows.Group(5, "Отдел продаж")), List.of(head, manager), T0);

    mirror.replaceUsers(1L, List.of(new Rows.Group(5, "Отдел продаж")), List.of(head), T0);

    assertThat(mirror.countUsers(1L)).isEqualTo(1);
  }
}
