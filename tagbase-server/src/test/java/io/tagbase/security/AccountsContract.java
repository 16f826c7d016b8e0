package io.tagbase.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tagbase.customer.CustomerService;
import io.tagbase.customer.NewCustomer;
import io.tagbase.web.ConflictException;
import io.tagbase.web.InvalidInputException;
import io.tagbase.web.NotFoundException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Users, custom roles and the sales rep's data scope against the database. Run on H2 and on a real
 * PostgreSQL.
 */
abstract class AccountsContract {
  @Autowired UserService users;
  @Autowired RoleService roles;
  @Autowired CustomerService customers;
  @Autowired io.tagbase.taxonomy.TaxonomyService taxonomy;
  @Autowired io.tagbase.tagging.TaggingService tagging;
  @Autowired io.tagbase.segment.SegmentLibrary library;
  @Autowired io.tagbase.segment.SegmentInsights insights;

  @AfterEach
  void signOut() {
    SecurityContextHolder.clearContext();
  }

  private void signIn(String user, RoleDefinition role) {
    var context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(user, null, Authorities.of(role, user)));
    SecurityContextHolder.setContext(context);
  }

  @Test
  void customRoleIsSavedChangedAndDeletedWhenUnused() {
    roles.save(
        "REGION_LEAD", "区域主管", "Region lead", "OWN_CUSTOMERS", List.of("CUSTOMERS_READ"), "t");
    assertThat(roles.find("REGION_LEAD").orElseThrow().scope()).isEqualTo(DataScope.OWN_CUSTOMERS);
    roles.save("REGION_LEAD", "区域主管", null, "ALL", List.of("CUSTOMERS_READ", "EXPORT"), "t");
    var changed = roles.find("REGION_LEAD").orElseThrow();
    assertThat(changed.permissions())
        .containsExactlyInAnyOrder(Permission.CUSTOMERS_READ, Permission.EXPORT);
    assertThat(changed.nameEn()).isEqualTo("区域主管");
    users.create("lead.one", "Lead", "REGION_LEAD", "lead-password-123", "t");
    assertThatThrownBy(() -> roles.delete("REGION_LEAD", "t"))
        .isInstanceOf(ConflictException.class);
    users.update("lead.one", null, "ANALYST", null, "t");
    roles.delete("REGION_LEAD", "t");
    assertThat(roles.find("REGION_LEAD")).isEmpty();
  }

  @Test
  void builtInRolesCannotBeChangedAndUnknownPermissionsAreRefused() {
    assertThatThrownBy(() -> roles.save("ADMIN", "x", "x", "ALL", List.of("EXPORT"), "t"))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> roles.save("NEW_ONE", "x", "x", "ALL", List.of("FLY"), "t"))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void lastAdministratorCannotBeDisabledButAnotherCanTakeOver() {
    assertThatThrownBy(() -> users.update("admin", null, null, false, "t"))
        .isInstanceOf(ConflictException.class);
    users.create("admin.two", null, "ADMIN", "admin-two-password", "t");
    var disabled = users.update("admin", null, null, false, "t");
    assertThat(disabled.enabled()).isFalse();
    users.update("admin", null, null, true, "t");
  }

  @Test
  void salesRepSearchesAndReadsOnlyOwnedCustomers() {
    users.create("rep.scope", null, "SALES_REP", "rep-password-1234", "t");
    for (String id : List.of("sc-1", "sc-2", "sc-3")) {
      customers.create(NewCustomer.withId(id, "范围客户"));
    }
    customers.assignOwner("sc-1", "rep.scope", "t");
    customers.assignOwner("sc-2", "rep.scope", "t");
    assertThatThrownBy(() -> customers.assignOwner("sc-3", "nobody.at.all", "t"))
        .isInstanceOf(InvalidInputException.class);

    signIn("rep.scope", Role.SALES_REP.definition());
    var page = customers.search("范围", 0, 10);
    assertThat(page.total()).isEqualTo(2);
    assertThat(page.items()).extracting(c -> c.externalId()).containsExactly("sc-1", "sc-2");
    assertThat(customers.count()).isEqualTo(2);
    assertThatThrownBy(() -> customers.get("sc-3")).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> customers.assignOwner("sc-1", null, "rep.scope"))
        .isInstanceOf(InvalidInputException.class);
    assertThat(customers.ownedBy("rep.scope")).containsExactly("sc-1", "sc-2");
  }

  @Test
  void salesRepSeesSegmentInsightOverOwnedCustomersOnly() {
    users.create("rep.insight", null, "SALES_REP", "rep-password-1234", "t");
    taxonomy.createCategory(
        new io.tagbase.taxonomy.NewCategory("scope_cat", null, "范围", "Scope", 1));
    taxonomy.createTag(
        io.tagbase.taxonomy.NewTag.flag("scope_tag", "scope_cat", "范围标签", "Scope tag", null, null),
        "t");
    for (String id : List.of("si-1", "si-2", "si-3")) {
      customers.create(NewCustomer.withId(id, "洞察客户"));
      tagging.assign(
          id,
          "scope_tag",
          io.tagbase.tagging.AssignOptions.NONE,
          io.tagbase.tagging.AssignmentSource.MANUAL,
          "t");
    }
    customers.assignOwner("si-1", "rep.insight", "t");
    var segment =
        library.create(
            new io.tagbase.segment.NewSegment(
                "scope_seg",
                "范围人群",
                "Scope segment",
                null,
                io.tagbase.segment.SegmentKind.DYNAMIC,
                java.util.Map.of("tag", "scope_tag")),
            "t");
    assertThat(insights.insight(segment).size()).isEqualTo(3);

    signIn("rep.insight", Role.SALES_REP.definition());
    var insight = insights.insight(library.get("scope_seg"));
    assertThat(insight.size()).isEqualTo(1);
    assertThat(insight.topValues().get("city"))
        .extracting(io.tagbase.segment.ValueCount::count)
        .containsExactly(1L);
  }
}
