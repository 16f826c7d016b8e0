package io.tagbase.security;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a role may do: read or write per feature, plus the cross-cutting rights. A caller holds each
 * of its role's permissions as the Spring authority {@code PERM_<name>}; {@link AccessPolicy} maps
 * every URL to the one permission it needs.
 */
public enum Permission {
  CUSTOMERS_READ,
  CUSTOMERS_WRITE,
  TAGS_READ,
  TAGS_WRITE,
  TAGGING_READ,
  TAGGING_WRITE,
  RULES_READ,
  RULES_WRITE,
  SEGMENTS_READ,
  SEGMENTS_WRITE,
  DATA_IN_READ,
  DATA_IN_WRITE,
  AUTOMATIONS_READ,
  AUTOMATIONS_WRITE,
  TASKS_READ,
  TASKS_WRITE,
  ANALYTICS_READ,
  GOVERNANCE_READ,
  GOVERNANCE_WRITE,
  AUDIT_READ,
  /** Download customer lists (segment exports, reports). */
  EXPORT,
  /** See personal data (phone, e-mail, fields flagged PII) unmasked. */
  SEE_PII,
  /** See tags marked sensitive or restricted. */
  SEE_SENSITIVE_TAGS,
  /** Approve governed changes. */
  APPROVE,
  /** Erase a customer everywhere (right to be forgotten). */
  ERASE,
  /** Manage users, roles and keys. */
  ADMIN_USERS;

  public static final String PREFIX = "PERM_";

  public String authority() {
    return PREFIX + name();
  }

  static Set<Permission> all() {
    return EnumSet.allOf(Permission.class);
  }
}
