package io.tagbase.customer;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customers' attributes in bulk, for keeping them in memory as columns: the built-in fields ({@link
 * #BUILT_IN}) and every custom value, as the Java values rules compare (numbers as Integer or
 * Double, DATE as LocalDate, DATETIME as Instant, BOOLEAN, LIST as a list of strings, the rest as
 * strings). Cost: one streamed scan of customers and one of their custom values; for given
 * customers, two reads by id. Thread-safe.
 */
@Service
public class CustomerAttributes {
  /** The built-in fields rules read and their types (as {@link AttributeType} names). */
  public static final Map<String, AttributeType> BUILT_IN = builtIn();

  /** Receives values; a customer's built-in row comes before any of its custom values. */
  public interface Sink {
    /** A customer exists (called once per customer, before its values). */
    void customer(String externalId);

    /** One non-null value of a customer. */
    void value(String externalId, String code, Object value);
  }

  private final JdbcCustomerRepository customers;
  private final JdbcAttributeRepository attributes;

  CustomerAttributes(JdbcCustomerRepository customers, JdbcAttributeRepository attributes) {
    this.customers = customers;
    this.attributes = attributes;
  }

  /** Custom field codes and types, in definition order. */
  @Transactional(readOnly = true)
  public Map<String, AttributeType> customTypes() {
    Map<String, AttributeType> types = new LinkedHashMap<>();
    attributes.all().forEach(d -> types.put(d.code(), d.type()));
    return types;
  }

  /**
   * Every value of the given customers (database ids), or of everyone when {@code customerIds} is
   * null; customers that no longer exist are left out.
   */
  @Transactional(readOnly = true)
  public void forEach(Collection<Long> customerIds, Sink sink) {
    if (customerIds != null && customerIds.isEmpty()) {
      return;
    }
    customers.forEachBuiltIn(customerIds, sink);
    attributes.forEachValue(customerIds, null, sink);
  }

  /** Every customer's value of one custom field (for a column built afresh). */
  @Transactional(readOnly = true)
  public void forEachValueOf(String code, Sink sink) {
    attributes.forEachValue(null, code, sink);
  }

  private static Map<String, AttributeType> builtIn() {
    Map<String, AttributeType> types = new LinkedHashMap<>();
    types.put("gender", AttributeType.STRING);
    types.put("age", AttributeType.NUMBER);
    types.put("city", AttributeType.STRING);
    types.put("channel", AttributeType.STRING);
    types.put("signup_date", AttributeType.DATE);
    return java.util.Collections.unmodifiableMap(types);
  }
}
