package app.reglament.automation;

import app.reglament.outbox.Action;
import app.reglament.outbox.Outbox;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One action an automation decided on, not yet queued: the idempotency key that names the intent,
 * the action, and what the audit log will say about it.
 *
 * @param key at most {@link #MAX_KEY} characters (the outbox column's width): a longer one keeps
 *     its start and ends with a hash of the whole, so two intents never share a key by truncation
 */
public record Intent(String key, Action action, Outbox.Audit audit) {
  public static final int MAX_KEY = 191;
  private static final int KEPT = 120;

  public Intent {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(audit, "audit");
    key = bounded(key);
  }

  /** An intent on a deal by one automation, with the reason the head reads in the audit log. */
  public static Intent of(String key, Action action, long leadId, String automation, String why) {
    return new Intent(key, action, new Outbox.Audit(leadId, automation, why));
  }

  static String bounded(String key) {
    if (key.length() <= MAX_KEY) {
      return key;
    }
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return key.substring(0, KEPT) + "#" + HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
