package io.tagbase.security;

import static io.tagbase.security.Permission.*;

import java.util.EnumSet;
import java.util.Set;

/**
 * The built-in roles. Their permissions are fixed here (custom roles, made of any permissions, are
 * stored in {@code app_role}); a user or API key holds one role by its code.
 */
public enum Role {
  ADMIN("管理员", "Administrator", DataScope.ALL, Permission.all()),
  TAG_ADMIN(
      "标签管理员",
      "Tag administrator",
      DataScope.ALL,
      EnumSet.of(
          CUSTOMERS_READ,
          TAGS_READ,
          TAGS_WRITE,
          TAGGING_READ,
          TAGGING_WRITE,
          RULES_READ,
          RULES_WRITE,
          SEGMENTS_READ,
          DATA_IN_READ,
          ANALYTICS_READ,
          GOVERNANCE_READ,
          GOVERNANCE_WRITE,
          SEE_SENSITIVE_TAGS,
          APPROVE)),
  ANALYST(
      "分析师",
      "Analyst",
      DataScope.ALL,
      EnumSet.of(
          CUSTOMERS_READ,
          TAGS_READ,
          TAGGING_READ,
          RULES_READ,
          SEGMENTS_READ,
          SEGMENTS_WRITE,
          DATA_IN_READ,
          ANALYTICS_READ,
          GOVERNANCE_READ,
          EXPORT)),
  MARKETER(
      "营销人员",
      "Marketer",
      DataScope.ALL,
      EnumSet.of(
          CUSTOMERS_READ,
          TAGS_READ,
          TAGGING_READ,
          TAGGING_WRITE,
          SEGMENTS_READ,
          SEGMENTS_WRITE,
          AUTOMATIONS_READ,
          AUTOMATIONS_WRITE,
          TASKS_READ,
          ANALYTICS_READ,
          EXPORT)),
  SALES_REP(
      "销售",
      "Sales rep",
      DataScope.OWN_CUSTOMERS,
      // No CUSTOMERS_WRITE: an upsert can resolve to any customer by phone or e-mail.
      EnumSet.of(
          CUSTOMERS_READ,
          TAGS_READ,
          TAGGING_READ,
          TAGGING_WRITE,
          SEGMENTS_READ,
          TASKS_READ,
          TASKS_WRITE,
          SEE_PII)),
  COMPLIANCE(
      "合规专员",
      "Compliance officer",
      DataScope.ALL,
      EnumSet.of(
          CUSTOMERS_READ,
          TAGS_READ,
          TAGGING_READ,
          SEGMENTS_READ,
          AUDIT_READ,
          SEE_PII,
          SEE_SENSITIVE_TAGS,
          ERASE));

  private final String nameZh;
  private final String nameEn;
  private final DataScope scope;
  private final Set<Permission> permissions;

  Role(String nameZh, String nameEn, DataScope scope, Set<Permission> permissions) {
    this.nameZh = nameZh;
    this.nameEn = nameEn;
    this.scope = scope;
    this.permissions = Set.copyOf(permissions);
  }

  public String authority() {
    return "ROLE_" + name();
  }

  public RoleDefinition definition() {
    return new RoleDefinition(name(), nameZh, nameEn, scope, permissions, true);
  }

  static boolean isBuiltIn(String code) {
    for (Role r : values()) {
      if (r.name().equals(code)) {
        return true;
      }
    }
    return false;
  }
}
