package io.tagbase.engine.rule;

import io.tagbase.engine.TagBitmap;
import java.time.LocalDate;

/**
 * A checked rule evaluated over the whole population at once: one bitmap per clause, combined by
 * AND / OR / ANDNOT, cut to the live customers.
 *
 * <p>Cost, with n = customer ids ever handed out and e = events of a type: a tag clause is a bitmap
 * copy; an attribute clause is one pass over its column (a date range is {@code IntColumn.between},
 * string equality is a scan for one code, and a string test like {@code matches} runs once per
 * distinct value, not per customer); an aggregate clause is one pass over its event type's rows
 * plus one pass over n. Thread-safe: evaluation only reads the data.
 */
public final class BitmapPlan {
  private final CheckedRule rule;

  private BitmapPlan(CheckedRule rule) {
    this.rule = rule;
  }

  public static BitmapPlan compile(CheckedRule rule) {
    return new BitmapPlan(rule);
  }

  public CheckedRule rule() {
    return rule;
  }

  /** The live customers for whom the rule holds as of {@code asOf}, as a new bitmap. */
  public TagBitmap evaluate(RuleData data, LocalDate asOf) {
    return new BitmapEvaluation(data, (int) asOf.toEpochDay()).evaluate(rule.rule());
  }
}
