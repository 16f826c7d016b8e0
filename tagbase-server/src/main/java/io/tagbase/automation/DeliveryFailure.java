package io.tagbase.automation;

/**
 * An action could not be delivered this time. {@code permanent} failures (a task with nobody to
 * assign it to) are dead-lettered at once; the others are retried with backoff.
 */
class DeliveryFailure extends RuntimeException {
  private final boolean permanent;

  DeliveryFailure(String message, boolean permanent) {
    super(message);
    this.permanent = permanent;
  }

  static DeliveryFailure retry(String message) {
    return new DeliveryFailure(message, false);
  }

  static DeliveryFailure permanent(String message) {
    return new DeliveryFailure(message, true);
  }

  boolean permanent() {
    return permanent;
  }
}
