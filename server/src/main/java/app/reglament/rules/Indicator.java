package app.reglament.rules;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The ten indicators of DESIGN.md, by their stable codes. */
public enum Indicator {
  FIRST_CONTACT("first_contact", Kind.EVENT),
  STUCK_DEAL("stuck_deal", Kind.STATE),
  OVERDUE_TASK("overdue_task", Kind.STATE),
  NO_TASK("no_task", Kind.STATE),
  TASK_RESULT("task_result", Kind.EVENT),
  COMMUNICATION("communication", Kind.EVENT),
  REQUIRED_FIELDS("required_fields", Kind.STATE),
  NAMING("naming", Kind.STATE),
  LOST_DEAL("lost_deal", Kind.EVENT),
  WORKTIME("worktime", Kind.EVENT);

  /**
   * How an indicator's items are dated. An event item belongs to the day its event happened (the
   * SLA deadline, the completion, the message, the loss, the manager-day). A state item describes a
   * deal or task as it stands now and belongs to the day it was evaluated; yesterday's state items
   * stay as they were at the end of yesterday.
   */
  public enum Kind {
    EVENT,
    STATE
  }

  private final String code;
  private final Kind kind;

  Indicator(String code, Kind kind) {
    this.code = code;
    this.kind = kind;
  }

  public String code() {
    return code;
  }

  public Kind kind() {
    return kind;
  }

  private static final Map<String, Indicator> BY_CODE =
      Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(i -> i.code, i -> i));

  /** The indicator with this code; looked up per stored counter and per stored contribution. */
  public static Optional<Indicator> byCode(String code) {
    return Optional.ofNullable(code == null ? null : BY_CODE.get(code));
  }
}
