package io.tagbase.engine;

import static io.tagbase.engine.Condition.and;
import static io.tagbase.engine.Condition.not;
import static io.tagbase.engine.Condition.or;
import static io.tagbase.engine.Condition.tag;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The public API end to end, as an embedding application would use it. */
class EngineWalkthroughTest {

  @Test
  void segmentOfVipsOrBigSpendersWhoHaveNotChurned() {
    CustomerDictionary customers = new CustomerDictionary();
    TagIndex tags = new TagIndex();
    int alice = customers.intern("alice");
    int bob = customers.intern("bob");
    int carol = customers.intern("carol");
    int dave = customers.intern("dave");
    tags.assign("vip", alice);
    tags.assign("vip", bob);
    tags.assign("big_spender", carol);
    tags.assign("big_spender", dave);
    tags.assign("churned", bob);
    customers.remove("dave"); // erased: gone from every result
    tags.optimize(customers.capacity());

    SegmentEvaluator segments = new SegmentEvaluator(tags, customers);
    Condition condition = and(or(tag("vip"), tag("big_spender")), not(tag("churned")));

    assertThat(segments.page(condition, 0, 10))
        .isEqualTo(new SegmentPage(2, new int[] {alice, carol}));
  }
}
