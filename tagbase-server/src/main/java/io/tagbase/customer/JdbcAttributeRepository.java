package io.tagbase.customer;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The attribute schema and the custom field values of customers. */
@Repository
class JdbcAttributeRepository {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String COLUMNS =
      "id, code, name_zh, name_en, type, options, required, pii, description";
  private final JdbcClient jdbc;

  JdbcAttributeRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<AttributeDefinition> all() {
    return jdbc.sql("select " + COLUMNS + " from attribute_def order by id")
        .query(JdbcAttributeRepository::map)
        .list();
  }

  Optional<AttributeDefinition> find(String code) {
    return jdbc.sql("select " + COLUMNS + " from attribute_def where code = :code")
        .param("code", code)
        .query(JdbcAttributeRepository::map)
        .optional();
  }

  void insert(NewAttribute a, Instant now) {
    jdbc.sql(
            "insert into attribute_def (code, name_zh, name_en, type, options, required, pii,"
                + " description, created_at) values (:code, :zh, :en, :type, :options, :required,"
                + " :pii, :description, :now)")
        .param("code", a.code())
        .param("zh", a.nameZh())
        .param("en", a.nameEn())
        .param("type", a.type().name())
        .param(
            "options", a.options() == null ? null : String.join("\n", a.options()), Types.VARCHAR)
        .param("required", a.required())
        .param("pii", a.pii())
        .param("description", a.description(), Types.VARCHAR)
        .param("now", Timestamp.from(now))
        .update();
  }

  /** Sets (inserts or replaces) one value. */
  void put(long customerId, long attributeId, AttributeValue value) {
    int updated =
        jdbc.sql(
                "update customer_attribute set text_value = :value, number_value = :number"
                    + " where customer_id = :customer and attribute_id = :attribute")
            .param("value", value.text())
            .param("number", value.number(), Types.DOUBLE)
            .param("customer", customerId)
            .param("attribute", attributeId)
            .update();
    if (updated == 0) {
      jdbc.sql(
              "insert into customer_attribute (customer_id, attribute_id, text_value, number_value)"
                  + " values (:customer, :attribute, :value, :number)")
          .param("value", value.text())
          .param("number", value.number(), Types.DOUBLE)
          .param("customer", customerId)
          .param("attribute", attributeId)
          .update();
    }
  }

  /** The customer's custom field values by field code, in schema order. */
  Map<String, String> valuesOf(long customerId) {
    Map<String, String> values = new LinkedHashMap<>();
    jdbc.sql(
            "select d.code, a.text_value from customer_attribute a join attribute_def d"
                + " on d.id = a.attribute_id where a.customer_id = :customer order by d.id")
        .param("customer", customerId)
        .query((rs, n) -> values.put(rs.getString(1), rs.getString(2)))
        .list();
    return values;
  }

  /** Gives the kept customer the merged one's values for fields it has none of; drops the rest. */
  void merge(long keptId, long mergedId) {
    jdbc.sql(
            "update customer_attribute set customer_id = :kept where customer_id = :merged"
                + " and attribute_id not in (select attribute_id from customer_attribute"
                + " where customer_id = :kept)")
        .param("kept", keptId)
        .param("merged", mergedId)
        .update();
    jdbc.sql("delete from customer_attribute where customer_id = :merged")
        .param("merged", mergedId)
        .update();
  }

  /**
   * Custom values as the Java values rules compare, of the given customers or everyone (null), of
   * one field or all (null); streamed in batches of 10,000 rows, ids read 1,000 per query. A stored
   * text its type cannot read is left out (it reads as missing).
   */
  void forEachValue(Collection<Long> customerIds, String code, CustomerAttributes.Sink sink) {
    Map<String, AttributeType> types = new HashMap<>();
    all().forEach(d -> types.put(d.code(), d.type()));
    String select =
        "select c.external_id, d.code, a.text_value, a.number_value from customer_attribute a"
            + " join customer c on c.id = a.customer_id join attribute_def d on d.id ="
            + " a.attribute_id where "
            + (code == null ? "1 = 1" : "d.code = :code");
    RowCallbackHandler row =
        rs -> {
          String field = rs.getString(2);
          AttributeType type = types.get(field);
          if (type == null) {
            return;
          }
          double number = rs.getDouble(4);
          Object value = value(type, rs.getString(3), rs.wasNull() ? null : number);
          if (value != null) {
            sink.value(rs.getString(1), field, value);
          }
        };
    if (customerIds == null) {
      var query = jdbc.sql(select).withFetchSize(10_000);
      if (code != null) {
        query = query.param("code", code);
      }
      query.query(row);
      return;
    }
    List<Long> ids = List.copyOf(customerIds);
    for (int from = 0; from < ids.size(); from += 1000) {
      var query =
          jdbc.sql(select + " and a.customer_id in (:ids)")
              .param("ids", ids.subList(from, Math.min(ids.size(), from + 1000)));
      if (code != null) {
        query = query.param("code", code);
      }
      query.query(row);
    }
  }

  /** A stored value as rules compare it; null for a text its type cannot read. */
  static Object value(AttributeType type, String text, Double number) {
    if (text == null) {
      return null;
    }
    try {
      switch (type) {
        case NUMBER:
          return number != null ? (Object) number : new BigDecimal(text);
        case BOOLEAN:
          return Boolean.parseBoolean(text);
        case DATE:
          return LocalDate.parse(text);
        case DATETIME:
          return OffsetDateTime.parse(text).toInstant();
        case LIST:
          JsonNode list = JSON.readTree(text);
          return list.isArray()
              ? list.valueStream().map(JsonNode::asString).toList()
              : List.of(text);
        default:
          return text;
      }
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static AttributeDefinition map(ResultSet rs, int row) throws SQLException {
    String options = rs.getString("options");
    return new AttributeDefinition(
        rs.getLong("id"),
        rs.getString("code"),
        rs.getString("name_zh"),
        rs.getString("name_en"),
        AttributeType.valueOf(rs.getString("type")),
        options == null || options.isEmpty() ? List.of() : Arrays.asList(options.split("\n")),
        rs.getBoolean("required"),
        rs.getBoolean("pii"),
        rs.getString("description"));
  }
}
