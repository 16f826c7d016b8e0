package io.tagbase.rules;

import io.tagbase.taxonomy.TagDefinition;

/**
 * A check other features run before a rule tag's rule or a template tag's settings are saved
 * (governance turns a change to an active tag by a user who may not approve into a change request).
 * Runs after the rule or settings have checked and before anything is written; throws to stop the
 * save.
 */
public interface RuleChangeGate {

  /**
   * Before {@code tag}'s rule becomes {@code text}; {@code current} is the stored rule text, null
   * when the tag has none yet.
   */
  void saving(TagDefinition tag, String current, String text, String actor);

  /**
   * Before {@code tag}'s template settings become {@code template}; {@code current} is the stored
   * rule or template, null when the tag has none yet.
   */
  default void savingTemplate(
      TagDefinition tag, TagRule current, TagTemplate template, String actor) {}
}
