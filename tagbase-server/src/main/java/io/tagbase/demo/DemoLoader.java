package io.tagbase.demo;

import io.tagbase.TagbaseProperties;
import io.tagbase.customer.Customer;
import io.tagbase.customer.CustomerService;
import io.tagbase.customer.NewEvent;
import io.tagbase.job.JobStatus;
import io.tagbase.rules.TemplateService;
import io.tagbase.tagging.AssignmentSource;
import io.tagbase.tagging.BulkItem;
import io.tagbase.tagging.BulkRequest;
import io.tagbase.tagging.BulkTagging;
import io.tagbase.taxonomy.NewCategory;
import io.tagbase.taxonomy.NewTag;
import io.tagbase.taxonomy.TaxonomyService;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo data set at start-up when {@code tagbase.demo} is on and the database holds no
 * customers and no tags yet; one transaction, so a failure leaves the database empty.
 */
@Component
class DemoLoader implements SmartInitializingSingleton {
  private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);
  static final long SEED = 20261122L;
  static final int CUSTOMERS = 2000;

  private final TagbaseProperties properties;
  private final CustomerService customers;
  private final TaxonomyService taxonomy;
  private final BulkTagging bulk;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final TemplateService templates;
  private final io.tagbase.security.DemoSalesReps reps;

  DemoLoader(
      io.tagbase.security.DemoSalesReps reps,
      TagbaseProperties properties,
      CustomerService customers,
      TaxonomyService taxonomy,
      BulkTagging bulk,
      TransactionTemplate tx,
      Clock clock,
      TemplateService templates) {
    this.templates = templates;
    this.reps = reps;
    this.properties = properties;
    this.customers = customers;
    this.taxonomy = taxonomy;
    this.bulk = bulk;
    this.tx = tx;
    this.clock = clock;
  }

  @Override
  public void afterSingletonsInstantiated() {
    if (!properties.demo()) {
      return;
    }
    if (customers.count() > 0 || !taxonomy.tags().isEmpty()) {
      log.info("Demo data not loaded: the database already holds customers or tags.");
      return;
    }
    long start = System.nanoTime();
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.ofHours(8));
    DemoData data = new DemoGenerator(SEED, today).generate(CUSTOMERS);
    tx.executeWithoutResult(status -> load(data));
    // value tiers and lifecycle stages computed from the demo orders by the templates
    templates.createRfm("rfm_tier", "value", "RFM价值分层", "RFM value tier", 5, "order", "demo");
    templates.createLifecycle(
        "lifecycle_stage", "lifecycle", "生命周期阶段", "Lifecycle stage", "order", "demo");
    log.info(
        "Loaded demo data: {} customers, {} events, {} tags, {} assignments in {} ms",
        data.customers().size(),
        data.events().stream().mapToInt(List::size).sum(),
        data.tags().size(),
        data.assignments().size(),
        (System.nanoTime() - start) / 1_000_000);
  }

  private void load(DemoData data) {
    for (NewCategory c : data.categories()) {
      taxonomy.createCategory(c);
    }
    for (NewTag t : data.tags()) {
      taxonomy.createTag(t, "demo");
    }
    customers.createAll(data.customers());
    Map<String, Long> ids = new HashMap<>();
    List<String> externalIds = data.customers().stream().map(c -> c.externalId()).toList();
    for (int from = 0; from < externalIds.size(); from += 500) {
      for (Customer c :
          customers.getAll(externalIds.subList(from, Math.min(externalIds.size(), from + 500)))) {
        ids.put(c.externalId(), c.id());
      }
    }
    List<NewEvent> events = new ArrayList<>();
    for (int i = 0; i < data.customers().size(); i++) {
      long id = ids.get(data.customers().get(i).externalId());
      for (DemoEvent e : data.events().get(i)) {
        events.add(new NewEvent(id, e.type(), e.at(), e.orderId(), e.amount(), e.properties()));
      }
    }
    customers.recordEvents(events);
    List<BulkItem> rows = new ArrayList<>();
    for (String[] a : data.assignments()) {
      rows.add(new BulkItem(rows.size() + 1, a[0], a[1], null, null));
    }
    var outcome =
        bulk.run(
            new BulkRequest(null, BulkRequest.Operation.ADD, true, null, "demo data"),
            rows,
            AssignmentSource.BULK,
            "demo",
            processed -> {});
    if (outcome.status() != JobStatus.SUCCEEDED) {
      throw new IllegalStateException("Demo tags could not be applied: " + outcome.message());
    }
    // Every 20th customer belongs to one of the demo sales reps, in turn.
    List<String> salesReps = reps.create();
    for (int i = 0; i < externalIds.size(); i += 20) {
      customers.assignOwner(externalIds.get(i), salesReps.get((i / 20) % salesReps.size()), "demo");
    }
  }
}
