package app.reglament.amo.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class TokenCipherTest {
  private static final byte[] KEY = new byte[32];

  static {
    new SecureRandom().nextBytes(KEY);
  }

  private final TokenCipher cipher = new TokenCipher(KEY);

  @Test
  void a_token_round_trips_for_its_own_account() {
    byte[] sealed = cipher.encrypt(31_000_001L, "def50200-access-token");

    assertThat(cipher.decrypt(31_000_001L, sealed)).isEqualTo("def50200-access-token");
    assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("def50200");
  }

  @Test
  void every_encryption_uses_a_fresh_nonce() {
    byte[] first = cipher.encrypt(1L, "same");
    byte[] second = cipher.encrypt(1L, "same");

    assertThat(first).isNotEqualTo(second);
    assertThat(java.util.Arrays.copyOf(first, TokenCipher.NONCE_BYTES))
        .isNotEqualTo(java.util.Arrays.copyOf(second, TokenCipher.NONCE_BYTES));
  }

  @Test
  void a_ciphertext_moved_to_another_account_does_not_decrypt() {
    byte[] sealed = cipher.encrypt(1L, "token-of-one");

    assertThatThrownBy(() -> cipher.decrypt(2L, sealed))
        .isInstanceOf(TokenCipher.TokenDecryptionException.class)
        .hasMessageContaining("account 2")
        .hasMessageNotContaining("token-of-one");
  }

  @Test
  void a_tampered_ciphertext_or_another_key_is_refused() {
    byte[] sealed = cipher.encrypt(1L, "token");
    byte[] tampered = sealed.clone();
    tampered[tampered.length - 1] ^= 1;
    byte[] otherKey = KEY.clone();
    otherKey[0] ^= 1;

    assertThatThrownBy(() -> cipher.decrypt(1L, tampered))
        .isInstanceOf(TokenCipher.TokenDecryptionException.class);
    assertThatThrownBy(() -> new TokenCipher(otherKey).decrypt(1L, sealed))
        .isInstanceOf(TokenCipher.TokenDecryptionException.class);
    assertThatThrownBy(() -> cipher.decrypt(1L, new byte[5]))
        .isInstanceOf(TokenCipher.TokenDecryptionException.class);
  }
}
