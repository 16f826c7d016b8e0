package io.tagbase.rules;

import io.tagbase.taxonomy.TagDefinition;

/**
 * A check other features run before a rule tag's rule is saved (governance turns a change to an
 * active tag by a user who may not approve into a change request). Runs after the rule has checked
 * and before anything is written; throws to stop the save.
 */
public interface RuleChangeGate {

  /**
   * Before {@code tag}'s rule becomes {@code text}; {@code current} is the stored rule text, null
   * when the tag has none yet.
   */
  void saving(TagDefinition tag, String current, String text, String actor);
}
