package io.tagbase.privacy;

/** A customer's answer for one purpose. No record at all means they have not refused. */
public enum ConsentStatus {
  GRANTED,
  REFUSED
}
