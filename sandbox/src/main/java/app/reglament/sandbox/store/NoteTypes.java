package app.reglament.sandbox.store;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The note types the sandbox accepts, with what amoCRM derives from each: the event a note leaves
 * in {@code /api/v4/events} (a call note is how a call gets into the log) and the numeric type the
 * v2 webhook payload uses.
 */
public final class NoteTypes {
  public static final String COMMON = "common";
  public static final String CALL_IN = "call_in";
  public static final String CALL_OUT = "call_out";
  public static final String SERVICE_MESSAGE = "service_message";
  public static final String SMS_IN = "sms_in";
  public static final String SMS_OUT = "sms_out";

  public static final Set<String> ALL =
      Set.of(COMMON, CALL_IN, CALL_OUT, SERVICE_MESSAGE, SMS_IN, SMS_OUT);

  private static final Map<String, String> EVENT_TYPES =
      Map.of(
          COMMON, EventTypes.COMMON_NOTE_ADDED,
          CALL_IN, EventTypes.INCOMING_CALL,
          CALL_OUT, EventTypes.OUTGOING_CALL,
          SERVICE_MESSAGE, EventTypes.SERVICE_NOTE_ADDED,
          SMS_IN, EventTypes.INCOMING_SMS,
          SMS_OUT, EventTypes.OUTGOING_SMS);

  /** API v2's numbers, which webhooks still use: 4 common, 10/11 calls, 25 system, 102/103 SMS. */
  private static final Map<String, Integer> V2_NUMBERS =
      Map.of(COMMON, 4, CALL_IN, 10, CALL_OUT, 11, SERVICE_MESSAGE, 25, SMS_IN, 102, SMS_OUT, 103);

  private NoteTypes() {}

  public static Optional<String> eventType(String noteType) {
    return Optional.ofNullable(EVENT_TYPES.get(noteType));
  }

  public static int v2Number(String noteType) {
    return V2_NUMBERS.getOrDefault(noteType, V2_NUMBERS.get(COMMON));
  }
}
