package io.tagbase.automation;

import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** In-console notifications written by automations: a user's own and those to everyone. */
@Service
public class NotificationService {
  private final JdbcNotificationRepository repository;
  private final Clock clock;

  NotificationService(JdbcNotificationRepository repository, Clock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public List<Notification> of(String username, int limit) {
    return repository.of(username, limit);
  }

  @Transactional(readOnly = true)
  public int unread(String username) {
    return repository.unread(username);
  }

  @Transactional
  public void markRead(String username) {
    repository.markRead(username, clock.instant());
  }
}
