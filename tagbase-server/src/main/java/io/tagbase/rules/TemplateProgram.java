package io.tagbase.rules;

import io.tagbase.engine.TagBitmap;
import io.tagbase.engine.rule.RuleData;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * A {@link TagTemplate} checked against the live schema and taxonomy, ready to evaluate over the
 * whole population. Made by {@link TemplateCompiler}; thread-safe.
 */
interface TemplateProgram {

  /**
   * Who holds each value of each tag the template writes: tag code -> value code (null for a flag
   * tag) -> members; and, for a statistical tag, the number per customer id (NaN: none), else null.
   */
  record Result(Map<String, Map<String, TagBitmap>> members, String summary, double[] numbers) {
    Result(Map<String, Map<String, TagBitmap>> members, String summary) {
      this(members, summary, null);
    }
  }

  /** Tags the template's rules read (for dependency order). */
  Set<String> tags();

  /** Event types the template reads (loaded for evaluation; real-time triggers). */
  Set<String> events();

  /** Whether the result moves as days pass (re-evaluated daily). */
  boolean timeRelative();

  /** Tag codes the template writes: its own tag first. */
  java.util.List<String> writes();

  Result evaluate(RuleData data, LocalDate asOf);
}
