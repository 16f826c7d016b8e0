package io.tagbase.security;

import static io.tagbase.security.Permission.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Who may call which URL: every console page and API endpoint mapped, in one place, to the one
 * permission it needs. Rules are tried in order and the first match decides; a URL no rule matches
 * is for administrators only (default deny). {@link SecurityConfig} installs these rules in the
 * filter chains, and a matrix test calls every endpoint with every role against them.
 *
 * <p>Data scope (a sales rep sees only their own customers) is not a URL question: services apply
 * it through {@link io.tagbase.privacy.CallerAccess}.
 */
public final class AccessPolicy {

  /** What a rule demands: nothing, a signed-in caller, or a permission. */
  public record Requirement(boolean open, Permission permission) {
    static final Requirement PUBLIC = new Requirement(true, null);
    static final Requirement SIGNED_IN = new Requirement(false, null);

    static Requirement of(Permission p) {
      return new Requirement(false, p);
    }

    public boolean allows(boolean authenticated, Set<Permission> held) {
      if (open) {
        return true;
      }
      return authenticated && (permission == null || held.contains(permission));
    }
  }

  /** One rule: HTTP methods (empty for any) and a path pattern (Spring's PathPattern syntax). */
  public record Rule(Set<String> methods, String pattern, Requirement requirement) {
    boolean matches(String method, PathContainer path) {
      return (methods.isEmpty() || methods.contains(method)) && parsed().matches(path);
    }

    PathPattern parsed() {
      return PathPatternParser.defaultInstance.parse(pattern);
    }
  }

  private static final Set<String> READS = Set.of("GET", "HEAD");
  private static final Set<String> ANY = Set.of();

  /** Rules of the REST API chain ({@code /api/**}, {@code /actuator/**}). */
  public static final List<Rule> API = api();

  /** Rules of the console chain (everything else but the tracking API). */
  public static final List<Rule> CONSOLE = console();

  private AccessPolicy() {}

  /** The rule that decides a request, if any rule matches (else: administrators only). */
  public static Optional<Rule> ruleFor(List<Rule> rules, String method, String path) {
    PathContainer container = PathContainer.parsePath(path);
    return rules.stream().filter(r -> r.matches(method, container)).findFirst();
  }

  /** Whether a caller holding {@code held} may make the request. */
  public static boolean allows(
      List<Rule> rules, String method, String path, boolean authenticated, Set<Permission> held) {
    return ruleFor(rules, method, path)
        .map(r -> r.requirement().allows(authenticated, held))
        .orElse(authenticated && held.contains(ADMIN_USERS));
  }

