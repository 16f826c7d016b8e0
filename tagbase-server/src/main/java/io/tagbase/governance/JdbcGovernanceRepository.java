package io.tagbase.governance;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads what other features store about tags (rules, templates, segments, automations) to find and
 * rewrite references, and stores governance's own tables (naming standards, merges).
 */
@Repository
class JdbcGovernanceRepository {
  /** A rule tag's stored rule: program FLAG has rule text, the others template JSON. */
  record StoredRule(
      String tagCode,
      String program,
      String definition,
      List<String> dependsOn,
      Instant lastEvaluatedAt,
      String lastError) {}

  record StoredSegment(String code, String nameZh, String nameEn, String conditionJson) {}

  record StoredAutomation(
      String code,
      String name,
      String triggerKind,
      String triggerTarget,
      String triggerCondition,
      String conditionText,
      String actionsJson) {}

  record StoredStandard(
      String categoryCode, String codePattern, boolean requireDescription, boolean requireOwner) {}

  record StoredMerge(
      long id,
      String keptCode,
      String mergedCodes,
      String status,
      String changesJson,
      String mergedBy,
      Instant mergedAt,
      Instant undoUntil,
      String undoneBy,
      Instant undoneAt) {}

  private final JdbcClient jdbc;

  JdbcGovernanceRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<StoredRule> rules() {
    return jdbc.sql(
            "select t.code, r.program, r.definition, r.depends_on, r.last_evaluated_at,"
                + " r.last_error from rule_tag r join tag t on t.id = r.tag_id order by t.code")
        .query(
            (rs, n) ->
                new StoredRule(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    split(rs.getString(4)),
                    instant(rs.getTimestamp(5)),
                    rs.getString(6)))
        .list();
  }

  List<StoredSegment> segments() {
    return jdbc.sql("select code, name_zh, name_en, condition_json from segment order by code")
        .query(StoredSegment.class)
        .list();
  }

  List<StoredAutomation> automations() {
    return jdbc.sql(
            "select code, name, trigger_kind, trigger_target, trigger_condition, condition_text,"
                + " actions_json from automation order by code")
        .query(StoredAutomation.class)
        .list();
  }

  void updateRule(String tagCode, String definition, List<String> dependsOn) {
    jdbc.sql(
            "update rule_tag set definition = :definition, depends_on = :deps, version = version"
                + " + 1 where tag_id = (select id from tag where code = :code)")
        .param("definition", definition)
        .param("deps", String.join(",", dependsOn))
        .param("code", tagCode)
        .update();
  }

  void updateSegment(String code, String conditionJson, Instant now) {
    jdbc.sql("update segment set condition_json = :condition, updated_at = :now where code = :code")
        .param("condition", conditionJson)
        .param("now", Timestamp.from(now))
        .param("code", code)
        .update();
  }

  void updateAutomation(StoredAutomation a, Instant now) {
    jdbc.sql(
            "update automation set trigger_target = :target, trigger_condition = :triggerCondition,"
                + " condition_text = :condition, actions_json = :actions, updated_at = :now"
                + " where code = :code")
        .param("target", a.triggerTarget(), java.sql.Types.VARCHAR)
        .param("triggerCondition", a.triggerCondition(), java.sql.Types.VARCHAR)
        .param("condition", a.conditionText(), java.sql.Types.VARCHAR)
        .param("actions", a.actionsJson())
        .param("now", Timestamp.from(now))
        .param("code", a.code())
        .update();
  }

  List<StoredStandard> standards() {
    return jdbc.sql(
            "select c.code as category_code, s.code_pattern, s.require_description, s.require_owner from"
                + " naming_standard s join tag_category c on c.id = s.category_id order by c.code")
        .query(StoredStandard.class)
        .list();
  }

  void saveStandard(long categoryId, StoredStandard s, String actor, Instant now) {
    jdbc.sql("delete from naming_standard where category_id = :id")
        .param("id", categoryId)
        .update();
    jdbc.sql(
            "insert into naming_standard (category_id, code_pattern, require_description,"
                + " require_owner, updated_by, updated_at) values (:id, :pattern, :description,"
                + " :owner, :actor, :now)")
        .param("id", categoryId)
        .param("pattern", s.codePattern(), java.sql.Types.VARCHAR)
        .param("description", s.requireDescription())
        .param("owner", s.requireOwner())
        .param("actor", actor)
        .param("now", Timestamp.from(now))
        .update();
  }

  void deleteStandard(long categoryId) {
    jdbc.sql("delete from naming_standard where category_id = :id")
        .param("id", categoryId)
        .update();
  }

  long insertMerge(
      String kept, String merged, String changesJson, String actor, Instant now, Instant until) {
    jdbc.sql(
            "insert into tag_merge (kept_code, merged_codes, status, changes_json, merged_by,"
                + " merged_at, undo_until) values (:kept, :merged, 'DONE', :changes, :actor, :now,"
                + " :until)")
        .param("kept", kept)
        .param("merged", merged)
        .param("changes", changesJson)
        .param("actor", actor)
        .param("now", Timestamp.from(now))
        .param("until", Timestamp.from(until))
        .update();
    return jdbc.sql("select max(id) from tag_merge where kept_code = :kept and merged_by = :actor")
        .param("kept", kept)
        .param("actor", actor)
        .query(Long.class)
        .single();
  }

  Optional<StoredMerge> merge(long id) {
    return jdbc.sql(MERGE_COLUMNS + " where id = :id")
        .param("id", id)
        .query(StoredMerge.class)
        .optional();
  }

  List<StoredMerge> merges(int limit) {
    return jdbc.sql(MERGE_COLUMNS + " order by id desc fetch first :limit rows only")
        .param("limit", limit)
        .query(StoredMerge.class)
        .list();
  }

  /** Marks the merge undone; false when someone else undid it first. */
  boolean markUndone(long id, String actor, Instant now) {
    return jdbc.sql(
                "update tag_merge set status = 'UNDONE', undone_by = :actor, undone_at = :now"
                    + " where id = :id and status = 'DONE'")
            .param("actor", actor)
            .param("now", Timestamp.from(now))
            .param("id", id)
            .update()
        == 1;
  }

  /** External ids of the tag's holders (with their value) who do not hold {@code other}. */
  List<String[]> holdersNotIn(String tag, String other) {
    return jdbc.sql(
            "select c.external_id, a.value_code from tag_assignment a join customer c on c.id ="
                + " a.customer_id where a.tag_id = (select id from tag where code = :tag) and not"
                + " exists (select 1 from tag_assignment o where o.customer_id = a.customer_id and"
                + " o.tag_id = (select id from tag where code = :other)) order by c.external_id")
        .param("tag", tag)
        .param("other", other)
        .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
        .list();
  }

  private static final String MERGE_COLUMNS =
      "select id, kept_code, merged_codes, status, changes_json, merged_by, merged_at,"
          + " undo_until, undone_by, undone_at from tag_merge";

  private static List<String> split(String s) {
    return s == null || s.isBlank() ? List.of() : Arrays.asList(s.split(","));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
