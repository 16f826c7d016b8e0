package io.tagbase.segment;

import io.tagbase.customer.CustomerService;
import io.tagbase.engine.Condition;
import io.tagbase.tagging.MemberPage;
import io.tagbase.tagging.MembershipIndex;
import io.tagbase.taxonomy.TagDefinition;
import io.tagbase.taxonomy.TaxonomyService;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The segment feature's API: count and preview ad-hoc conditions over tags. Counting costs bitmap
 * operations only; a preview adds one database read for the page of customers. Thread-safe.
 */
@Service
public class SegmentService {
  private final MembershipIndex index;
  private final TaxonomyService taxonomy;
  private final CustomerService customers;

  SegmentService(MembershipIndex index, TaxonomyService taxonomy, CustomerService customers) {
    this.index = index;
    this.taxonomy = taxonomy;
    this.customers = customers;
  }

  /** Parses a JSON condition tree, refusing unknown tags with the path at fault. */
  public Condition parse(Object json, String path) {
    Map<String, TagDefinition> known =
        taxonomy.tags().stream().collect(Collectors.toMap(TagDefinition::code, t -> t));
    return ConditionJson.parse(
        json,
        path,
        new ConditionJson.Tags() {
          @Override
          public boolean exists(String code) {
            return known.containsKey(code);
          }

          @Override
          public boolean hasValue(String code, String value) {
            return known.containsKey(code) && known.get(code).value(value).isPresent();
          }
        });
  }

  public SegmentCount count(Condition condition) {
    long start = System.nanoTime();
    long count = index.count(condition);
    return new SegmentCount(count, index.population(), (System.nanoTime() - start) / 1000);
  }

  public SegmentPreview preview(Condition condition, int offset, int limit) {
    MemberPage page = index.page(condition, offset, limit);
    return new SegmentPreview(page.total(), offset, limit, customers.getAll(page.externalIds()));
  }
}
