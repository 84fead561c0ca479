package app.reglament.sandbox.store;

import java.time.Instant;
import java.util.List;

/**
 * The account a sandbox starts with when no scenario is given: one admin, one pipeline with the
 * incoming stage, three working stages, 142 and 143, two loss reasons, no deals. Valid enough for
 * an integration to install and sync.
 */
final class DefaultAccount {
  static final long ACCOUNT_ID = 31_000_001L;
  static final long ADMIN_ID = 8_000_001L;
  static final long PIPELINE_ID = 7_000_001L;
  static final String SUBDOMAIN = "sandbox";

  private DefaultAccount() {}

  static void fill(StoreState state, Instant now) {
    state.account = new Account(ACCOUNT_ID, "Песочница Reglament", SUBDOMAIN, ADMIN_ID, "RUB", now);
    state.groups.put(0L, new Group(0, "Отдел продаж"));
    state.users.put(
        ADMIN_ID, new User(ADMIN_ID, "Администратор", "admin@sandbox.example", 0, true, true));
    state.pipelines.put(
        PIPELINE_ID,
        new Pipeline(
            PIPELINE_ID,
            "Воронка",
            1,
            true,
            List.of(
                stage(PIPELINE_ID + 100, "Неразобранное", 10, Status.TYPE_INCOMING, "#c1c1c1"),
                stage(PIPELINE_ID + 101, "Первичный контакт", 20, Status.TYPE_REGULAR, "#99ccff"),
                stage(PIPELINE_ID + 102, "Переговоры", 30, Status.TYPE_REGULAR, "#ffff99"),
                stage(PIPELINE_ID + 103, "Принимают решение", 40, Status.TYPE_REGULAR, "#ffcc66"),
                stage(Status.WON, "Успешно реализовано", 10_000, Status.TYPE_REGULAR, "#ccff66"),
                stage(
                    Status.LOST,
                    "Закрыто и не реализовано",
                    11_000,
                    Status.TYPE_REGULAR,
                    "#d5d8db"))));
    state.lossReasons.put(1L, new LossReason(1, "Дорого", 1, now, now));
    state.lossReasons.put(2L, new LossReason(2, "Выбрали конкурента", 2, now, now));
    state.taskTypes.addAll(standardTaskTypes());
  }

  static List<TaskType> standardTaskTypes() {
    return List.of(
        new TaskType(TaskType.FOLLOW_UP, "Связаться", null, null, "FOLLOW_UP"),
        new TaskType(TaskType.MEETING, "Встреча", null, null, "MEETING"));
  }

  private static Status stage(long id, String name, int sort, int type, String color) {
    return new Status(id, PIPELINE_ID, name, sort, type, color);
  }
}
