package io.tagbase.engine.rule;

/**
 * The type of a customer attribute or an event property, and how a value of it is held when one
 * customer is evaluated ({@link CustomerRecord}): STRING and ENUM as String, NUMBER as Number,
 * BOOLEAN as Boolean, DATE as LocalDate, DATETIME as Instant (compared by its UTC day), LIST as a
 * List of String. Event properties are STRING, ENUM, NUMBER or BOOLEAN.
 */
public enum FieldType {
  STRING,
  NUMBER,
  BOOLEAN,
  DATE,
  DATETIME,
  ENUM,
  LIST;

  boolean isText() {
    return this == STRING || this == ENUM;
  }

  /** Held as a number by the engine: numbers, booleans (0/1), dates (epoch day). */
  boolean isNumeric() {
    return this == NUMBER || this == BOOLEAN || this == DATE || this == DATETIME;
  }

  boolean isDate() {
    return this == DATE || this == DATETIME;
  }
}
