package io.tagbase.automation;

/**
 * One action; which fields count depends on the kind.
 *
 * <ul>
 *   <li>WEBHOOK: {@code url}, {@code secret} (HMAC-SHA256 key), {@code timeoutMs} (default 5000),
 *       {@code maxAttempts} (default 10)
 *   <li>TASK: {@code title}, {@code note}, {@code dueDays} (default 1), {@code team}: the
 *       customer's owner gets it, else the next member of the team by round robin; {@code assignTo}
 *       TEAM always uses the team
 *   <li>TAG_ADD / TAG_REMOVE: {@code tag}, {@code value} for a layered tag
 *   <li>COUPON: {@code batch}, the coupon batch code
 *   <li>NOTIFY: {@code message} ({@code {customer}} is replaced by the customer id), {@code
 *       recipient}: a username, {@code owner}, or empty for everyone
 * </ul>
 *
 * Local actions are retried {@code maxAttempts} times too (a coupon batch may be empty for a
 * while).
 */
public record AutomationAction(
    ActionKind kind,
    String url,
    String secret,
    Integer timeoutMs,
    Integer maxAttempts,
    String title,
    String note,
    Integer dueDays,
    String team,
    String assignTo,
    String tag,
    String value,
    String batch,
    String message,
    String recipient) {

  static final int DEFAULT_ATTEMPTS = 10;
  static final int DEFAULT_TIMEOUT_MS = 5000;

  int attempts() {
    return maxAttempts == null ? DEFAULT_ATTEMPTS : maxAttempts;
  }

  int timeout() {
    return timeoutMs == null ? DEFAULT_TIMEOUT_MS : timeoutMs;
  }

  /** A short description for the console and the run log. */
  String describe() {
    return switch (kind) {
      case WEBHOOK -> "webhook " + url;
      case TASK -> "task '" + title + "'" + (team == null ? "" : " (team " + team + ")");
      case TAG_ADD -> "add tag " + tag + (value == null ? "" : "=" + value);
      case TAG_REMOVE -> "remove tag " + tag;
      case COUPON -> "coupon from " + batch;
      case NOTIFY ->
          "notify " + (recipient == null || recipient.isBlank() ? "everyone" : recipient);
    };
  }
}
