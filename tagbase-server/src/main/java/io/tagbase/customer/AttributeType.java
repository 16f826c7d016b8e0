package io.tagbase.customer;

/** The type of a custom field; values are checked and stored in a canonical form per type. */
public enum AttributeType {
  STRING,
  NUMBER,
  BOOLEAN,
  DATE,
  DATETIME,
  ENUM,
  LIST
}
