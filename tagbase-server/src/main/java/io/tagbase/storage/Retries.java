package io.tagbase.storage;

import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;

/**
 * Re-runs a whole transaction that lost a race on a unique key (two requests creating the same new
 * customer or sending the same message id at the same moment). The retry sees what the winner
 * committed, so it finds the customer or skips the repeat instead of failing.
 */
public final class Retries {
  private static final int ATTEMPTS = 5;

  private Retries() {}

  /** Runs {@code transaction} (which must open its own transaction) up to five times. */
  public static <T> T onDuplicateKey(Supplier<T> transaction) {
    DuplicateKeyException last = null;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      try {
        return transaction.get();
      } catch (DuplicateKeyException e) {
        last = e;
      }
    }
    throw last;
  }
}
