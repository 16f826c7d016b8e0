package io.tagbase.bench;

import io.tagbase.bench.SqlConditions.Schema;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The query mix as SQL on one of the two baseline schemas, over one connection. */
final class PostgresEngine implements Engine {
  private final Connection connection;
  private final Schema schema;
  private final Map<String, String> sql = new HashMap<>();

  PostgresEngine(Connection connection, Schema schema, int timeoutSeconds) throws SQLException {
    this.connection = connection;
    this.schema = schema;
    try (Statement s = connection.createStatement()) {
      s.execute("SET statement_timeout = '" + timeoutSeconds + "s'");
    }
  }

  @Override
  public String name() {
    return schema == Schema.ARRAY ? "PG int[]+GIN" : "PG join table";
  }

  /** The SQL this engine runs for {@code query}. */
  String sql(BenchQuery query) {
    return sql.computeIfAbsent(query.id(), id -> build(query));
  }

  @Override
  public long[] run(BenchQuery query) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.setFetchSize(0); // autocommit: everything in one round trip
      try (ResultSet rs = s.executeQuery(sql(query))) {
        return switch (query.kind()) {
          case COUNT -> {
            rs.next();
            yield new long[] {rs.getLong(1)};
          }
          case EXPORT -> {
            long count = 0;
            long sum = 0;
            while (rs.next()) {
              count++;
              sum += rs.getInt(1);
            }
            yield new long[] {count, sum};
          }
          case DISTRIBUTION, COVERAGE -> perTag(rs, query.tags());
          case OVERLAP -> perPair(rs, query.tags());
        };
      }
    }
  }

  private String build(BenchQuery query) {
    String customers = schema == Schema.ARRAY ? "customers_arr c" : "customers_j c";
    String where = SqlConditions.where(query.segment(), query.ranges(), schema);
    List<Integer> ids = query.tags().stream().map(TagCatalogue::id).toList();
    String inList = SqlConditions.array(ids).replaceAll("[{}]", "");
    return switch (query.kind()) {
      case COUNT ->
          schema == Schema.JOIN
                  && query.ranges().isEmpty()
                  && query.segment() instanceof io.tagbase.engine.Condition.HasTag has
              ? "SELECT count(*) FROM customer_tags WHERE tag_id = " + TagCatalogue.id(has.tag())
              : "SELECT count(*) FROM " + customers + " WHERE " + where;
      case EXPORT -> "SELECT c.id FROM " + customers + " WHERE " + where;
      case DISTRIBUTION ->
          schema == Schema.ARRAY
              ? "SELECT t, count(*) FROM customers_arr c CROSS JOIN LATERAL unnest(c.tags) t WHERE "
                  + where
                  + " GROUP BY t"
              : "SELECT y.tag_id, count(*) FROM customers_j c JOIN customer_tags y"
                  + " ON y.customer_id = c.id WHERE "
                  + where
                  + " GROUP BY y.tag_id";
      case COVERAGE ->
          schema == Schema.ARRAY
              ? "SELECT t, count(*) FROM customers_arr c CROSS JOIN LATERAL unnest(c.tags) t GROUP BY t"
              : "SELECT tag_id, count(*) FROM customer_tags GROUP BY tag_id";
      case OVERLAP ->
          schema == Schema.ARRAY
              ? "SELECT a, b, count(*) FROM customers_arr c CROSS JOIN LATERAL unnest(c.tags) a"
                  + " CROSS JOIN LATERAL unnest(c.tags) b WHERE c.tags && '"
                  + SqlConditions.array(ids)
                  + "' AND a IN ("
                  + inList
                  + ") AND b IN ("
                  + inList
                  + ") GROUP BY a, b"
              : "SELECT x.tag_id, y.tag_id, count(*) FROM customer_tags x JOIN customer_tags y"
                  + " ON y.customer_id = x.customer_id WHERE x.tag_id IN ("
                  + inList
                  + ") AND y.tag_id IN ("
                  + inList
                  + ") GROUP BY x.tag_id, y.tag_id";
    };
  }

  private static long[] perTag(ResultSet rs, List<String> tags) throws SQLException {
    Map<Integer, Integer> position = positions(tags);
    long[] counts = new long[tags.size()];
    while (rs.next()) {
      Integer at = position.get(rs.getInt(1));
      if (at != null) {
        counts[at] = rs.getLong(2);
      }
    }
    return counts;
  }

  private static long[] perPair(ResultSet rs, List<String> tags) throws SQLException {
    Map<Integer, Integer> position = positions(tags);
    int n = tags.size();
    long[] counts = new long[n * n];
    while (rs.next()) {
      counts[position.get(rs.getInt(1)) * n + position.get(rs.getInt(2))] = rs.getLong(3);
    }
    return counts;
  }

  private static Map<Integer, Integer> positions(List<String> tags) {
    Map<Integer, Integer> position = new HashMap<>();
    for (int i = 0; i < tags.size(); i++) {
      position.put(TagCatalogue.id(tags.get(i)), i);
    }
    return position;
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
