package app.reglament.sandbox.scenario;

/**
 * What is special about one deal: a planted mistake (with the indicator it violates) or a compliant
 * edge case the rules must get right. A deal has at most one plan; deals without one are compliant
 * under every indicator.
 */
enum Plan {
  FIRST_CONTACT_LATE("first_contact", Need.WON, 4),
  FIRST_CONTACT_CRITICAL("first_contact", Need.WON, 3),
  /** Never contacted; its "Связаться с клиентом" task is overdue too (planted twice). */
  FIRST_CONTACT_NONE("first_contact", Need.OPEN_INCOMING, 2),
  FRIDAY_NIGHT_LATE("first_contact", Need.WON, 1, true),
  FRIDAY_NIGHT_ON_TIME(null, Need.WON, 1, true),
  HOLIDAY_ON_TIME(null, Need.WON, 1, true),
  FIRST_CONTACT_BY_TASK(null, Need.WON, 2, true),
  FIRST_CONTACT_BY_CONTACT_SMS(null, Need.WON, 2, true),

  STUCK("stuck_deal", Need.OPEN_STUCKABLE, 8),
  OVERDUE("overdue_task", Need.OPEN_REGULAR, 6),
  OVERDUE_OFF_HOURS("overdue_task", Need.OPEN_REGULAR, 2, true),
  /** Deadline this evening, after closing, and now is before tomorrow's opening: not overdue. */
  DEADLINE_TONIGHT(null, Need.OPEN_REGULAR, 1, true),
  NO_TASK("no_task", Need.OPEN_REGULAR, 8),

  RESULT_EMPTY("task_result", Need.WON, 2, Junk.EMPTY),
  RESULT_PLACEHOLDER("task_result", Need.WON, 3, Junk.PLACEHOLDER),
  RESULT_PUNCTUATION("task_result", Need.WON, 2, Junk.PUNCTUATION_ONLY),
  RESULT_TOO_SHORT("task_result", Need.WON, 2, Junk.TOO_SHORT),
  RESULT_REPEATED("task_result", Need.WON, 2, Junk.REPEATED_CHARACTERS),
  RESULT_MASH_RU("task_result", Need.WON, 2, Junk.KEYBOARD_MASH_RU),
  RESULT_MASH_EN("task_result", Need.WON, 2, Junk.KEYBOARD_MASH_EN),
  RESULT_COPY_OF_TASK("task_result", Need.WON, 2, Junk.COPY_OF_TASK_TEXT),
  RESULT_PREVIOUS("task_result", Need.WON, 2, Junk.PREVIOUS_RESULT),

  CHAT_UNANSWERED("communication", Need.OPEN_REGULAR, 3),
  CHAT_LATE_REPLY("communication", Need.WON, 2),
  MAIL_UNANSWERED("communication", Need.OPEN_REGULAR, 1),
  MAIL_LATE_REPLY("communication", Need.WON, 1),
  MISSED_CALL_NO_CALLBACK("communication", Need.OPEN_REGULAR, 3),
  MISSED_CALL_LATE_CALLBACK("communication", Need.WON, 2),

  REQUIRED_EMPTY("required_fields", Need.OPEN_REQUIRED, 5),
  REQUIRED_JUNK("required_fields", Need.OPEN_REQUIRED_TEXT, 4),

  NAMING_DEFAULT_NAME("naming", Need.OPEN_REGULAR, 3),
  NAMING_NO_SEPARATORS("naming", Need.OPEN_REGULAR, 2),
  NAMING_STALE_PRODUCT("naming", Need.OPEN_REGULAR, 2),
  NAMING_DEAL_NUMBER("naming", Need.OPEN_REGULAR, 2),
  /** A won deal under a wrong name: naming applies to active deals only, so it is compliant. */
  CLOSED_WITH_OLD_NAME(null, Need.WON, 1, true),

  LOST_NO_REASON("lost_deal", Need.LOST, 4),
  LOST_NO_COMMENT("lost_deal", Need.LOST, 4),
  LOST_FEW_ATTEMPTS("lost_deal", Need.LOST, 4),

  /** Handed from one manager to another midway; retail, where there is more than one manager. */
  REASSIGNED(null, Need.OPEN_LATE, 1, true),
  DELETED_AND_RESTORED(null, Need.OPEN_LATE, 1, true);

  /** Which deals can carry the plan. */
  enum Need {
    WON,
    LOST,
    /** Still in the incoming stage at now. */
    OPEN_INCOMING,
    /** Active in any regular stage. */
    OPEN_REGULAR,
    /** Active in a regular stage whose maxDays leaves room to be stuck inside the history. */
    OPEN_STUCKABLE,
    /** Active in a stage with required fields. */
    OPEN_REQUIRED,
    /** Active in a stage that requires a text field (junk can only be typed into text). */
    OPEN_REQUIRED_TEXT,
    /** Active from the second regular stage on (a long enough life to change hands midway). */
    OPEN_LATE
  }

  /** DESIGN.md's indicator code, or null for a compliant edge case. */
  final String indicator;

  final Need need;
  final int baseCount;

  /** Edge cases appear once whatever the size; mistakes scale with the number of deals. */
  final boolean fixedCount;

  final Junk junk;

  Plan(String indicator, Need need, int baseCount) {
    this(indicator, need, baseCount, false, null);
  }

  Plan(String indicator, Need need, int baseCount, boolean fixedCount) {
    this(indicator, need, baseCount, fixedCount, null);
  }

  Plan(String indicator, Need need, int baseCount, Junk junk) {
    this(indicator, need, baseCount, false, junk);
  }

  Plan(String indicator, Need need, int baseCount, boolean fixedCount, Junk junk) {
    this.indicator = indicator;
    this.need = need;
    this.baseCount = baseCount;
    this.fixedCount = fixedCount;
    this.junk = junk;
  }

  boolean isMistake() {
    return indicator != null;
  }
}
