package io.tagbase.automation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Automations, their actions stored as JSON. */
@Repository
class JdbcAutomationRepository {
  static final ObjectMapper JSON =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
  private static final String COLUMNS =
      "id, code, name, enabled, trigger_kind, trigger_target, trigger_value, trigger_condition,"
          + " schedule_time, condition_text, purpose, cap_count, cap_days, quiet_start, quiet_end,"
          + " actions_json, created_by, created_at, updated_at";

  private final JdbcClient jdbc;

  JdbcAutomationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<Automation> all() {
    return jdbc.sql("select " + COLUMNS + " from automation order by code")
        .query((rs, n) -> automation(rs))
        .list();
  }

  /** Enabled automations with this trigger kind and target (any target when null). */
  List<Automation> enabled(List<TriggerKind> kinds, String target) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from automation where enabled = true and trigger_kind in (:kinds)"
                + (target == null ? "" : " and trigger_target = :target")
                + " order by id")
        .param("kinds", kinds.stream().map(Enum::name).toList())
        .param("target", target, Types.VARCHAR)
        .query((rs, n) -> automation(rs))
        .list();
  }

  Optional<Automation> find(String code) {
    return jdbc.sql("select " + COLUMNS + " from automation where code = :code")
        .param("code", code)
        .query((rs, n) -> automation(rs))
        .optional();
  }

  Optional<Automation> find(long id) {
    return jdbc.sql("select " + COLUMNS + " from automation where id = :id")
        .param("id", id)
        .query((rs, n) -> automation(rs))
        .optional();
  }

  void insert(NewAutomation a, String actor, Instant now) {
    jdbc.sql(
            "insert into automation (code, name, enabled, trigger_kind, trigger_target,"
                + " trigger_value, trigger_condition, schedule_time, condition_text, purpose,"
                + " cap_count, cap_days, quiet_start, quiet_end, actions_json, created_by,"
                + " created_at, updated_at) values (:code, :name, :enabled, :kind, :target, :value,"
                + " :tcond, :time, :cond, :purpose, :capCount, :capDays, :qs, :qe, :actions, :by,"
                + " :now, :now)")
        .paramSource(params(a).addValue("by", actor).addValue("now", Timestamp.from(now)))
        .update();
  }

  void update(NewAutomation a, Instant now) {
    jdbc.sql(
            "update automation set name = :name, enabled = :enabled, trigger_kind = :kind,"
                + " trigger_target = :target, trigger_value = :value, trigger_condition = :tcond,"
                + " schedule_time = :time, condition_text = :cond, purpose = :purpose, cap_count ="
                + " :capCount, cap_days = :capDays, quiet_start = :qs, quiet_end = :qe,"
                + " actions_json = :actions, updated_at = :now where code = :code")
        .paramSource(params(a).addValue("now", Timestamp.from(now)))
        .update();
  }

  void setEnabled(String code, boolean enabled, Instant now) {
    jdbc.sql("update automation set enabled = :e, updated_at = :now where code = :code")
        .param("e", enabled)
        .param("now", Timestamp.from(now))
        .param("code", code)
        .update();
  }

  /**
   * Claims today's scheduled run: true for exactly one caller per automation and day, even across
   * instances sharing the database.
   */
  boolean claimScheduledRun(long id, LocalDate today) {
    return jdbc.sql(
                "update automation set last_scheduled = :today where id = :id"
                    + " and (last_scheduled is null or last_scheduled < :today)")
            .param("today", today)
            .param("id", id)
            .update()
        == 1;
  }

  private static org.springframework.jdbc.core.namedparam.MapSqlParameterSource params(
      NewAutomation a) {
    var p = new org.springframework.jdbc.core.namedparam.MapSqlParameterSource();
    p.addValue("code", a.code());
    p.addValue("name", a.name());
    p.addValue("enabled", a.enabled() == null || a.enabled());
    p.addValue("kind", a.trigger().kind().name());
    p.addValue("target", a.trigger().target(), Types.VARCHAR);
    p.addValue("value", a.trigger().value(), Types.VARCHAR);
    p.addValue("tcond", a.trigger().condition(), Types.VARCHAR);
    p.addValue("time", a.trigger().time(), Types.VARCHAR);
    p.addValue("cond", a.condition(), Types.VARCHAR);
    p.addValue("purpose", a.purpose(), Types.VARCHAR);
    p.addValue("capCount", a.capCount(), Types.INTEGER);
    p.addValue("capDays", a.capDays(), Types.INTEGER);
    p.addValue("qs", a.quietStart(), Types.VARCHAR);
    p.addValue("qe", a.quietEnd(), Types.VARCHAR);
    p.addValue("actions", JSON.writeValueAsString(a.actions()));
    return p;
  }

  private static Automation automation(ResultSet rs) throws SQLException {
    List<AutomationAction> actions =
        JSON.readValue(rs.getString("actions_json"), new TypeReference<>() {});
    return new Automation(
        rs.getLong("id"),
        rs.getString("code"),
        rs.getString("name"),
        rs.getBoolean("enabled"),
        new AutomationTrigger(
            TriggerKind.valueOf(rs.getString("trigger_kind")),
            rs.getString("trigger_target"),
            rs.getString("trigger_value"),
            rs.getString("trigger_condition"),
            rs.getString("schedule_time")),
        rs.getString("condition_text"),
        rs.getString("purpose"),
        (Integer) rs.getObject("cap_count", Integer.class),
        (Integer) rs.getObject("cap_days", Integer.class),
        rs.getString("quiet_start"),
        rs.getString("quiet_end"),
        actions,
        rs.getString("created_by"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant());
  }
}
