package io.tagbase.web;

/**
 * A change was not made but kept as a request for an approver (governance's approvals): the API
 * answers 202 Accepted with the request's id and where to read it, the console says so. Not an
 * error: nothing is wrong with the input.
 */
public class ChangeAwaitsApproval extends RuntimeException {
  private final long requestId;
  private final String tagCode;
  private final String location;
  private final String messageKey;

  /**
   * @param location the API path of the request
   * @param messageKey the console's text for it, with arguments {0} request id and {1} tag code
   * @param message what happened, in English (the API's language)
   */
  public ChangeAwaitsApproval(
      long requestId, String tagCode, String location, String messageKey, String message) {
    super(message);
    this.requestId = requestId;
    this.tagCode = tagCode;
    this.location = location;
    this.messageKey = messageKey;
  }

  /** The message key and its arguments, for the console's language. */
  public String messageKey() {
    return messageKey;
  }

  public Object[] messageArgs() {
    return new Object[] {String.valueOf(requestId), tagCode};
  }

  public long requestId() {
    return requestId;
  }

  public String tagCode() {
    return tagCode;
  }

  public String location() {
    return location;
  }
}
