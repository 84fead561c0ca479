package app.reglament.rules.facts;

import java.time.Instant;

/**
 * A communication on the deal or on one of its contacts: a call, chat message, mail or SMS.
 *
 * @param key stable id of the communication ({@code event:<id>} or {@code note:<id>})
 * @param channel {@code call}, {@code chat}, {@code mail} or {@code sms}
 * @param missed an incoming call nobody answered (its call note lasted 0 seconds)
 * @param userId who made it (for an outgoing one, the manager), or null
 */
public record Touch(
    String key, String channel, boolean outgoing, boolean missed, Long userId, Instant at) {

  public boolean isCall() {
    return "call".equals(channel);
  }
}
