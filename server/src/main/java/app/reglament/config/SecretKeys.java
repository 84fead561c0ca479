package app.reglament.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Finds the AES-256 key that encrypts OAuth tokens at rest. With an external database the operator
 * must provide it (several instances share one database, so they must share the key); on the
 * embedded default Reglament generates one into the data folder on first start and reuses it.
 */
public final class SecretKeys {
  static final String KEY_FILE = "secret.key";

  private SecretKeys() {}

  public static byte[] resolve(Config config) {
    if (config.secretKey().isPresent()) {
      return config.secretKey().get();
    }
    if (!config.embeddedDatabase()) {
      throw new ConfigException(
          "REGLAMENT_SECRET_KEY is required with REGLAMENT_DB_URL: set it to a base64 32-byte key,"
              + " e.g. the output of `openssl rand -base64 32`, the same on every instance");
    }
    return loadOrGenerate(config.dataDir().resolve(KEY_FILE));
  }

  private static byte[] loadOrGenerate(Path file) {
    try {
      if (!Files.exists(file)) {
        byte[] key = new byte[Config.SECRET_KEY_BYTES];
        new SecureRandom().nextBytes(key);
        Files.createDirectories(file.getParent());
        try {
          Files.writeString(Files.createFile(file), Base64.getEncoder().encodeToString(key) + "\n");
          restrictToOwner(file);
          return key;
        } catch (FileAlreadyExistsException raced) {
          // another process created it first: read theirs below
        }
      }
      String content = Files.readString(file, StandardCharsets.US_ASCII);
      try {
        return Config.decodeSecretKey(content);
      } catch (ConfigException e) {
        throw new ConfigException(file + " is not a valid key file: " + e.getMessage());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create the key file " + file, e);
    }
  }

  private static void restrictToOwner(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException notPosix) {
      // a non-POSIX file system: the folder's own permissions apply
    }
  }
}
