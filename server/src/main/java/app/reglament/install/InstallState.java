package app.reglament.install;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The OAuth {@code state} of installations Reglament starts itself: an expiry signed with the
 * client secret (HMAC-SHA256), so the callback knows the flow began here and recently, without any
 * server-side session. amoCRM's own widget installs carry {@code from_widget} and no such state.
 */
final class InstallState {
  static final Duration LIFETIME = Duration.ofMinutes(20);

  private final byte[] secret;
  private final Clock clock;

  InstallState(String clientSecret, Clock clock) {
    this.secret = clientSecret.getBytes(StandardCharsets.UTF_8);
    this.clock = clock;
  }

  String issue() {
    String expiry = Long.toString(clock.instant().plus(LIFETIME).getEpochSecond());
    return expiry + "." + sign(expiry);
  }

  boolean valid(String state) {
    if (state == null) {
      return false;
    }
    int dot = state.indexOf('.');
    if (dot <= 0) {
      return false;
    }
    String expiry = state.substring(0, dot);
    String signature = state.substring(dot + 1);
    if (!MessageDigest.isEqual(
        sign(expiry).getBytes(StandardCharsets.US_ASCII),
        signature.getBytes(StandardCharsets.US_ASCII))) {
      return false;
    }
    try {
      return Instant.ofEpochSecond(Long.parseLong(expiry)).isAfter(clock.instant());
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private String sign(String text) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(secret, text));
  }

  static byte[] hmac(byte[] key, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
    }
  }
}
