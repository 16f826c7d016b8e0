package io.tagbase.privacy;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit log: logins, views of personal data, exports, and changes of tags, segments, keys and
 * users. Append-only: there is no update or delete. A record is written in its own transaction, so
 * an attempt that fails afterwards is still on record. Thread-safe; one insert per record.
 */
@Service
public class AuditLog {
  private final JdbcAuditRepository repository;
  private final Clock clock;

  AuditLog(JdbcAuditRepository repository, Clock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void record(
      String actor, String action, String targetType, String targetId, String detail) {
    repository.insert(
        clock.instant(),
        actor == null ? "anonymous" : actor,
        action,
        targetType,
        targetId,
        truncate(detail),
        remoteAddr());
  }

  /** Newest first, filtered by whatever is given (null for any). */
  @Transactional(readOnly = true)
  public List<AuditEntry> search(String actor, String action, Instant from, Instant to, int limit) {
    return repository.search(actor, action, from, to, limit);
  }

  private static String truncate(String s) {
    return s == null || s.length() <= 2000 ? s : s.substring(0, 2000);
  }

  private static String remoteAddr() {
    if (RequestContextHolder.getRequestAttributes()
        instanceof ServletRequestAttributes attributes) {
      HttpServletRequest request = attributes.getRequest();
      return request.getRemoteAddr();
    }
    return null;
  }
}
