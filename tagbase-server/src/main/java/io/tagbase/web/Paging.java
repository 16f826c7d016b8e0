package io.tagbase.web;

/** Checks of page and size parameters shared by every list endpoint. */
public final class Paging {
  public static final int MAX_SIZE = 500;

  private Paging() {}

  /** Throws a 400 naming the parameter when page is negative or size is outside 1..500. */
  public static void check(int page, int size) {
    if (page < 0) {
      throw new InvalidInputException("page", "page must be 0 or more.");
    }
    checkLimit("size", size);
  }

  /** Throws a 400 naming {@code field} when {@code value} is outside 1..500. */
  public static void checkLimit(String field, int value) {
    if (value < 1 || value > MAX_SIZE) {
      throw new InvalidInputException(field, field + " must be between 1 and " + MAX_SIZE + ".");
    }
  }
}
