package io.tagbase.governance;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The last day each tag was viewed and used; one row per tag. */
@Repository
class JdbcTagActivity {
  /** One tag's row; dates null when never. */
  record Row(String tagCode, LocalDate lastViewed, LocalDate lastUsed, LocalDate trackedFrom) {}

  private final JdbcClient jdbc;

  JdbcTagActivity(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Map<String, Row> all() {
    Map<String, Row> out = new HashMap<>();
    jdbc.sql("select tag_code, last_viewed, last_used, tracked_from from tag_activity")
        .query(
            (rs, n) ->
                new Row(
                    rs.getString(1), day(rs.getDate(2)), day(rs.getDate(3)), day(rs.getDate(4))))
        .list()
        .forEach(r -> out.put(r.tagCode(), r));
    return out;
  }

  /**
   * Moves the tag's last viewed ({@code column} last_viewed) or used (last_used) day forward to
   * {@code day}; a tag without a row gets one, tracked from that day. One statement when the row
   * exists, two the first time.
   */
  void touch(String tagCode, String column, LocalDate day) {
    if (!column.equals("last_viewed") && !column.equals("last_used")) {
      throw new IllegalArgumentException(column);
    }
    int updated =
        jdbc.sql(
                "update tag_activity set "
                    + column
                    + " = :day where tag_code = :tag and ("
                    + column
                    + " is null or "
                    + column
                    + " < :day)")
            .param("day", Date.valueOf(day))
            .param("tag", tagCode)
            .update();
    if (updated == 0
        && jdbc.sql("select count(*) from tag_activity where tag_code = :tag")
                .param("tag", tagCode)
                .query(Integer.class)
                .single()
            == 0) {
      jdbc.sql(
              "insert into tag_activity (tag_code, "
                  + column
                  + ", tracked_from) values (:tag, :day, :day)")
          .param("tag", tagCode)
          .param("day", Date.valueOf(day))
          .update();
    }
  }

  private static LocalDate day(Date date) {
    return date == null ? null : date.toLocalDate();
  }
}
