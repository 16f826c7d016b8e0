package io.tagbase.rules;

import java.time.LocalDate;

/** What one evaluation of a rule tag did: its members as of the day, who entered and who left. */
public record RuleEvaluation(
    String tagCode, int version, LocalDate asOf, long members, int entered, int left) {

  String describe() {
    return members + " members as of " + asOf + ": " + entered + " entered, " + left + " left";
  }
}
