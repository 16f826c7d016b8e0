package io.tagbase.ingest;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At start-up, an import still RUNNING was cut off by a crash or a restart. Its committed chunks
 * are whole and its checkpoint says how far they reach, so it is marked INTERRUPTED, ready to be
 * resumed ({@code POST /api/v1/imports/{id}/resume}).
 */
@Component
class ImportRecovery implements SmartInitializingSingleton {
  private static final Logger log = LoggerFactory.getLogger(ImportRecovery.class);
  static final String MESSAGE =
      "Interrupted by a restart; the rows up to the checkpoint are stored. Resume it to finish.";

  private final ImportRunRepository runs;
  private final TransactionTemplate tx;
  private final Clock clock;

  ImportRecovery(ImportRunRepository runs, PlatformTransactionManager tx, Clock clock) {
    this.runs = runs;
    this.tx = new TransactionTemplate(tx);
    this.clock = clock;
  }

  @Override
  public void afterSingletonsInstantiated() {
    Integer interrupted = tx.execute(s -> runs.interruptRunning(MESSAGE, clock.instant()));
    if (interrupted != null && interrupted > 0) {
      log.warn("{} import(s) were cut off by a restart; resume them to finish", interrupted);
    }
  }
}