  private static List<Rule> api() {
    var r = new Rules();
    r.open(ANY, "/actuator/health", "/actuator/health/**");
    r.signedIn(READS, "/api/v1/me");
    // Customers: tags and segments of a customer belong to those features.
    r.read("/api/v1/customers/*/tags", TAGGING_READ);
    r.read("/api/v1/customers/*/tag-history", TAGGING_READ);
    r.write("/api/v1/customers/*/tags/**", TAGGING_WRITE);
    r.read("/api/v1/customers/*/segments", SEGMENTS_READ);
    r.rw("/api/v1/customers/*/consents/**", CUSTOMERS_READ, CUSTOMERS_WRITE);
    r.rw("/api/v1/customers/*/consents", CUSTOMERS_READ, CUSTOMERS_WRITE);
    r.add(Set.of("DELETE"), "/api/v1/customers/*", ERASE);
    r.rw("/api/v1/customers/**", CUSTOMERS_READ, CUSTOMERS_WRITE);
    r.rw("/api/v1/customers", CUSTOMERS_READ, CUSTOMERS_WRITE);
    r.rw("/api/v1/attributes/**", CUSTOMERS_READ, DATA_IN_WRITE);
    r.rw("/api/v1/events/**", DATA_IN_READ, DATA_IN_WRITE);
    r.rw("/api/v1/imports/**", DATA_IN_READ, DATA_IN_WRITE);
    r.signedIn(READS, "/api/v1/jobs/**");
    // Tags: rules and members under a tag belong to rules and tagging.
    r.rw("/api/v1/tags/*/rule/**", RULES_READ, RULES_WRITE);
    r.add(Set.of("POST"), "/api/v1/tags/*/template/*/preview", RULES_READ);
    r.rw("/api/v1/tags/*/template/**", RULES_READ, RULES_WRITE);
    r.rw("/api/v1/tags/*/template", RULES_READ, RULES_WRITE);
    r.add(ANY, "/api/v1/templates/**", RULES_WRITE);
    r.add(Set.of("POST"), "/api/v1/rules/**", RULES_READ);
    r.rw("/api/v1/tags/*/members/**", TAGGING_READ, TAGGING_WRITE);
    r.read("/api/v1/tags/*/history", TAGGING_READ);
    r.add(ANY, "/api/v1/tag-assignments/**", TAGGING_WRITE);
    r.rw("/api/v1/tags/**", TAGS_READ, TAGS_WRITE);
    r.rw("/api/v1/tag-categories/**", TAGS_READ, TAGS_WRITE);
    // Segments: counting is reading; exports and tagging a segment's members are their own rights.
    r.add(READS, "/api/v1/segments/exports/**", EXPORT);
    r.add(Set.of("POST"), "/api/v1/segments/*/exports", EXPORT);
    r.add(Set.of("POST"), "/api/v1/segments/count", SEGMENTS_READ);
    r.add(Set.of("POST"), "/api/v1/segments/preview", SEGMENTS_READ);
    r.add(Set.of("POST"), "/api/v1/segments/tag", TAGGING_WRITE);
    r.rw("/api/v1/segments/**", SEGMENTS_READ, SEGMENTS_WRITE);
    r.add(READS, "/api/v1/audit/**", AUDIT_READ);
    r.add(ANY, "/api/v1/api-keys/**", ADMIN_USERS);
    r.add(ANY, "/api/v1/users/**", ADMIN_USERS);
    r.add(ANY, "/api/v1/roles/**", ADMIN_USERS);
    // Areas built alongside: automations, tasks, coupons, notifications, analytics, governance.
    r.rw("/api/v1/automations/**", AUTOMATIONS_READ, AUTOMATIONS_WRITE);
    r.rw("/api/v1/coupons/**", AUTOMATIONS_READ, AUTOMATIONS_WRITE);
    r.rw("/api/v1/tasks/**", TASKS_READ, TASKS_WRITE);
    r.signedIn(ANY, "/api/v1/notifications/**");
    // changing what the dashboard shows, or taking a snapshot by hand: administrators
    r.add(Set.of("PUT"), "/api/v1/analytics/settings", ADMIN_USERS);
    r.add(Set.of("POST"), "/api/v1/analytics/snapshots", ADMIN_USERS);
    r.add(ANY, "/api/v1/analytics/**", ANALYTICS_READ);
    r.add(Set.of("POST", "PUT"), "/api/v1/governance/approvals/**", APPROVE);
    r.rw("/api/v1/governance/**", GOVERNANCE_READ, GOVERNANCE_WRITE);
    return r.list;
  }

