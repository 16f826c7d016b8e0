package io.tagbase.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit for event batches from concurrent requests: one writer thread takes every batch
 * waiting (up to {@code tagbase.ingest.group-events} events) and writes them in one transaction, so
 * many requests share one durable commit; each request is answered once that commit is done. If the
 * group fails, each batch is retried on its own, so one bad batch fails only its own request.
 */
@Component
class EventBatcher implements DisposableBean {
  private static final Logger log = LoggerFactory.getLogger(EventBatcher.class);

  private record Pending(
      List<IncomingEvent> events, String actor, CompletableFuture<IngestResult> done) {}

  private final EventIngest ingest;
  private final TransactionTemplate tx;
  private final int maxEvents;
  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Thread writer;
  private volatile boolean running = true;

  EventBatcher(
      EventIngest ingest,
      TransactionTemplate tx,
      @Value("${tagbase.ingest.group-events:20000}") int maxEvents) {
    this.ingest = ingest;
    this.tx = tx;
    this.maxEvents = maxEvents;
    this.writer = new Thread(this::loop, "tagbase-ingest-writer");
    writer.setDaemon(true);
    writer.start();
  }

  /** Stores the batch with whatever else is waiting; returns after the commit. */
  IngestResult submit(List<IncomingEvent> events, String actor) {
    Pending pending = new Pending(events, actor, new CompletableFuture<>());
    queue.add(pending);
    try {
      return pending.done().get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("The event writer did not answer within 60 s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void loop() {
    while (running) {
      List<Pending> group = new ArrayList<>();
      try {
        Pending first = queue.poll(1, TimeUnit.SECONDS);
        if (first == null) {
          continue;
        }
        group.add(first);
        int events = first.events().size();
        Pending next;
        while (events < maxEvents && (next = queue.poll()) != null) {
          group.add(next);
          events += next.events().size();
        }
        write(group);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        log.error("Event writer failed", e);
        group.forEach(p -> p.done().completeExceptionally(e));
      }
    }
  }

  private void write(List<Pending> group) {
    if (group.size() > 1) {
      try {
        List<IngestResult> results =
            tx.execute(s -> group.stream().map(p -> ingest.ingest(p.events(), p.actor())).toList());
        for (int i = 0; i < group.size(); i++) {
          group.get(i).done().complete(results.get(i));
        }
        return;
      } catch (RuntimeException groupFailed) {
        // Fall through: write each batch alone so only the bad one fails.
      }
    }
    for (Pending p : group) {
      try {
        p.done().complete(ingest.ingest(p.events(), p.actor()));
      } catch (RuntimeException e) {
        p.done().completeExceptionally(e);
      }
    }
  }

  @Override
  public void destroy() {
    running = false;
    writer.interrupt();
  }
}
