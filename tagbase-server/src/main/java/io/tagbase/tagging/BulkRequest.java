package io.tagbase.tagging;

/**
 * What to do with a list of customers.
 *
 * @param tagCode the tag for rows that name none
 * @param value the value for rows that give none (layered tags)
 * @param allOrNothing true: apply only if every row is valid; false: apply the valid rows and
 *     report the others
 */
public record BulkRequest(
    String tagCode, Operation operation, boolean allOrNothing, String value, String reason) {

  public enum Operation {
    ADD,
    REMOVE
  }
}
