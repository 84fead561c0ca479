package app.reglament.sandbox.scenario;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One touch of a deal: a few minutes in which the manager reaches the client (or not), closes the
 * task with a result, maybe moves the deal, and sets the next task. Planned first, written later;
 * only touches that end by now are written ({@link #emitted}).
 */
final class Touch {
  // A touch is a few minutes of work: the call, then the result, then the stage move.
  static final Duration TOUCH_LENGTH = Duration.ofMinutes(5);
  static final Duration NOTE_AFTER = Duration.ofSeconds(60);
  static final Duration RESULT_AFTER = Duration.ofSeconds(90);
  static final Duration MOVE_AFTER = Duration.ofSeconds(150);
  static final Duration LOSS_AFTER = Duration.ofSeconds(210);
  // The closing comment is written as the deal is closed, right after the move to lost: it is
  // a closing comment whether one reads "from an hour before the loss" or "from the loss on".
  static final Duration CLOSING_COMMENT_AFTER = Duration.ofSeconds(270);

  /** Where a touch moves the deal: a stage index, or won / lost. */
  static final int TO_WON = -1;

  static final int TO_LOST = -2;

  /** What the manager does at a touch. */
  enum Out {
    CALL,
    CALL_NOT_REACHED,
    CHAT,
    MAIL,
    SMS,
    CONTACT_SMS,
    INCOMING_CALL,
    NONE
  }

  /** A client's message or call that a touch answers. */
  enum Incoming {
    CHAT,
    MAIL,
    MISSED_CALL
  }

  Instant at;
  final int stage;
  Integer moveTo;
  Out out = Out.CALL;
  long actor;
  Incoming incoming;
  Instant incomingAt;
  Junk junk;
  boolean noNextTask;
  Instant tillOverride;
  boolean emitted;

  Touch(Instant at, int stage, long actor) {
    this.at = at;
    this.stage = stage;
    this.actor = actor;
  }

  Instant end() {
    return at.plus(TOUCH_LENGTH);
  }

  /** When the deal entered a stage: the stage move of the touch that moved it there. */
  static Instant entryInto(List<Touch> touches, int stage) {
    return touches.get(indexOfMoveInto(touches, stage)).at.plus(MOVE_AFTER);
  }

  static int indexOfMoveInto(List<Touch> touches, int stage) {
    for (int i = 0; i < touches.size(); i++) {
      Integer moveTo = touches.get(i).moveTo;
      if (moveTo != null && moveTo == stage) {
        return i;
      }
    }
    throw new IllegalStateException("never entered stage " + stage);
  }
}
