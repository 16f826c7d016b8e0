package io.tagbase.taxonomy;

/**
 * A check other features run before a tag is created, edited or moved along its lifecycle (naming
 * standards, where-used checks before archiving). Implementations throw an {@code
 * InvalidInputException} or {@code ConflictException} to refuse; they run inside the change's
 * transaction, before anything is written.
 */
public interface TagGuard {

  /** Before {@code tag} is created in {@code category}. */
  default void creating(NewTag tag, TagCategory category) {}

  /** Before {@code current} is replaced by {@code changed} (an UPDATE). */
  default void updating(TagDefinition current, TagDefinition changed, TagCategory category) {}

  /** Before {@code current} moves to status {@code target}. */
  default void changingStatus(TagDefinition current, TagStatus target) {}
}
