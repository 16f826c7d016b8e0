package io.tagbase.tagging;

import io.tagbase.web.InvalidInputException;

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
    REMOVE;

    /** "add" (also when absent) or "remove", in any case; 400 naming the field otherwise. */
    public static Operation parse(String text) {
      if (text == null || text.isBlank() || text.equalsIgnoreCase("add")) {
        return ADD;
      }
      if (text.equalsIgnoreCase("remove")) {
        return REMOVE;
      }
      throw new InvalidInputException("operation", "operation must be add or remove.");
    }
  }
}
