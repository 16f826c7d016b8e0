package io.tagbase.segment;

import io.tagbase.customer.Customer;
import java.util.List;

/** The match count and one page of matching customers. */
public record SegmentPreview(long count, int offset, int limit, List<Customer> customers) {}
