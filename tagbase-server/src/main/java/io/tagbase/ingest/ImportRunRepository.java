package io.tagbase.ingest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class ImportRunRepository {
  private final JdbcClient jdbc;

  ImportRunRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(
      ImportKind kind,
      String fileName,
      String path,
      String sha256,
      String format,
      int totalRows,
      String actor,
      Instant now) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into import_run (kind, file_name, file_path, sha256, file_format, total_rows,"
                + " status, created_by, created_at, updated_at) values (:kind, :name, :path, :sha,"
                + " :format, :total, 'UPLOADED', :actor, :now, :now)")
        .param("kind", kind.name())
        .param("name", fileName)
        .param("path", path)
        .param("sha", sha256)
        .param("format", format)
        .param("total", totalRows)
        .param("actor", actor)
        .param("now", Timestamp.from(now))
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  Optional<ImportRun> find(long id) {
    return jdbc.sql("select * from import_run where id = :id")
        .param("id", id)
        .query(ImportRunRepository::map)
        .optional();
  }

  List<ImportRun> recent(int limit) {
    return jdbc.sql("select * from import_run order by id desc limit :limit")
        .param("limit", limit)
        .query(ImportRunRepository::map)
        .list();
  }

  /**
   * Marks the run started with this mapping if it is still {@code from}; a resume keeps its
   * checkpoint. False when another caller (or another instance) changed it first: the conditional
   * update is the claim, so two instances never run the same import.
   */
  boolean start(
      long id,
      String mapping,
      boolean allOrNothing,
      boolean resume,
      ImportStatus from,
      Instant now) {
    return jdbc.sql(
                "update import_run set status = 'RUNNING', mapping = :mapping, all_or_nothing = :aon,"
                    + " message = null, updated_at = :now"
                    + (resume ? "" : ", committed_line = 0, committed_rows = 0")
                    + " where id = :id and status = :from")
            .param("mapping", mapping)
            .param("aon", allOrNothing)
            .param("now", Timestamp.from(now))
            .param("id", id)
            .param("from", from.name())
            .update()
        == 1;
  }

  /** The interrupted imports, oldest first. */
  List<ImportRun> interrupted() {
    return jdbc.sql("select * from import_run where status = 'INTERRUPTED' order by id")
        .query(ImportRunRepository::map)
        .list();
  }

  /** Replaces an interrupted import's message; does nothing once it has moved on. */
  void noteInterrupted(long id, String message, Instant now) {
    jdbc.sql(
            "update import_run set message = :message, updated_at = :now"
                + " where id = :id and status = 'INTERRUPTED'")
        .param("message", message)
        .param("now", Timestamp.from(now))
        .param("id", id)
        .update();
  }

  void attachJob(long id, long jobId) {
    jdbc.sql("update import_run set job_id = :job where id = :id")
        .param("job", jobId)
        .param("id", id)
        .update();
  }

  /** Records progress; called in the same transaction as the rows it covers. */
  void checkpoint(long id, int line, int addedRows, Instant now) {
    jdbc.sql(
            "update import_run set committed_line = :line, committed_rows = committed_rows +"
                + " :added, updated_at = :now where id = :id")
        .param("line", line)
        .param("added", addedRows)
        .param("now", Timestamp.from(now))
        .param("id", id)
        .update();
  }

  void finish(long id, ImportStatus status, String message, Instant now) {
    jdbc.sql(
            "update import_run set status = :status, message = :message, updated_at = :now"
                + " where id = :id")
        .param("status", status.name())
        .param("message", message)
        .param("now", Timestamp.from(now))
        .param("id", id)
        .update();
  }

  /**
   * Marks INTERRUPTED every RUNNING import last touched before {@code before} whose job no live
   * instance runs: the job is not RUNNING, its heartbeat is older than {@code aliveSince}, or
   * {@code restarted} (this instance, at start-up; null otherwise) owned it. One that another
   * instance claimed since, or is still running (its job beats), is left to it. Returns how many.
   */
  int interruptRunning(
      String message, Instant before, Instant aliveSince, String restarted, Instant now) {
    return jdbc.sql(
            "update import_run set status = 'INTERRUPTED', message = :message, updated_at = :now"
                + " where status = 'RUNNING' and updated_at < :before and not exists (select 1"
                + " from job j where j.id = import_run.job_id and j.status = 'RUNNING'"
                + " and j.heartbeat_at >= :alive"
                + " and (j.owner is null or :restarted is null or j.owner <> :restarted))")
        .param("message", message)
        .param("before", Timestamp.from(before))
        .param("alive", Timestamp.from(aliveSince))
        .param("restarted", restarted, java.sql.Types.VARCHAR)
        .param("now", Timestamp.from(now))
        .update();
  }

  private static ImportRun map(ResultSet rs, int row) throws SQLException {
    return new ImportRun(
        rs.getLong("id"),
        ImportKind.valueOf(rs.getString("kind")),
        rs.getString("file_name"),
        rs.getString("file_path"),
        rs.getString("sha256"),
        rs.getString("file_format"),
        rs.getInt("total_rows"),
        ImportStatus.valueOf(rs.getString("status")),
        rs.getString("mapping"),
        rs.getBoolean("all_or_nothing"),
        rs.getObject("job_id", Long.class),
        rs.getInt("committed_line"),
        rs.getInt("committed_rows"),
        rs.getString("message"),
        rs.getString("created_by"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant());
  }
}
