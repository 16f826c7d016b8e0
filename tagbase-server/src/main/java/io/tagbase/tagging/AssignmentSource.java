package io.tagbase.tagging;

/** What gave or took a customer's tag. SYSTEM is Tagbase itself, for example on expiry. */
public enum AssignmentSource {
  MANUAL,
  BULK,
  IMPORT,
  RULE,
  API,
  SYSTEM
}
