package io.tagbase.tagging;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Runs index updates only once the database transaction that caused them has committed. */
final class AfterCommit {
  private AfterCommit() {}

  /** Registers {@code action} to run after the current transaction commits; fails outside one. */
  static void run(Runnable action) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      throw new IllegalStateException("Index updates must be registered inside a transaction");
    }
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            action.run();
          }
        });
  }
}
