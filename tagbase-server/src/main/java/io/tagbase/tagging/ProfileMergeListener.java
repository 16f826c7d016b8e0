package io.tagbase.tagging;

import io.tagbase.customer.CustomerErased;
import io.tagbase.customer.CustomersMerged;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps tags through a profile merge: in the merging transaction, the merged profile's tags move to
 * the kept one (where the kept one already has a tag, its own assignment and value stay) and its
 * tag history follows; after commit, the index is changed to match.
 */
@Repository
class ProfileMergeListener {
  private final JdbcClient jdbc;
  private final MembershipIndex index;

  ProfileMergeListener(JdbcClient jdbc, MembershipIndex index) {
    this.jdbc = jdbc;
    this.index = index;
  }

  @EventListener
  void on(CustomersMerged merge) {
    jdbc.sql(
            "update tag_assignment set customer_id = :kept where customer_id = :merged"
                + " and tag_id not in (select tag_id from tag_assignment where customer_id = :kept)")
        .param("kept", merge.keptId())
        .param("merged", merge.mergedId())
        .update();
    jdbc.sql("delete from tag_assignment where customer_id = :merged")
        .param("merged", merge.mergedId())
        .update();
    jdbc.sql("update tag_history set customer_id = :kept where customer_id = :merged")
        .param("kept", merge.keptId())
        .param("merged", merge.mergedId())
        .update();
    List<String[]> keptTags =
        jdbc.sql(
                "select t.code, a.value_code from tag_assignment a join tag t on t.id = a.tag_id"
                    + " where a.customer_id = :kept")
            .param("kept", merge.keptId())
            .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
            .list();
    AfterCommit.run(
        () -> {
          for (String[] tag : keptTags) {
            index.assigned(tag[0], tag[1], List.of(merge.keptExternalId()));
          }
        });
  }

  @TransactionalEventListener(fallbackExecution = true)
  void on(CustomerErased erased) {
    index.erased(erased.externalId());
  }
}
