package io.tagbase.customer;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
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

  JdbcCustomerRepository(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
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

  /** A page of customers whose id, name or city contains {@code query} (all when null). */
  List<Customer> search(String query, int offset, int limit) {
    var sql =
        jdbc.sql(
            "select "
                + COLUMNS
                + " from customer"
                + where(query)
                + " order by id limit :limit offset :offset");
    if (query != null) {
      sql = sql.param("q", like(query));
    }
    return sql.param("limit", limit)
        .param("offset", offset)
        .query(JdbcCustomerRepository::map)
        .list();
  }

  long count(String query) {
    var sql = jdbc.sql("select count(*) from customer" + where(query));
    if (query != null) {
      sql = sql.param("q", like(query));
    }
    return sql.query(Long.class).single();
  }

  private static String where(String query) {
    return query == null
        ? ""
        : " where lower(external_id) like :q escape '\\' or lower(display_name) like :q escape '\\'"
            + " or lower(city) like :q escape '\\'";
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

  Optional<Long> idOf(String externalId) {
    return jdbc.sql("select id from customer where external_id = :id")
        .param("id", externalId)
        .query(Long.class)
        .optional();
  }

  void insertEvents(List<NewEvent> events) {
    template.batchUpdate(
        "insert into customer_event (customer_id, event_type, occurred_at, order_id, amount,"
            + " properties) values (?, ?, ?, ?, ?, ?)",
        events,
        1000,
        (ps, e) -> {
          ps.setLong(1, e.customerId());
          ps.setString(2, e.type());
          ps.setTimestamp(3, Timestamp.from(e.occurredAt()));
          ps.setString(4, e.orderId());
          ps.setBigDecimal(5, e.amount());
          ps.setString(6, e.properties());
        });
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