  private static List<Rule> console() {
    var r = new Rules();
    r.open(
        ANY, "/login", "/webjars/**", "/_static/**", "/css/**", "/js/**", "/favicon.ico", "/error");
    r.signedIn(ANY, "/", "/logout");
    r.signedIn(
        READS,
        "/jobs/**",
        "/swagger-ui.html",
        "/swagger-ui/**",
        "/v3/api-docs/**",
        "/v3/api-docs.yaml");
    r.add(ANY, "/customers/*/tags/**", TAGGING_WRITE);
    r.add(Set.of("POST"), "/customers/*/erase", ERASE);
    r.rw("/customers/*/consents/**", CUSTOMERS_READ, CUSTOMERS_WRITE);
    r.rw("/customers/**", CUSTOMERS_READ, CUSTOMERS_WRITE);
    r.rw("/customers", CUSTOMERS_READ, CUSTOMERS_WRITE);
    r.rw("/attributes/**", CUSTOMERS_READ, DATA_IN_WRITE);
    r.rw("/attributes", CUSTOMERS_READ, DATA_IN_WRITE);
    r.rw("/imports/**", DATA_IN_READ, DATA_IN_WRITE);
    r.rw("/imports", DATA_IN_READ, DATA_IN_WRITE);
    r.add(ANY, "/bulk-tagging/**", TAGGING_WRITE);
    r.add(ANY, "/bulk-tagging", TAGGING_WRITE);
    r.add(Set.of("POST"), "/tags/*/rule/check", RULES_READ);
    r.rw("/tags/*/rule/**", RULES_READ, RULES_WRITE);
    r.add(Set.of("POST"), "/tags/*/template/preview", RULES_READ);
    r.rw("/tags/*/template/**", RULES_READ, RULES_WRITE);
    r.rw("/tags/*/template", RULES_READ, RULES_WRITE);
    r.add(ANY, "/templates/**", RULES_WRITE);
    r.add(ANY, "/rules/builder/**", RULES_READ);
    r.read("/tags/*/recent-changes", TAGGING_READ);
    r.rw("/tags/**", TAGS_READ, TAGS_WRITE);
    r.rw("/tags", TAGS_READ, TAGS_WRITE);
    r.add(READS, "/segments/exports/**", EXPORT);
    r.add(Set.of("POST"), "/segments/saved/*/export", EXPORT);
    r.add(Set.of("POST"), "/segments/tag", TAGGING_WRITE);
    r.rw("/segments/**", SEGMENTS_READ, SEGMENTS_WRITE);
    r.rw("/segments", SEGMENTS_READ, SEGMENTS_WRITE);
    r.add(READS, "/audit/**", AUDIT_READ);
    r.add(READS, "/audit", AUDIT_READ);
    for (String admin : List.of("/keys", "/users", "/roles")) {
      r.add(ANY, admin, ADMIN_USERS);
      r.add(ANY, admin + "/**", ADMIN_USERS);
    }
    for (String area : List.of("/automations", "/coupons")) {
      r.rw(area, AUTOMATIONS_READ, AUTOMATIONS_WRITE);
      r.rw(area + "/**", AUTOMATIONS_READ, AUTOMATIONS_WRITE);
    }
    r.rw("/tasks", TASKS_READ, TASKS_WRITE);
    r.rw("/tasks/**", TASKS_READ, TASKS_WRITE);
    r.signedIn(ANY, "/notifications", "/notifications/**");
    r.add(ANY, "/dashboard", ANALYTICS_READ);
    r.add(Set.of("POST"), "/analytics/settings", ADMIN_USERS);
    r.add(Set.of("PUT"), "/analytics/data/settings", ADMIN_USERS);
    r.add(Set.of("POST"), "/analytics/data/snapshots", ADMIN_USERS);
    r.add(ANY, "/analytics/**", ANALYTICS_READ);
    r.add(Set.of("POST"), "/governance/approvals/**", APPROVE);
    r.rw("/governance/**", GOVERNANCE_READ, GOVERNANCE_WRITE);
    r.rw("/governance", GOVERNANCE_READ, GOVERNANCE_WRITE);
    return r.list;
  }

  private static final class Rules {
    final List<Rule> list = new ArrayList<>();

    void open(Set<String> methods, String... patterns) {
      for (String p : patterns) {
        list.add(new Rule(methods, p, Requirement.PUBLIC));
      }
    }

    void signedIn(Set<String> methods, String... patterns) {
      for (String p : patterns) {
        list.add(new Rule(methods, p, Requirement.SIGNED_IN));
      }
    }

    void add(Set<String> methods, String pattern, Permission p) {
      list.add(new Rule(methods, pattern, Requirement.of(p)));
    }

    void read(String pattern, Permission p) {
      add(READS, pattern, p);
    }

    /** Reads need {@code read}, every other method {@code write}. */
    void rw(String pattern, Permission read, Permission write) {
      add(READS, pattern, read);
      add(Set.of("POST", "PUT", "PATCH", "DELETE"), pattern, write);
    }

    void write(String pattern, Permission p) {
      add(Set.of("POST", "PUT", "PATCH", "DELETE"), pattern, p);
    }
  }
}
