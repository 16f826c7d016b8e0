package io.tagbase.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request by an API key in {@code X-Api-Key} or {@code Authorization: Bearer}. A
 * request without a key passes through unauthenticated (the chain then answers 401); a wrong key is
 * answered 401 at once.
 */
class ApiKeyFilter extends OncePerRequestFilter {
  static final String HEADER = "X-Api-Key";

  private final ApiKeyService keys;
  private final ProblemResponses problems;
  private final RateLimiter limiter;
  private final RoleService roles;

  ApiKeyFilter(
      ApiKeyService keys, ProblemResponses problems, RateLimiter limiter, RoleService roles) {
    this.roles = roles;
    this.keys = keys;
    this.problems = problems;
    this.limiter = limiter;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String secret = presentedSecret(request);
    if (secret == null) {
      chain.doFilter(request, response);
      return;
    }
    var key = keys.authenticate(secret);
    if (key.isEmpty()) {
      problems.write(
          response,
          401,
          "Unauthorized",
          "The API key is not valid or has been revoked. Send a valid key in the X-Api-Key header.");
      return;
    }
    if (!limiter.tryAcquire(key.get().name())) {
      response.setHeader("Retry-After", "1");
      problems.write(
          response,
          429,
          "Too Many Requests",
          "This API key is sending too fast; retry after a second.");
      return;
    }
    var authentication =
        UsernamePasswordAuthenticationToken.authenticated(
            "api-key:" + key.get().name(),
            null,
            roles
                .find(key.get().role())
                .map(r -> Authorities.of(r, key.get().actsAs()))
                .orElse(List.of()));
    var context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(authentication);
    SecurityContextHolder.setContext(context);
    try {
      chain.doFilter(request, response);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  private static String presentedSecret(HttpServletRequest request) {
    String header = request.getHeader(HEADER);
    if (header != null && !header.isBlank()) {
      return header.trim();
    }
    String authorization = request.getHeader("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      String token = authorization.substring(7).trim();
      return token.isEmpty() ? null : token;
    }
    return null;
  }
}
