package io.tagbase.storage;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, lets the driver send a JDBC batch of inserts as multi-row INSERT statements
 * ({@code reWriteBatchedInserts}) instead of one statement per row: the server parses, plans and
 * executes each row of an event batch otherwise, which was most of its work in the ingest
 * benchmark. Transactions and their durability are unchanged; only the wire format differs. A URL
 * that sets the option itself keeps its own value. H2 is left as it is.
 */
@Component
class PostgresBatchInserts implements BeanPostProcessor {
  static final String OPTION = "reWriteBatchedInserts";

  @Override
  public Object postProcessBeforeInitialization(Object bean, String name) {
    if (bean instanceof HikariDataSource data) {
      String url = data.getJdbcUrl();
      if (url != null && url.startsWith("jdbc:postgresql:") && !url.contains(OPTION)) {
        data.addDataSourceProperty(OPTION, "true");
      }
    }
    return bean;
  }
}
