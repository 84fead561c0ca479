package app.reglament.amo.webhook;

import java.util.Locale;

/**
 * What happened to the entity: the second key of {@code leads[status][0][id]}. {@code OTHER} is any
 * action amoCRM names that is not listed here.
 */
public enum Action {
  ADD,
  UPDATE,
  DELETE,
  RESTORE,
  STATUS,
  RESPONSIBLE,
  NOTE,
  OTHER;

  /** The action amoCRM spells {@code wire} ("add", "status", …). */
  static Action fromWire(String wire) {
    for (Action action : values()) {
      if (action != OTHER && action.name().toLowerCase(Locale.ROOT).equals(wire)) {
        return action;
      }
    }
    return OTHER;
  }
}
