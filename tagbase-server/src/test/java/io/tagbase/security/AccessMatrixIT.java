package io.tagbase.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagbase.TestHttp;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Calls every endpoint Spring MVC maps (read from the handler mapping, so a new endpoint is covered
 * the day it is added) with every built-in role, as an API key or a logged-in console user, and
 * checks the answer against {@link AccessPolicy}: allowed calls are never 401/403 (nor 5xx, for
 * input that names nothing), denied ones are 403, anonymous ones 401 or sent to the login page. An
 * endpoint no rule names fails the build.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"tagbase.test.context=access-matrix", "tagbase.rate-limit.per-second=0"})
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIT {
  static final String PASSWORD = "matrix-password-123";

  @LocalServerPort int port;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  record Endpoint(String method, String pattern, String path) {
    boolean api() {
      return path.startsWith("/api/") || path.startsWith("/actuator/");
    }
  }

  final Map<Role, String> keys = new LinkedHashMap<>();
  final Map<Role, ConsoleClient> sessions = new LinkedHashMap<>();

  @BeforeAll
  void usersAndKeysForEveryRole() {
    var admin = TestHttp.withKey(port);
    for (Role role : Role.values()) {
      String name = "matrix-" + role.name().toLowerCase();
      var key =
          admin.post(
              "/api/v1/api-keys", "{\"name\":\"" + name + "\",\"role\":\"" + role.name() + "\"}");
      assertThat(key.status()).as(key.body()).isEqualTo(201);
      keys.put(role, key.json().get("secret").asString());
      var user =
          admin.post(
              "/api/v1/users",
              "{\"username\":\""
                  + name
                  + "\",\"role\":\""
                  + role.name()
                  + "\",\"password\":\""
                  + PASSWORD
                  + "\"}");
      assertThat(user.status()).as(user.body()).isEqualTo(201);
      sessions.put(role, ConsoleClient.login(port, name, PASSWORD));
    }
  }

  List<Endpoint> endpoints() {
    Set<String> seen = new TreeSet<>();
    List<Endpoint> all = new ArrayList<>();
    mappings
        .getHandlerMethods()
        .forEach(
            (info, handler) -> {
              var patterns = info.getPathPatternsCondition();
              if (patterns == null) {
                return;
              }
              Set<String> methods = new TreeSet<>();
              info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
              if (methods.isEmpty()) {
                methods.add("GET");
              }
              for (String pattern : patterns.getPatternValues()) {
                if (pattern.startsWith("/v1/") || pattern.equals("/error")) {
                  continue; // the tracking API authenticates by write key, /error is Spring's
                }
                for (String method : methods) {
                  if (seen.add(method + " " + pattern)) {
                    all.add(new Endpoint(method, pattern, sample(pattern)));
                  }
                }
              }
            });
    assertThat(all).hasSizeGreaterThan(100);
    return all;
  }

  /** Path variables filled with values that name nothing, so allowed calls change nothing. */
  static String sample(String pattern) {
    return pattern
        .replaceAll("\\{(id|jobId)}", "999999")
        .replaceAll("\\{\\*[^}]+}", "matrix-x")
        .replaceAll("\\{[^}]+}", "matrix-x");
  }

  @Test
  void everyEndpointIsNamedByARule() {
    List<String> unmapped = new ArrayList<>();
    for (Endpoint e : endpoints()) {
      var rules = e.api() ? AccessPolicy.API : AccessPolicy.CONSOLE;
      if (AccessPolicy.ruleFor(rules, e.method(), e.path()).isEmpty()) {
        unmapped.add(e.method() + " " + e.pattern());
      }
    }
    assertThat(unmapped).as("endpoints without an access rule in AccessPolicy").isEmpty();
  }

  @Test
  void everyRoleGetsExactlyWhatThePolicyAllows() {
    List<String> wrong = new ArrayList<>();
    for (Endpoint e : endpoints()) {
      for (Role role : Role.values()) {
        Set<Permission> held = EnumSet.noneOf(Permission.class);
        held.addAll(role.definition().permissions());
        var rules = e.api() ? AccessPolicy.API : AccessPolicy.CONSOLE;
        boolean allowed = AccessPolicy.allows(rules, e.method(), e.path(), true, held);
        int status = call(e, role);
        boolean denied = status == 403 || status == 401;
        if (allowed == denied || status >= 500) {
          wrong.add(role + " " + e.method() + " " + e.path() + " -> " + status);
        }
      }
    }
    assertThat(wrong).as("role x endpoint answers that contradict the policy").isEmpty();
  }

  @Test
  void anonymousCallersGetNothingButOpenPages() {
    List<String> wrong = new ArrayList<>();
    var api = TestHttp.anonymous(port);
    var console = ConsoleClient.anonymous(port);
    for (Endpoint e : endpoints()) {
      var rules = e.api() ? AccessPolicy.API : AccessPolicy.CONSOLE;
      if (AccessPolicy.allows(rules, e.method(), e.path(), false, Set.of())) {
        continue;
      }
      if (e.api()) {
        int status = apiCall(api, e);
        if (status != 401) {
          wrong.add(e.method() + " " + e.path() + " -> " + status);
        }
      } else {
        var page = console.send(e.method(), e.path(), e.method().equals("GET") ? null : "");
        boolean toLogin =
            page.status() == 302 && String.valueOf(page.location()).endsWith("/login");
        if (!toLogin && page.status() != 403 && page.status() != 401) {
          wrong.add(e.method() + " " + e.path() + " -> " + page.status());
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void policySpotChecks() {
    var analyst = EnumSet.copyOf(Role.ANALYST.definition().permissions());
    var sales = EnumSet.copyOf(Role.SALES_REP.definition().permissions());
    var compliance = EnumSet.copyOf(Role.COMPLIANCE.definition().permissions());
    assertThat(AccessPolicy.allows(AccessPolicy.API, "POST", "/api/v1/tags", true, analyst))
        .isFalse();
    assertThat(AccessPolicy.allows(AccessPolicy.API, "GET", "/api/v1/customers", true, sales))
        .isTrue();
    assertThat(AccessPolicy.allows(AccessPolicy.CONSOLE, "GET", "/keys", true, sales)).isFalse();
    assertThat(AccessPolicy.allows(AccessPolicy.CONSOLE, "GET", "/audit", true, compliance))
        .isTrue();
    assertThat(
            AccessPolicy.allows(
                AccessPolicy.API, "POST", "/api/v1/segments/s/exports", true, analyst))
        .isTrue();
    assertThat(AccessPolicy.allows(AccessPolicy.CONSOLE, "GET", "/unmapped-page", true, analyst))
        .isFalse();
  }

  private int call(Endpoint e, Role role) {
    if (e.api()) {
      return apiCall(new TestHttp(port, keys.get(role)), e);
    }
    var session = sessions.get(role);
    return session.send(e.method(), e.path(), e.method().equals("GET") ? null : "").status();
  }

  private static int apiCall(TestHttp http, Endpoint e) {
    return switch (e.method()) {
      case "GET" -> http.get(e.path()).status();
      case "DELETE" -> http.delete(e.path()).status();
      case "PUT" -> http.put(e.path(), "{}").status();
      default -> http.post(e.path(), "{}").status();
    };
  }
}
