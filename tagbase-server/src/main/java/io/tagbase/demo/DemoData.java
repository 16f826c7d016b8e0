package io.tagbase.demo;

import io.tagbase.customer.NewCustomer;
import io.tagbase.taxonomy.NewCategory;
import io.tagbase.taxonomy.NewTag;
import java.util.List;

/**
 * A generated demo data set. Everything in it follows from the seed and the anchor date alone.
 *
 * @param events per customer (same order as {@code customers}), their events
 * @param assignments (customer external id, tag code) pairs derived from the generated data
 */
record DemoData(
    List<NewCategory> categories,
    List<NewTag> tags,
    List<NewCustomer> customers,
    List<List<DemoEvent>> events,
    List<String[]> assignments) {}
