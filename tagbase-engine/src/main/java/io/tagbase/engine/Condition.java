package io.tagbase.engine;

import java.util.List;
import java.util.Objects;

/**
 * A boolean condition over tags: which customers belong to a segment. Immutable data, evaluated by
 * {@link SegmentEvaluator}. Customers are always the live ones: {@code not(tag("vip"))} means the
 * live customers without the tag.
 *
 * <p>An empty {@link And} is everyone (nothing to fail); an empty {@link Or} is no one. A tag the
 * index does not know is an empty set. Term lists are copied and must not contain null, so a
 * condition is immutable and safe to share between threads.
 */
public sealed interface Condition {

  /** Customers that have the tag. */
  record HasTag(String tag) implements Condition {
    public HasTag {
      Objects.requireNonNull(tag, "tag");
    }
  }

  /** Customers that satisfy every term. */
  record And(List<Condition> terms) implements Condition {
    public And {
      terms = List.copyOf(terms);
    }
  }

  /** Customers that satisfy at least one term. */
  record Or(List<Condition> terms) implements Condition {
    public Or {
      terms = List.copyOf(terms);
    }
  }

  /** Live customers that do not satisfy the term. */
  record Not(Condition term) implements Condition {
    public Not {
      Objects.requireNonNull(term, "term");
    }
  }

  /** Every live customer. */
  record Everyone() implements Condition {}

  /**
   * Customers already computed elsewhere, such as the members of a rule evaluated over the
   * population ({@code label} names it for messages). The bitmap must not change while the
   * condition is in use.
   */
  record Members(TagBitmap members, String label) implements Condition {
    public Members {
      Objects.requireNonNull(members, "members");
    }
  }

  static Condition tag(String tag) {
    return new HasTag(tag);
  }

  static Condition and(Condition... terms) {
    return new And(List.of(terms));
  }

  static Condition and(List<Condition> terms) {
    return new And(terms);
  }

  static Condition or(Condition... terms) {
    return new Or(List.of(terms));
  }

  static Condition or(List<Condition> terms) {
    return new Or(terms);
  }

  static Condition not(Condition term) {
    return new Not(term);
  }

  static Condition everyone() {
    return new Everyone();
  }
}
