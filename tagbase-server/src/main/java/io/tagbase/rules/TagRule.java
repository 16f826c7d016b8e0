package io.tagbase.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The stored rule of a tag and its last evaluation.
 *
 * @param dependsOn tag codes the rule reads
 * @param readsEvents event types the rule reads: events of these re-evaluate it in real time
 * @param timeRelative re-evaluated daily as the evaluation day moves
 * @param program FLAG (text is one rule), or LAYERED, RFM or LIFECYCLE (text is the template's
 *     settings as JSON, see {@link TagTemplate})
 */
public record TagRule(
    long tagId,
    String tagCode,
    String text,
    int version,
    List<String> dependsOn,
    List<String> readsEvents,
    boolean timeRelative,
    String updatedBy,
    Instant updatedAt,
    Instant lastEvaluatedAt,
    LocalDate lastAsOf,
    String lastResult,
    String lastError,
    String program) {

  public boolean flag() {
    return "FLAG".equals(program);
  }
}
