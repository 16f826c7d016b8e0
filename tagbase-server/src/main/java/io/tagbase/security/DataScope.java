package io.tagbase.security;

/** Which customers a role sees: all of them, or only those it owns ({@code customer.owner}). */
public enum DataScope {
  ALL,
  OWN_CUSTOMERS
}
