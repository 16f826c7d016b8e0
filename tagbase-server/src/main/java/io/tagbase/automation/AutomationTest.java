package io.tagbase.automation;

import java.util.List;

/**
 * What an automation would do for one customer now, without doing it: the verdict of the checks
 * ({@code outcome} GO, SKIP or DEFER with {@code reason}) and each action, with the webhook body
 * and signature it would send.
 */
public record AutomationTest(String customer, String outcome, String reason, List<Step> actions) {

  /** One action as it would run. */
  public record Step(int index, String kind, String description, String body, String signature) {}
}
