package io.tagbase.engine.rule;

import java.util.Objects;

/** What a {@link Rule.Compare} compares: a customer attribute, a tag's value, or an aggregate. */
public sealed interface Operand {

  /**
   * A customer attribute by code (or, before checking, by Chinese alias; inside a {@code where}
   * filter, an event property). The checker turns a name that is a layered tag into {@link
   * TagValue}.
   */
  record Attr(String name) implements Operand {
    public Attr {
      Objects.requireNonNull(name, "name");
    }
  }

  /** The value of a layered tag: {@code tag rfm = "champion"}. */
  record TagValue(String tag) implements Operand {
    public TagValue {
      Objects.requireNonNull(tag, "tag");
    }
  }

  /** The set of tags the customer has: {@code tags has some of ("vip", "gold")}. */
  record TagSet() implements Operand {}

  /**
   * An aggregate of the events of type {@code event} that pass {@code where} (null: all) within
   * {@code window} (null: all time up to the evaluation day). {@code expression} is null for count,
   * first, last and days since.
   */
  record Aggregate(AggFn fn, String event, Expr expression, Rule where, Window window)
      implements Operand {
    public Aggregate {
      Objects.requireNonNull(fn, "fn");
      Objects.requireNonNull(event, "event");
    }
  }
}
