package app.reglament.mirror;

import static app.reglament.db.generated.Tables.ACTIVITY_HEARTBEATS;
import static org.assertj.core.api.Assertions.assertThat;

import app.reglament.testing.DatabaseTest;
import app.reglament.testing.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Map;

class ActivityMirrorTest {
  private static final Instant MINUTE = Instant.parse("2026-11-30T10:15:00Z");

  static Rows.Heartbeat event(long userId, Instant minute, Long leadId) {
    return new Rows.Heartbeat(userId, minute, ActivityMirror.SOURCE_EVENT, leadId);
  }

  @DatabaseTest
  void each_user_minute_is_recorded_once(TestDatabase db) {
    var activity = new ActivityMirror(db.dsl());

    int first =
        activity.record(
            1L,
            List.of(
                event(100, MINUTE, 10L),
                event(100, MINUTE, 11L),
                event(100, MINUTE.plusSeconds(60), null),
                event(200, MINUTE, 12L)));
    int again = activity.record(1L, List.of(event(100, MINUTE, 10L)));

    assertThat(first).isEqualTo(3);
    assertThat(again).isZero();
    assertThat(activity.minutesPerUser(1L))
        .isEqualTo(Map.of(100L, List.of(MINUTE, MINUTE.plusSeconds(60)), 200L, List.of(MINUTE)));
    assertThat(activity.minutesOf(1L, 100, MINUTE.plusSeconds(60), MINUTE.plusSeconds(120)))
        .containsExactly(MINUTE.plusSeconds(60));
    assertThat(activity.minutesPerUser(2L)).isEmpty();
  }

  @DatabaseTest
  void an_event_never_overwrites_the_extensions_heartbeat_of_the_same_minute(TestDatabase db) {
    var activity = new ActivityMirror(db.dsl());
    activity.record(
        1L, List.of(new Rows.Heartbeat(100, MINUTE, ActivityMirror.SOURCE_EXTENSION, 10L)));

    activity.record(1L, List.of(event(100, MINUTE, 11L)));

    var row = db.dsl().fetchSingle(ACTIVITY_HEARTBEATS);
    assertThat(row.getSource()).isEqualTo(ActivityMirror.SOURCE_EXTENSION);
    assertThat(row.getLeadId()).isEqualTo(10L);
  }
}
