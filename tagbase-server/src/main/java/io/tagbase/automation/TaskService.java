package io.tagbase.automation;

import io.tagbase.customer.CustomerService;
import io.tagbase.privacy.AuditLog;
import io.tagbase.web.InvalidInputException;
import io.tagbase.web.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follow-up tasks for sales reps, and the sales teams tasks are shared out over. A user sees their
 * own tasks; a manager (an administrator) sees the whole team's. Thread-safe.
 */
@Service
public class TaskService {
  /** Which tasks to list: open ones, open ones due today or earlier, done ones, or all. */
  public enum View {
    OPEN,
    TODAY,
    DONE,
    ALL
  }

  private final JdbcTaskRepository repository;
  private final CustomerService customers;
  private final AuditLog audit;
  private final Clock clock;
  private final ZoneId zone;

  TaskService(
      JdbcTaskRepository repository,
      CustomerService customers,
      AuditLog audit,
      Clock clock,
      @Value("${tagbase.zone:Asia/Shanghai}") String zone) {
    this.repository = repository;
    this.customers = customers;
    this.audit = audit;
    this.clock = clock;
    this.zone = ZoneId.of(zone);
  }

  /**
   * Tasks in {@code view}: the viewer's own, or, for a manager, {@code assignee}'s (everyone's when
   * null). A non-manager asking for someone else's gets their own.
   */
  @Transactional(readOnly = true)
  public List<FollowUpTask> tasks(String viewer, boolean manager, String assignee, View view) {
    String who = manager ? blankToNull(assignee) : viewer;
    return switch (view) {
      case OPEN -> repository.list(who, "OPEN", null, 500);
      case TODAY -> repository.list(who, "OPEN", today(), 500);
      case DONE -> repository.list(who, "DONE", null, 500);
      case ALL -> repository.list(who, null, null, 500);
    };
  }

  /** Marks the task done; only its assignee or a manager may. 404 for a task they cannot see. */
  @Transactional
  public void done(long taskId, String user, boolean manager) {
    String assignee =
        repository
            .assigneeOf(taskId)
            .filter(a -> manager || a.equals(user))
            .orElseThrow(() -> new NotFoundException("No task " + taskId + " of yours."));
    if (repository.done(taskId, user, clock.instant())) {
      audit.record(user, "task.done", "task", Long.toString(taskId), "assignee " + assignee);
    }
  }

  @Transactional(readOnly = true)
  public Map<String, List<String>> teams() {
    return repository.teams();
  }

  /** Creates or replaces a team; every member must be a console user. 400 otherwise. */
  @Transactional
  public void saveTeam(String name, List<String> usernames, String actor) {
    String team = blankToNull(name);
    if (team == null || team.length() > 100) {
      throw new InvalidInputException("name", "A team needs a name (at most 100 characters).");
    }
    List<String> members =
        usernames == null
            ? List.of()
            : usernames.stream().map(String::trim).filter(u -> !u.isEmpty()).distinct().toList();
    if (members.isEmpty()) {
      throw new InvalidInputException("members", "A team needs at least one member.");
    }
    for (String u : members) {
      if (!repository.userExists(u)) {
        throw new InvalidInputException("members", "No console user '" + u + "'.");
      }
    }
    repository.saveTeam(team, members);
    audit.record(actor, "team.save", "team", team, String.join(",", members));
  }

  /** The customer's owner (their sales rep's username), if any. 404 for an unknown customer. */
  @Transactional(readOnly = true)
  public String owner(String customerExternalId) {
    return repository.owner(customers.get(customerExternalId).id()).orElse(null);
  }

  /** Sets or clears the customer's owner; the owner must be a console user. */
  @Transactional
  public void setOwner(String customerExternalId, String owner, String actor) {
    long id = customers.get(customerExternalId).id();
    String o = blankToNull(owner);
    if (o != null && !repository.userExists(o)) {
      throw new InvalidInputException("owner", "No console user '" + o + "'.");
    }
    repository.setOwner(id, o);
    audit.record(actor, "customer.owner", "customer", customerExternalId, String.valueOf(o));
  }

  LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), zone);
  }

  static View view(String s) {
    try {
      return s == null || s.isBlank() ? View.OPEN : View.valueOf(s.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("view", "view must be OPEN, TODAY, DONE or ALL.");
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
