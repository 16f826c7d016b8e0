package io.tagbase.customer;

import io.tagbase.storage.DatabaseKind;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class JdbcCustomerRepository {
  private static final String COLUMNS =
      "id, external_id, display_name, gender, age, city, channel, signup_date, phone, email,"
          + " created_at, updated_at";

  private final JdbcClient jdbc;
  private final JdbcTemplate template;
  private final boolean postgres;
  private volatile String eventIdSequence; // PostgreSQL: see eventIdSequence()

  JdbcCustomerRepository(JdbcClient jdbc, JdbcTemplate template, DatabaseKind database) {
    this.jdbc = jdbc;
    this.template = template;
    this.postgres = database.postgres();
  }

  Customer insert(NewCustomer c, Instant now) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into customer (external_id, display_name, gender, age, city, channel,"
                + " signup_date, phone, email, created_at, updated_at) values (:externalId,"
                + " :displayName, :gender, :age, :city, :channel, :signupDate, :phone, :email, :now,"
                + " :now)")
        .param("externalId", c.externalId())
        .param("displayName", c.displayName())
        .param("gender", c.gender())
        .param("age", c.age(), Types.INTEGER)
        .param("city", c.city())
        .param("channel", c.channel())
        .param(
            "signupDate", c.signupDate() == null ? null : Date.valueOf(c.signupDate()), Types.DATE)
        .param("phone", c.phone())
        .param("email", c.email())
        .param("now", Timestamp.from(now))
        .update(keys, "id");
    return findByExternalId(c.externalId()).orElseThrow();
  }

  /** Inserts many customers in JDBC batches; cost is one round trip per 1,000 rows. */
  void insertAll(List<NewCustomer> customers, Instant now) {
    Timestamp ts = Timestamp.from(now);
    template.batchUpdate(
        "insert into customer (external_id, display_name, gender, age, city, channel, signup_date,"
            + " phone, email, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        customers,
        1000,
        (ps, c) -> {
          ps.setString(1, c.externalId());
          ps.setString(2, c.displayName());
          ps.setString(3, c.gender());
          ps.setObject(4, c.age(), Types.INTEGER);
          ps.setString(5, c.city());
          ps.setString(6, c.channel());
          ps.setDate(7, c.signupDate() == null ? null : Date.valueOf(c.signupDate()));
          ps.setString(8, c.phone());
          ps.setString(9, c.email());
          ps.setTimestamp(10, ts);
          ps.setTimestamp(11, ts);
        });
  }

  Optional<Customer> findById(long id) {
    return jdbc.sql("select " + COLUMNS + " from customer where id = :id")
        .param("id", id)
        .query(JdbcCustomerRepository::map)
        .optional();
  }

  /** Overwrites the built-in fields that {@code c} sets (non-null); the others stay. */
  void update(long id, NewCustomer c, Instant now) {
    jdbc.sql(
            "update customer set display_name = coalesce(:displayName, display_name),"
                + " gender = coalesce(:gender, gender), age = coalesce(:age, age),"
                + " city = coalesce(:city, city), channel = coalesce(:channel, channel),"
                + " signup_date = coalesce(:signupDate, signup_date),"
                + " phone = coalesce(:phone, phone), email = coalesce(:email, email),"
                + " updated_at = :now where id = :id")
        .param("displayName", c.displayName(), Types.VARCHAR)
        .param("gender", c.gender(), Types.VARCHAR)
        .param("age", c.age(), Types.INTEGER)
        .param("city", c.city(), Types.VARCHAR)
        .param("channel", c.channel(), Types.VARCHAR)
        .param(
            "signupDate", c.signupDate() == null ? null : Date.valueOf(c.signupDate()), Types.DATE)
        .param("phone", c.phone(), Types.VARCHAR)
        .param("email", c.email(), Types.VARCHAR)
        .param("now", Timestamp.from(now))
        .param("id", id)
        .update();
  }

  /** Fills the kept customer's empty built-in fields from the merged one. */
  void fillFrom(long keptId, long mergedId, Instant now) {
    StringBuilder sql = new StringBuilder("update customer set updated_at = :now");
    for (String column :
        List.of(
            "display_name", "gender", "age", "city", "channel", "signup_date", "phone", "email")) {
      sql.append(", ")
          .append(column)
          .append(" = coalesce(")
          .append(column)
          .append(", (select m.")
          .append(column)
          .append(" from customer m where m.id = :merged))");
    }
    jdbc.sql(sql.append(" where id = :kept").toString())
        .param("now", Timestamp.from(now))
        .param("merged", mergedId)
        .param("kept", keptId)
        .update();
  }

  Optional<Customer> findByExternalId(String externalId) {
    return jdbc.sql("select " + COLUMNS + " from customer where external_id = :id")
        .param("id", externalId)
        .query(JdbcCustomerRepository::map)
        .optional();
  }

  List<Customer> findByExternalIds(Collection<String> externalIds) {
    if (externalIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select " + COLUMNS + " from customer where external_id in (:ids)")
        .param("ids", externalIds)
        .query(JdbcCustomerRepository::map)
        .list();
  }

  /**
   * Database ids by external id, reading those two columns only: event batches resolve hundreds of
   * customers per request, and mapping whole rows (three timestamps each) was a measurable part of
   * ingest's CPU.
   */
  Map<String, Long> idsByExternalId(Collection<String> externalIds) {
    Map<String, Long> ids = new HashMap<>(2 * externalIds.size());
    if (externalIds.isEmpty()) {
      return ids;
    }
    RowCallbackHandler put = rs -> ids.put(rs.getString(1), rs.getLong(2));
    if (postgres) {
      // One array parameter: PostgreSQL parses and plans a 500-value IN list for every batch.
      template.query(
          "select external_id, id from customer where external_id = any(cast(? as text[]))",
          ps -> ps.setObject(1, externalIds.toArray(new String[0])),
          put);
    } else {
      jdbc.sql("select external_id, id from customer where external_id in (:ids)")
          .param("ids", externalIds)
          .query(put);
    }
    return ids;
  }

  /** A page of customers whose id, name or city contains {@code query} (all when null). */
  List<Customer> search(String query, int offset, int limit) {
    return search(query, null, offset, limit);
  }

  /**
   * A page of customers matching {@code query} (null for all) owned by {@code owner} (null: any).
   */
  List<Customer> search(String query, String owner, int offset, int limit) {
    var sql =
        jdbc.sql(
            "select "
                + COLUMNS
                + " from customer"
                + where(query, owner)
                + " order by id limit :limit offset :offset");
    sql = bind(sql, query, owner);
    return sql.param("limit", limit)
        .param("offset", offset)
        .query(JdbcCustomerRepository::map)
        .list();
  }

  long count(String query) {
    return count(query, null);
  }

  long count(String query, String owner) {
    var sql = jdbc.sql("select count(*) from customer" + where(query, owner));
    return bind(sql, query, owner).query(Long.class).single();
  }

  private static JdbcClient.StatementSpec bind(
      JdbcClient.StatementSpec sql, String query, String owner) {
    if (query != null) {
      sql = sql.param("q", like(query));
    }
    if (owner != null) {
      sql = sql.param("owner", owner);
    }
    return sql;
  }

  private static String where(String query, String owner) {
    String q =
        query == null
            ? null
            : "(lower(external_id) like :q escape '\\' or lower(display_name) like :q escape '\\'"
                + " or lower(city) like :q escape '\\')";
    String o = owner == null ? null : "owner = :owner";
    if (q == null && o == null) {
      return "";
    }
    return " where " + (q == null ? o : o == null ? q : q + " and " + o);
  }

  /** The owner of a customer: empty when unknown, a null-holding list entry when unowned. */
  List<String> ownerOf(String externalId) {
    return jdbc.sql("select owner from customer where external_id = :id")
        .param("id", externalId)
        .query((rs, n) -> rs.getString(1))
        .list();
  }

  List<String> externalIdsOwnedBy(String owner) {
    return jdbc.sql("select external_id from customer where owner = :owner order by id")
        .param("owner", owner)
        .query(String.class)
        .list();
  }

  boolean userExists(String username) {
    return jdbc.sql("select count(*) from app_user where username = :u")
            .param("u", username)
            .query(Long.class)
            .single()
        > 0;
  }

  int setOwner(String externalId, String owner, java.time.Instant now) {
    return jdbc.sql("update customer set owner = :owner, updated_at = :now where external_id = :id")
        .param("owner", owner, java.sql.Types.VARCHAR)
        .param("now", java.sql.Timestamp.from(now))
        .param("id", externalId)
        .update();
  }

  private static String like(String query) {
    String escaped =
        query
            .toLowerCase(java.util.Locale.ROOT)
            .replace("\\", "\\\\")
            .replace("%", "\\%")
            .replace("_", "\\_");
    return "%" + escaped + "%";
  }

  /** Streams every external id in id order without holding them all in memory. */
  void forEachExternalId(Consumer<String> action) {
    template.query(
        "select external_id from customer order by id",
        (RowCallbackHandler) rs -> action.accept(rs.getString(1)));
  }

  /**
   * The built-in fields rules read, of the given customers or of everyone (null), streamed in
   * batches of 10,000 rows; ids are read 1,000 per query.
   */
  void forEachBuiltIn(Collection<Long> customerIds, CustomerAttributes.Sink sink) {
    String select = "select external_id, gender, age, city, channel, signup_date from customer";
    RowCallbackHandler row =
        rs -> {
          String id = rs.getString(1);
          sink.customer(id);
          value(sink, id, "gender", rs.getString(2));
          int age = rs.getInt(3);
          value(sink, id, "age", rs.wasNull() ? null : age);
          value(sink, id, "city", rs.getString(4));
          value(sink, id, "channel", rs.getString(5));
          Date signup = rs.getDate(6);
          value(sink, id, "signup_date", signup == null ? null : signup.toLocalDate());
        };
    if (customerIds == null) {
      template.query(
          con -> {
            var statement = con.prepareStatement(select + " order by id");
            statement.setFetchSize(10_000);
            return statement;
          },
          row);
      return;
    }
    List<Long> ids = List.copyOf(customerIds);
    for (int from = 0; from < ids.size(); from += 1000) {
      jdbc.sql(select + " where id in (:ids)")
          .param("ids", ids.subList(from, Math.min(ids.size(), from + 1000)))
          .query(row);
    }
  }

  private static void value(CustomerAttributes.Sink sink, String id, String code, Object value) {
    if (value != null) {
      sink.value(id, code, value);
    }
  }

  Optional<Long> idOf(String externalId) {
    return jdbc.sql("select id from customer where external_id = :id")
        .param("id", externalId)
        .query(Long.class)
        .optional();
  }

  /**
   * Inserts the events whose message id is not stored yet (nor repeated earlier in the list);
   * returns those inserted, in the order given, with their ids. On PostgreSQL one query takes the
   * list's ids from the sequence, then one statement inserts the whole list from arrays and skips
   * stored message ids itself ({@code on conflict do nothing}); elsewhere one read per 500 message
   * ids finds the stored ones, then one batch per 1,000 rows inserts and returns the generated ids.
   */
  StoredEvents insertEvents(List<NewEvent> events, Instant receivedAt) {
    Set<String> seen = new HashSet<>(2 * events.size());
    List<NewEvent> unique = new ArrayList<>(events.size());
    for (NewEvent e : events) {
      if (e.messageId() == null || seen.add(e.messageId())) {
        unique.add(e);
      }
    }
    if (unique.isEmpty()) {
      return StoredEvents.NONE;
    }
    Timestamp received = Timestamp.from(receivedAt);
    return postgres ? insertEventsOnPostgres(unique, received) : insertNewEvents(unique, received);
  }

  private StoredEvents insertNewEvents(List<NewEvent> events, Timestamp received) {
    Set<String> stored = new HashSet<>();
    List<String> ids = events.stream().map(NewEvent::messageId).filter(Objects::nonNull).toList();
    for (int from = 0; from < ids.size(); from += 500) {
      stored.addAll(
          jdbc.sql("select message_id from customer_event where message_id in (:ids)")
              .param("ids", ids.subList(from, Math.min(ids.size(), from + 500)))
              .query(String.class)
              .list());
    }
    List<NewEvent> fresh =
        events.stream()
            .filter(e -> e.messageId() == null || !stored.contains(e.messageId()))
            .toList();
    long[] generated = new long[fresh.size()];
    template.execute(
        (ConnectionCallback<Void>)
            con -> {
              try (PreparedStatement ps =
                  con.prepareStatement(
                      "insert into customer_event (customer_id, event_type, occurred_at, order_id,"
                          + " amount, properties, message_id, source, received_at)"
                          + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                      new String[] {"id"})) {
                for (int from = 0; from < fresh.size(); from += 1000) {
                  int to = Math.min(fresh.size(), from + 1000);
                  for (NewEvent e : fresh.subList(from, to)) {
                    ps.setLong(1, e.customerId());
                    ps.setString(2, e.type());
                    ps.setTimestamp(3, Timestamp.from(e.occurredAt()));
                    ps.setString(4, e.orderId());
                    ps.setBigDecimal(5, e.amount());
                    ps.setString(6, e.properties());
                    ps.setString(7, e.messageId());
                    ps.setString(8, e.source());
                    ps.setTimestamp(9, received);
                    ps.addBatch();
                  }
                  ps.executeBatch();
                  // one key per batched row, in the order the rows were added
                  int i = from;
                  try (ResultSet keys = ps.getGeneratedKeys()) {
                    while (keys.next()) {
                      generated[i++] = keys.getLong(1);
                    }
                  }
                  if (i != to) {
                    throw new IllegalStateException(
                        (i - from) + " generated ids for " + (to - from) + " inserted events");
                  }
                }
              }
              return null;
            });
    return new StoredEvents(fresh, generated);
  }

  /**
   * The sequence of {@code customer_event.id} as a literal {@code regclass}, looked up once: it is
   * resolved when the statement is parsed, as in the column's default, where {@code
   * nextval(pg_get_serial_sequence(..))} would parse and look up the name again for every row.
   */
  private String eventIdSequence() {
    String sequence = eventIdSequence;
    if (sequence == null) {
      String name =
          jdbc.sql("select pg_get_serial_sequence('customer_event', 'id')")
              .query(String.class)
              .single();
      sequence = "cast('" + name.replace("'", "''") + "' as regclass)";
      eventIdSequence = sequence;
    }
    return sequence;
  }

  /**
   * Two statements per list. The first takes an id for every event from the column's sequence; the
   * second inserts them with their columns as arrays, so PostgreSQL parses and plans it once
   * however many rows there are, and finds a stored message id while inserting instead of in a
   * separate read; the ids it returns are those of the events inserted. The ids of skipped events
   * are left unused, as a conflicting insert with the column's default would leave them.
   */
  private StoredEvents insertEventsOnPostgres(List<NewEvent> events, Timestamp received) {
    int n = events.size();
    long[] ids =
        template.query(
            "select nextval(" + eventIdSequence() + ") from generate_series(1, ?)",
            rs -> {
              long[] taken = new long[n];
              int i = 0;
              while (rs.next()) {
                taken[i++] = rs.getLong(1);
              }
              return taken;
            },
            n);
    long[] customers = new long[n];
    long[] occurred = new long[n]; // microseconds since the epoch: no text, no session time zone
    String[] types = new String[n];
    String[] orders = new String[n];
    String[] amounts = new String[n];
    String[] properties = new String[n];
    String[] messages = new String[n];
    String[] sources = new String[n];
    for (int i = 0; i < n; i++) {
      NewEvent e = events.get(i);
      customers[i] = e.customerId();
      occurred[i] =
          Math.addExact(
              Math.multiplyExact(e.occurredAt().getEpochSecond(), 1_000_000L),
              e.occurredAt().getNano() / 1_000);
      types[i] = e.type();
      orders[i] = e.orderId();
      amounts[i] = e.amount() == null ? null : e.amount().toString();
      properties[i] = e.properties();
      messages[i] = e.messageId();
      sources[i] = e.source();
    }
    Set<Long> inserted = new HashSet<>(2 * n);
    // Arrays as parameters of their own type (bigint[], text[]), which the driver sends in binary.
    template.query(
        "insert into customer_event (id, customer_id, event_type, occurred_at, order_id, amount,"
            + " properties, message_id, source, received_at)"
            + " select i, c, t, timestamptz 'epoch' + o * interval '1 microsecond', r,"
            + " cast(a as numeric), p, m, s, ? from unnest(cast(? as bigint[]),"
            + " cast(? as bigint[]), cast(? as text[]), cast(? as bigint[]), cast(? as text[]),"
            + " cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]))"
            + " as u (i, c, t, o, r, a, p, m, s)"
            + " on conflict (message_id) do nothing returning id",
        ps -> {
          ps.setTimestamp(1, received);
          ps.setObject(2, ids);
          ps.setObject(3, customers);
          ps.setObject(4, types);
          ps.setObject(5, occurred);
          ps.setObject(6, orders);
          ps.setObject(7, amounts);
          ps.setObject(8, properties);
          ps.setObject(9, messages);
          ps.setObject(10, sources);
        },
        (RowCallbackHandler) rs -> inserted.add(rs.getLong(1)));
    if (inserted.size() == n) {
      return new StoredEvents(events, ids);
    }
    List<NewEvent> kept = new ArrayList<>(inserted.size());
    long[] keptIds = new long[inserted.size()];
    for (int i = 0; i < n; i++) {
      if (inserted.contains(ids[i])) {
        keptIds[kept.size()] = ids[i];
        kept.add(events.get(i));
      }
    }
    return new StoredEvents(kept, keptIds);
  }

  List<CustomerEvent> recentEvents(long customerId, int limit) {
    return jdbc.sql(
            "select id, customer_id, event_type, occurred_at, order_id, amount, properties"
                + " from customer_event where customer_id = :id"
                + " order by occurred_at desc, id desc limit :limit")
        .param("id", customerId)
        .param("limit", limit)
        .query(
            (rs, n) ->
                new CustomerEvent(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getString(3),
                    rs.getTimestamp(4).toInstant(),
                    rs.getString(5),
                    rs.getBigDecimal(6),
                    rs.getString(7)))
        .list();
  }

  private static Customer map(ResultSet rs, int row) throws SQLException {
    Date signup = rs.getDate("signup_date");
    return new Customer(
        rs.getLong("id"),
        rs.getString("external_id"),
        rs.getString("display_name"),
        rs.getString("gender"),
        (Integer) rs.getObject("age", Integer.class),
        rs.getString("city"),
        rs.getString("channel"),
        signup == null ? null : signup.toLocalDate(),
        rs.getString("phone"),
        rs.getString("email"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant());
  }
}
