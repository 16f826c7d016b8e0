package io.tagbase.automation;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Follow-up tasks, sales teams (round robin) and customer owners. */
@Repository
class JdbcTaskRepository {
  private final JdbcClient jdbc;

  JdbcTaskRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<String> owner(long customerId) {
    return jdbc.sql("select owner from customer where id = :id")
        .param("id", customerId)
        .query(String.class)
        .optional();
  }

  void setOwner(long customerId, String owner) {
    jdbc.sql("update customer set owner = :o where id = :id")
        .param("o", owner, Types.VARCHAR)
        .param("id", customerId)
        .update();
  }

  /**
   * The team's next member by round robin, moving the team's cursor in the caller's transaction
   * (the row lock makes concurrent callers take turns); empty when the team has no members.
   */
  Optional<String> nextMember(String team) {
    List<String> members = members(team);
    Optional<Integer> cursor =
        jdbc.sql("select next_member from sales_team where name = :t for update")
            .param("t", team)
            .query(Integer.class)
            .optional();
    if (members.isEmpty() || cursor.isEmpty()) {
      return Optional.empty();
    }
    int at = Math.floorMod(cursor.get(), members.size());
    jdbc.sql("update sales_team set next_member = :n where name = :t")
        .param("n", (at + 1) % members.size())
        .param("t", team)
        .update();
    return Optional.of(members.get(at));
  }

  List<String> members(String team) {
    return jdbc.sql(
            "select username from sales_team_member where team_name = :t order by position,"
                + " username")
        .param("t", team)
        .query(String.class)
        .list();
  }

  Map<String, List<String>> teams() {
    Map<String, List<String>> teams = new TreeMap<>();
    jdbc.sql("select name from sales_team order by name")
        .query(String.class)
        .list()
        .forEach(t -> teams.put(t, members(t)));
    return teams;
  }

  /** Creates or replaces the team's members (in order); the round robin starts over. */
  void saveTeam(String team, List<String> usernames) {
    if (jdbc.sql("update sales_team set next_member = 0 where name = :t").param("t", team).update()
        == 0) {
      jdbc.sql("insert into sales_team (name, next_member) values (:t, 0)")
          .param("t", team)
          .update();
    }
    jdbc.sql("delete from sales_team_member where team_name = :t").param("t", team).update();
    for (int i = 0; i < usernames.size(); i++) {
      jdbc.sql("insert into sales_team_member (team_name, username, position) values (:t, :u, :p)")
          .param("t", team)
          .param("u", usernames.get(i))
          .param("p", i)
          .update();
    }
  }

  boolean userExists(String username) {
    return jdbc.sql("select count(*) from app_user where username = :u")
            .param("u", username)
            .query(Integer.class)
            .single()
        > 0;
  }

  void insert(
      String idemKey,
      long automationId,
      long customerId,
      String assignee,
      String title,
      String note,
      LocalDate due,
      Instant now) {
    jdbc.sql(
            "insert into follow_up_task (idem_key, automation_id, customer_id, assignee, title,"
                + " note, due_date, status, created_at) values (:k, :a, :c, :u, :t, :n, :d,"
                + " 'OPEN', :now)")
        .param("k", idemKey)
        .param("a", automationId)
        .param("c", customerId)
        .param("u", assignee)
        .param("t", title)
        .param("n", note, Types.VARCHAR)
        .param("d", due)
        .param("now", Timestamp.from(now))
        .update();
  }

  /**
   * Tasks of {@code assignee} (everyone's when null), with status OPEN/DONE (any when null), due on
   * or before {@code dueBy} when given; open first by due date, then newest done.
   */
  List<FollowUpTask> list(String assignee, String status, LocalDate dueBy, int limit) {
    return jdbc.sql(
            "select t.id, a.code, c.external_id, c.display_name, t.assignee, t.title, t.note,"
                + " t.due_date, t.status, t.created_at, t.done_at, t.done_by from follow_up_task t"
                + " join customer c on c.id = t.customer_id"
                + " left join automation a on a.id = t.automation_id where 1 = 1"
                + (assignee == null ? "" : " and t.assignee = :u")
                + (status == null ? "" : " and t.status = :s")
                + (dueBy == null ? "" : " and t.due_date <= :d")
                + " order by t.status desc, t.due_date, t.id desc limit :limit")
        .param("u", assignee, Types.VARCHAR)
        .param("s", status, Types.VARCHAR)
        .param("d", dueBy, Types.DATE)
        .param("limit", limit)
        .query(
            (rs, n) ->
                new FollowUpTask(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getDate(8).toLocalDate(),
                    rs.getString(9),
                    rs.getTimestamp(10).toInstant(),
                    rs.getTimestamp(11) == null ? null : rs.getTimestamp(11).toInstant(),
                    rs.getString(12)))
        .list();
  }

  Optional<String> assigneeOf(long taskId) {
    return jdbc.sql("select assignee from follow_up_task where id = :id")
        .param("id", taskId)
        .query(String.class)
        .optional();
  }

  boolean done(long taskId, String by, Instant now) {
    return jdbc.sql(
                "update follow_up_task set status = 'DONE', done_at = :now, done_by = :by"
                    + " where id = :id and status = 'OPEN'")
            .param("now", Timestamp.from(now))
            .param("by", by)
            .param("id", taskId)
            .update()
        == 1;
  }

  int countFor(String idemKey) {
    return jdbc.sql("select count(*) from follow_up_task where idem_key = :k")
        .param("k", idemKey)
        .query(Integer.class)
        .single();
  }
}
