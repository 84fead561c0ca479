package app.reglament.rules.facts;

import java.time.Instant;

/**
 * A note on the deal.
 *
 * @param type amoCRM's note type ({@code common}, {@code call_in}, {@code call_out}, {@code
 *     service_message} ...)
 * @param durationSeconds a call note's duration, else null
 */
public record NoteFacts(
    long noteId, String type, String text, Integer durationSeconds, Long createdBy, Instant at) {

  public boolean isComment() {
    return "common".equals(type);
  }
}
