package io.tagbase.tagging;

/** What gave a customer a tag. */
public enum AssignmentSource {
  MANUAL,
  BULK,
  IMPORT,
  RULE,
  API
}
