package io.tagbase.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Loads the generated data into the two baseline schemas with COPY, within a time budget. Each
 * table is created and filled in one transaction with {@code COPY ... FREEZE}, so rows are written
 * frozen and all-visible (index-only scans work without a VACUUM), then indexed and analyzed.
 * Whatever overruns the budget is rolled back and reported as skipped.
 */
final class PostgresLoader {
  /** How a load went: loaded in {@code millis}, or skipped with the reason. */
  record Load(boolean loaded, long millis, String note) {}

  private final BenchData data;
  private final long budgetMillis;

  PostgresLoader(BenchData data, long budgetMillis) {
    this.data = data;
    this.budgetMillis = budgetMillis;
  }

  /** {@code customers_arr(id, tags int[], attributes...)} with a GIN index on tags. */
  Load loadArrayTable(Connection c) throws SQLException {
    long start = System.nanoTime();
    int n = data.customers();
    int[] offsets = new int[n + 1]; // each customer's tags, ascending: CSR over the members
    for (int[] members : data.members()) {
      for (int id : members) {
        offsets[id + 1]++;
      }
    }
    for (int id = 0; id < n; id++) {
      offsets[id + 1] += offsets[id];
    }
    short[] tags = new short[offsets[n]];
    int[] fill = offsets.clone();
    for (int tag = 0; tag < data.members().length; tag++) {
      for (int id : data.members()[tag]) {
        tags[fill[id]++] = (short) tag;
      }
    }
    fill = null;
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE customers_arr (id int PRIMARY KEY, tags int[] NOT NULL,"
              + " last_purchase_day int NOT NULL, purchases_30d int NOT NULL,"
              + " spend_cents int NOT NULL, country int NOT NULL)");
      CopyIn copy = copyIn(c, "COPY customers_arr FROM STDIN WITH (FREEZE)");
      CopyBuffer rows = new CopyBuffer(copy);
      for (int id = 0; id < n; id++) {
        rows.put(id).put('\t').put('{');
        for (int i = offsets[id]; i < offsets[id + 1]; i++) {
          if (i > offsets[id]) {
            rows.put(',');
          }
          rows.put(tags[i]);
        }
        rows.put('}').put('\t').put(data.lastPurchaseDay()[id]).put('\t');
        rows.put(data.purchases30d()[id]).put('\t').put(data.spendCents()[id]).put('\t');
        rows.put(data.country()[id]);
        rows.endRow();
        if ((id & 0xFFFF) == 0 && overBudget(start)) {
          copy.cancelCopy();
          return skip(c, start, "COPY reached row " + id + " of " + n);
        }
      }
      rows.flush();
      copy.endCopy();
      return finish(
          c,
          s,
          start,
          "CREATE INDEX customers_arr_tags ON customers_arr USING gin (tags)",
          "ANALYZE customers_arr");
    }
  }

  /**
   * {@code customers_j(id, attributes...)} and {@code customer_tags(customer_id, tag_id)} with
   * primary key (tag_id, customer_id). Rows arrive tag by tag, in key order.
   */
  Load loadJoinTable(Connection c) throws SQLException {
    long start = System.nanoTime();
    int n = data.customers();
    long total = data.assignments();
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE customers_j (id int PRIMARY KEY, last_purchase_day int NOT NULL,"
              + " purchases_30d int NOT NULL, spend_cents int NOT NULL, country int NOT NULL)");
      s.execute("CREATE TABLE customer_tags (customer_id int NOT NULL, tag_id int NOT NULL)");
      CopyIn copy = copyIn(c, "COPY customers_j FROM STDIN WITH (FREEZE)");
      CopyBuffer rows = new CopyBuffer(copy);
      for (int id = 0; id < n; id++) {
        rows.put(id).put('\t').put(data.lastPurchaseDay()[id]).put('\t');
        rows.put(data.purchases30d()[id]).put('\t').put(data.spendCents()[id]).put('\t');
        rows.put(data.country()[id]).endRow();
      }
      rows.flush();
      copy.endCopy();
      copy = copyIn(c, "COPY customer_tags FROM STDIN WITH (FREEZE)");
      rows = new CopyBuffer(copy);
      long sent = 0;
      for (int tag = 0; tag < data.members().length; tag++) {
        for (int id : data.members()[tag]) {
          rows.put(id).put('\t').put(tag).endRow();
          if ((++sent & 0xFFFFF) == 0 && overBudget(start)) {
            copy.cancelCopy();
            return skip(c, start, String.format("COPY reached %,d of %,d rows", sent, total));
          }
        }
      }
      rows.flush();
      copy.endCopy();
      return finish(
          c,
          s,
          start,
          "ALTER TABLE customer_tags ADD PRIMARY KEY (tag_id, customer_id)",
          "ANALYZE customers_j; ANALYZE customer_tags");
    }
  }

  private Load finish(Connection c, Statement s, long start, String index, String analyze)
      throws SQLException {
    long left = budgetMillis - elapsed(start);
    if (left <= 0) {
      return skip(c, start, "COPY used the whole budget");
    }
    s.execute("SET LOCAL statement_timeout = " + left);
    try {
      s.execute(index);
      s.execute(analyze);
    } catch (SQLException e) {
      if ("57014".equals(e.getSQLState())) { // query_canceled: the timeout
        return skip(c, start, "indexing did not finish within the budget");
      }
      throw e;
    }
    c.commit();
    c.setAutoCommit(true);
    return new Load(true, elapsed(start), "");
  }

  private Load skip(Connection c, long start, String why) throws SQLException {
    c.rollback();
    c.setAutoCommit(true);
    return new Load(
        false,
        elapsed(start),
        String.format(
            "skipped: %s; stopped after %.0f s (budget %d s)",
            why, elapsed(start) / 1e3, budgetMillis / 1000));
  }

  private boolean overBudget(long start) {
    return elapsed(start) > budgetMillis;
  }

  private static long elapsed(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static CopyIn copyIn(Connection c, String sql) throws SQLException {
    return c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
  }
}
