package io.tagbase.security;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Three filter chains. The tracking API: write keys, checked by its controller. The REST API and
 * actuator: stateless, API key only, problem-details 401/403, no CSRF (no cookies are honoured
 * there). The console and API docs: form login with a session and CSRF protection; an API key also
 * works for the API docs. Which permission each URL needs comes from {@link AccessPolicy}; a URL it
 * does not name is for administrators only.
 */
@Configuration
class SecurityConfig {

  @Bean
  PasswordEncoder passwordEncoder() {
    return new BCryptPasswordEncoder();
  }

  /**
   * The Segment-compatible tracking API authenticates by write key itself (in the body or as the
   * Basic user), as Segment's SDKs send it; no session, no CSRF.
   */
  @Bean
  @Order(0)
  SecurityFilterChain tracking(
      HttpSecurity http,
      ProblemResponses problems,
      @org.springframework.beans.factory.annotation.Value("${tagbase.max-json-bytes:5242880}")
          long maxJson)
      throws Exception {
    http.securityMatcher("/v1/**")
        .addFilterBefore(
            new RequestSizeLimit(maxJson, problems),
            org.springframework.security.web.context.SecurityContextHolderFilter.class)
        .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .requestCache(cache -> cache.disable())
        .headers(SecurityConfig::headers);
    return http.build();
  }

  @Bean
  @Order(1)
  SecurityFilterChain api(
      HttpSecurity http,
      ApiKeyService keys,
      ProblemResponses problems,
      RateLimiter limiter,
      RoleService roles,
      @org.springframework.beans.factory.annotation.Value("${tagbase.max-json-bytes:5242880}")
          long maxJson)
      throws Exception {
    http.securityMatcher("/api/**", "/actuator/**")
        .addFilterBefore(
            new RequestSizeLimit(maxJson, problems),
            org.springframework.security.web.context.SecurityContextHolderFilter.class)
        .authorizeHttpRequests(auth -> install(auth, AccessPolicy.API))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .requestCache(cache -> cache.disable())
        .headers(SecurityConfig::headers)
        .addFilterBefore(
            new ApiKeyFilter(keys, problems, limiter, roles),
            UsernamePasswordAuthenticationFilter.class)
        .exceptionHandling(
            e ->
                e.authenticationEntryPoint(
                        (request, response, ex) ->
                            problems.write(
                                response,
                                401,
                                "Unauthorized",
                                "An API key is required: send it in the X-Api-Key header or as"
                                    + " Authorization: Bearer <key>."))
                    .accessDeniedHandler(
                        (request, response, ex) ->
                            problems.write(
                                response,
                                403,
                                "Forbidden",
                                "This API key's role does not allow "
                                    + request.getMethod()
                                    + " "
                                    + request.getRequestURI()
                                    + "; an administrator can give the key a role that does.")));
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain console(
      HttpSecurity http,
      ApiKeyService keys,
      ProblemResponses problems,
      RateLimiter limiter,
      RoleService roles)
      throws Exception {
    http.authorizeHttpRequests(auth -> install(auth, AccessPolicy.CONSOLE))
        .addFilterBefore(
            new ApiKeyFilter(keys, problems, limiter, roles),
            UsernamePasswordAuthenticationFilter.class)
        .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
        .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
        .headers(
            headers ->
                headers(headers)
                    .contentSecurityPolicy(
                        csp ->
                            csp.policyDirectives(
                                "default-src 'self'; script-src 'self' 'unsafe-eval';"
                                    + " style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
                                    + " frame-ancestors 'none'; form-action 'self';"
                                    + " base-uri 'self'; object-src 'none'")));
    return http.build();
  }

  /** Headers on every answer: no sniffing, no framing, no referrer leaks, HSTS over HTTPS. */
  private static org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<
          HttpSecurity>
      headers(
          org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<
                  HttpSecurity>
              headers) {
    return headers
        .contentTypeOptions(Customizer.withDefaults())
        .frameOptions(f -> f.deny())
        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
        .httpStrictTransportSecurity(h -> h.includeSubDomains(true).maxAgeInSeconds(31536000))
        .permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=()"));
  }

  private static void install(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth,
      List<AccessPolicy.Rule> rules) {
    for (AccessPolicy.Rule rule : rules) {
      List<HttpMethod> methods =
          rule.methods().isEmpty()
              ? java.util.Collections.singletonList(null)
              : rule.methods().stream().sorted().map(HttpMethod::valueOf).toList();
      for (HttpMethod method : methods) {
        var matched =
            method == null
                ? auth.requestMatchers(rule.pattern())
                : auth.requestMatchers(method, rule.pattern());
        var requirement = rule.requirement();
        if (requirement.open()) {
          matched.permitAll();
        } else if (requirement.permission() == null) {
          matched.authenticated();
        } else {
          matched.hasAuthority(requirement.permission().authority());
        }
      }
    }
    auth.anyRequest().hasAuthority(Permission.ADMIN_USERS.authority());
  }
}
