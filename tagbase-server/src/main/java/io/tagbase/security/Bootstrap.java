package io.tagbase.security;

import io.tagbase.TagbaseProperties;
import java.security.SecureRandom;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * First start (no administrator yet): creates the {@code admin} user (password from {@code
 * TAGBASE_ADMIN_PASSWORD}, or a random one printed once), and the API key given in {@code
 * TAGBASE_BOOTSTRAP_API_KEY} if it does not exist yet. Runs before the server accepts requests.
 */
@Component
class Bootstrap implements SmartInitializingSingleton {
  private static final Logger log = LoggerFactory.getLogger(Bootstrap.class);
  static final String ADMIN = "admin";

  private final JdbcSecurityRepository repository;
  private final ApiKeyService keys;
  private final PasswordEncoder encoder;
  private final TagbaseProperties properties;
  private final TransactionTemplate tx;
  private final Clock clock;

  Bootstrap(
      JdbcSecurityRepository repository,
      ApiKeyService keys,
      PasswordEncoder encoder,
      TagbaseProperties properties,
      TransactionTemplate tx,
      Clock clock) {
    this.repository = repository;
    this.keys = keys;
    this.encoder = encoder;
    this.properties = properties;
    this.tx = tx;
    this.clock = clock;
  }

  @Override
  public void afterSingletonsInstantiated() {
    tx.executeWithoutResult(status -> run());
  }

  private void run() {
    // No administrator yet (demo data may have created its sales reps first).
    if (repository.countAdmins() == 0) {
      String password = properties.adminPassword();
      boolean generated = password == null || password.isBlank();
      if (generated) {
        password = randomPassword();
      }
      repository.insertUser(
          ADMIN, encoder.encode(password), Role.ADMIN.name(), "Administrator", clock.instant());
      if (generated) {
        log.warn(
            "\n\n  Created the first administrator.\n  user: {}\n  password: {}\n"
                + "  This password is shown only once; set TAGBASE_ADMIN_PASSWORD to choose"
                + " your own on a fresh database.\n",
            ADMIN,
            password);
      } else {
        log.info("Created the first administrator '{}' with the configured password.", ADMIN);
      }
    }
    String apiKey = properties.bootstrapApiKey();
    if (apiKey != null && !apiKey.isBlank() && !keys.exists(apiKey)) {
      keys.createWithSecret("bootstrap", Role.ADMIN.name(), apiKey);
      log.info("Created the bootstrap API key from TAGBASE_BOOTSTRAP_API_KEY.");
    }
    String writeKey = properties.bootstrapWriteKey();
    if (writeKey != null && !writeKey.isBlank() && !keys.exists(writeKey)) {
      keys.createWriteKeyWithSecret("bootstrap", writeKey);
      log.info("Created the bootstrap write key from TAGBASE_BOOTSTRAP_WRITE_KEY.");
    }
  }

  private static String randomPassword() {
    // No look-alike characters (0/O, 1/l/I) so it can be typed from the log.
    String alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    SecureRandom random = new SecureRandom();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sb.toString();
  }
}
