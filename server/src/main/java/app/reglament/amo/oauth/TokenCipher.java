package app.reglament.amo.oauth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts OAuth tokens at rest with AES-256-GCM: a fresh random 96-bit nonce for every encryption,
 * and the account id bound as associated data, so a ciphertext copied into another account's row
 * does not decrypt. Stored form: nonce (12 bytes) followed by ciphertext and tag.
 */
public final class TokenCipher {
  static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final String TRANSFORMATION = "AES/GCM/NoPadding";

  private final SecretKeySpec key;
  private final SecureRandom random = new SecureRandom();

  public TokenCipher(byte[] key) {
    if (key.length != 32) {
      throw new IllegalArgumentException("An AES-256 key has 32 bytes, not " + key.length);
    }
    this.key = new SecretKeySpec(key.clone(), "AES");
  }

  public byte[] encrypt(long accountId, String token) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(associatedData(accountId));
      byte[] sealed = cipher.doFinal(token.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available in this JVM", e);
    }
  }

  /**
   * @throws TokenDecryptionException when the data was not sealed with this key for this account
   */
  public String decrypt(long accountId, byte[] stored) {
    if (stored == null || stored.length <= NONCE_BYTES) {
      throw new TokenDecryptionException(accountId);
    }
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
      cipher.updateAAD(associatedData(accountId));
      byte[] plain = cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new TokenDecryptionException(accountId);
    }
  }

  private static byte[] associatedData(long accountId) {
    return ("reglament:account:" + accountId).getBytes(StandardCharsets.US_ASCII);
  }

  /** Wrong key (REGLAMENT_SECRET_KEY changed), wrong account, or damaged data. */
  public static final class TokenDecryptionException extends RuntimeException {
    TokenDecryptionException(long accountId) {
      super(
          "The stored tokens of account "
              + accountId
              + " do not decrypt: REGLAMENT_SECRET_KEY differs from the one that sealed them, or"
              + " the row was altered");
    }
  }
}
