package io.tagbase.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

/**
 * Two filter chains. The REST API and actuator: stateless, API key only, problem-details 401/403,
 * no CSRF (no cookies are honoured there). The console and API docs: form login with a session and
 * CSRF protection; an API key also works for the API docs. Only health, the login page and static
 * assets are open.
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
  SecurityFilterChain tracking(HttpSecurity http) throws Exception {
    http.securityMatcher("/v1/**")
        .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .requestCache(cache -> cache.disable());
    return http.build();
  }

  @Bean
  @Order(1)
  SecurityFilterChain api(
      HttpSecurity http, ApiKeyService keys, ProblemResponses problems, RateLimiter limiter)
      throws Exception {
    http.securityMatcher("/api/**", "/actuator/**")
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers("/actuator/health", "/actuator/health/**")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .requestCache(cache -> cache.disable())
        .addFilterBefore(
            new ApiKeyFilter(keys, problems, limiter), UsernamePasswordAuthenticationFilter.class)
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
                                "This API key's role does not allow the request.")));
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain console(
      HttpSecurity http, ApiKeyService keys, ProblemResponses problems, RateLimiter limiter)
      throws Exception {
    http.authorizeHttpRequests(
            auth ->
                auth.requestMatchers(
                        "/login",
                        "/webjars/**",
                        "/_static/**",
                        "/css/**",
                        "/js/**",
                        "/favicon.ico",
                        "/error")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .addFilterBefore(
            new ApiKeyFilter(keys, problems, limiter), UsernamePasswordAuthenticationFilter.class)
        .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
        .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
        .headers(
            headers ->
                headers.contentSecurityPolicy(
                    csp ->
                        csp.policyDirectives(
                            "default-src 'self'; script-src 'self' 'unsafe-eval';"
                                + " style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
                                + " frame-ancestors 'none'")));
    return http.build();
  }
}
