package io.tagbase.taxonomy;

/**
 * Published, inside the writing transaction, after a tag definition changed (UPDATE or STATUS);
 * listen with {@code @TransactionalEventListener} to act only once it is committed.
 */
public record TagDefinitionChanged(String code, int version, String change, TagStatus status) {}
