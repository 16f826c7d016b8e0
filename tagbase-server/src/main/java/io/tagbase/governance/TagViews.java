package io.tagbase.governance;

import io.tagbase.taxonomy.TagActivity;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Counts a successful GET of a tag's own pages and reads as a view of that tag: the console's tag,
 * rule, template and chart pages, and {@code GET /api/v1/tags/{code}} with its members, history,
 * rule, template and analytics reads. Matched on the request's route pattern (a {@code {code}}
 * right after {@code /tags/}), so no controller needs to know; governance's own pages about a tag
 * are not views. Cost per matching request: one pattern match and a map lookup.
 */
@Configuration
class TagViews implements WebMvcConfigurer, HandlerInterceptor {
  private static final Pattern TAG_ROUTE =
      Pattern.compile("^(/api/v1)?(/analytics(/data)?)?/tags/\\{code}(/.*)?$");

  private final TagActivity activity;

  TagViews(TagActivity activity) {
    this.activity = activity;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry
        .addInterceptor(this)
        .addPathPatterns("/tags/**", "/api/v1/tags/**", "/analytics/**", "/api/v1/analytics/**");
  }

  @Override
  public void afterCompletion(
      HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
    if (!"GET".equals(request.getMethod()) || response.getStatus() >= 400 || ex != null) {
      return;
    }
    Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
    if (pattern == null || !TAG_ROUTE.matcher(pattern.toString()).matches()) {
      return;
    }
    if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE)
        instanceof Map<?, ?> variables) {
      Object code = variables.get("code");
      if (code != null) {
        activity.viewed(code.toString());
      }
    }
  }
}
